// `npm run package`: production build, then `vsce package` into dist/runbook-gate-<version>.vsix.
// The VSIX holds only what .vscodeignore allows (the extension and webview bundles, media,
// syntaxes, README, LICENSE); dist/cli.js is not shipped: the CLI is its own npm bin.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'], env: { ...process.env, CI: 'true' } });
    let output = '';
    child.stdout?.on('data', (chunk) => { output += chunk; });
    child.stderr?.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output}`))));
  });
}

export function vsixName() {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return `${manifest.name}-${manifest.version}.vsix`;
}

/** Builds the VSIX; resolves to { path, bytes }. vsce runs `vscode:prepublish` (the production build). */
export async function packageVsix({ outFile = join(repoRoot, 'dist', vsixName()), quiet = false } = {}) {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  // --no-rewrite-relative-links: the repository URL is not GitHub/GitLab, so vsce cannot make
  // the README's image links absolute; relative links resolve inside the installed VSIX.
  await run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', outFile], { quiet });
  return { path: outFile, bytes: statSync(outFile).size };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  packageVsix().then(
    ({ path, bytes }) => console.log(`[package] ${relative(repoRoot, path)} (${(bytes / 1024).toFixed(1)} KiB)`),
    (error) => { console.error(`[package] ${error.message}`); process.exit(1); },
  );
}

// `npm run package`: production build, then `vsce package` into dist/runbook-gate-<version>.vsix.
// The VSIX holds only what .vscodeignore allows (the extension and webview bundles, media,
// syntaxes, README, LICENSE); dist/cli.js is not shipped: the CLI is its own npm bin.
//
// The build and vsce run in a staging folder (sources symlinked, its own dist/), so packaging
// never rewrites the repository's dist/ bundles under a watcher or a concurrent test run.
// `vsce package` / `vsce publish` run directly in the repository still work: vscode:prepublish
// does the same production build there.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LINKED = ['src', 'webview', 'node_modules', 'tsconfig.json'];
const COPIED = ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'syntaxes'];

function run(command, args, { cwd, quiet }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'], env: { ...process.env, CI: 'true' } });
    let output = '';
    child.stdout?.on('data', (chunk) => { output += chunk; });
    child.stderr?.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output}`))));
  });
}

function manifest() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

export function vsixName() {
  const { name, version } = manifest();
  return `${name}-${version}.vsix`;
}

function stage() {
  const staging = mkdtempSync(join(tmpdir(), 'runbook-gate-package-'));
  for (const name of LINKED) {
    if (existsSync(join(repoRoot, name))) symlinkSync(join(repoRoot, name), join(staging, name));
  }
  for (const name of COPIED) {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(staging, name), { recursive: true });
  }
  // The staged manifest has no prepublish step: the production build below already ran.
  const staged = manifest();
  delete staged.scripts?.['vscode:prepublish'];
  writeFileSync(join(staging, 'package.json'), JSON.stringify(staged, null, 2) + '\n');
  return staging;
}

/** Builds the VSIX; resolves to { path, bytes }. */
export async function packageVsix({ outFile = join(repoRoot, 'dist', vsixName()), quiet = false } = {}) {
  const staging = stage();
  try {
    await run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--production', '--vsix'], { cwd: staging, quiet });
    mkdirSync(dirname(outFile), { recursive: true });
    // --no-rewrite-relative-links: the repository URL is not GitHub/GitLab, so vsce cannot make
    // the README's image links absolute; relative links resolve inside the installed VSIX.
    const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    await run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', outFile], { cwd: staging, quiet });
    return { path: outFile, bytes: statSync(outFile).size };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  packageVsix().then(
    ({ path, bytes }) => console.log(`[package] ${relative(repoRoot, path)} (${(bytes / 1024).toFixed(1)} KiB)`),
    (error) => { console.error(`[package] ${error.message}`); process.exit(1); },
  );
}

// `npm run test:desktop`: the same mocha suites in desktop VS Code via @vscode/test-electron,
// for machines that can download VS Code (or have one: VSCODE_EXECUTABLE=/path/to/code).
// On a machine without internet this fails at the download with a clear message; use
// `npm run test:integration` (code-server + headless Chromium) there. On headless Linux run
// it under xvfb-run.
//
//   node scripts/vscode/run-desktop.mjs [--suite main|untrusted ...] [--version stable|1.90.0]
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkspace } from './codeServer.mjs';
import { bundleSuite } from './suiteRunner.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUITES = {
  main: { entry: 'test/integration/suite/index.ts', outfile: 'out/integration/suite.cjs', trust: true },
  untrusted: { entry: 'test/integration/untrusted/index.ts', outfile: 'out/integration/untrusted.cjs', trust: false },
};

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
}

async function vscodeExecutable() {
  if (process.env.VSCODE_EXECUTABLE) {
    if (!existsSync(process.env.VSCODE_EXECUTABLE)) throw new Error(`VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE} does not exist`);
    return process.env.VSCODE_EXECUTABLE;
  }
  const version = option('--version', 'stable');
  try {
    return await downloadAndUnzipVSCode({ version, cachePath: join(repoRoot, '.vscode-test') });
  } catch (error) {
    throw new Error(`cannot download VS Code ${version} (${error.message.split('\n')[0]}).\n`
      + 'This machine has no route to update.code.visualstudio.com. Set VSCODE_EXECUTABLE to an installed VS Code, '
      + 'or run `npm run test:integration`, which tests inside code-server with headless Chromium.');
  }
}

async function main() {
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    console.error('run-desktop: dist/extension.js is missing; run `npm run build` first');
    process.exit(2);
  }
  const requested = process.argv.flatMap((arg, index) => (process.argv[index - 1] === '--suite' ? [arg] : []));
  const names = requested.length > 0 ? requested : Object.keys(SUITES);
  const executable = await vscodeExecutable();
  let failed = 0;
  for (const name of names) {
    const suite = SUITES[name];
    if (!suite) throw new Error(`unknown suite ${name} (main, untrusted)`);
    const testsPath = await bundleSuite(repoRoot, suite.entry, suite.outfile);
    const { root, workspace } = makeWorkspace(repoRoot);
    try {
      console.log(`\n[desktop] suite "${name}"`);
      const launchArgs = [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'];
      if (suite.trust) launchArgs.push('--disable-workspace-trust');
      await runTests({ vscodeExecutablePath: executable, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath, launchArgs });
    } catch (error) {
      failed += 1;
      console.error(`[desktop] suite "${name}" failed: ${error.message}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`run-desktop: ${error.message}`);
  process.exit(1);
});

// Packages the VSIX (production build via vsce), installs it into a fresh extensions dir
// with `code-server --install-extension`, confirms `--list-extensions` shows it, then runs the
// installed-VSIX suite (test/integration/installed/) against that extensions dir: the packaged
// bundle activates and runs a step (catches a .vscodeignore that drops a needed file), and
// the UI check (scripts/vscode/uiCheck.mjs) clicks a lens in the workbench.
//
//   node scripts/vscode/check-vsix.mjs [--vsix FILE]     # default: package a fresh one
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerCli, tempDir } from './codeServer.mjs';
import { ensureTools } from './install-tools.mjs';
import { packageVsix } from '../package.mjs';
import { bundleSuite, runSuite } from './suiteRunner.mjs';
import { uiCheck } from './uiCheck.mjs';

/** Resolves to a suite result: { name: 'vsix', exitCode, passed, failed, ... }. */
export async function checkVsix(tools, { repoRoot, vsix, verbose = false, timeoutMs = 5 * 60_000 } = {}) {
  const started = Date.now();
  const result = { name: 'vsix', exitCode: 1, passed: 0, failed: 0, pending: 0, reported: true, seconds: 0 };
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  const work = tempDir('vsix');
  const check = (ok, label, detail = '') => {
    console.log(`  ${ok ? '✔' : '✘'} ${label}${ok || !detail ? '' : `\n${detail}`}`);
    if (ok) result.passed += 1; else result.failed += 1;
    return ok;
  };
  console.log('\n[harness] VSIX: package, install into a fresh extensions dir, list');
  try {
    let file = vsix;
    if (!file) {
      try {
        const packaged = await packageVsix({ outFile: join(work, `${manifest.name}-${manifest.version}.vsix`), quiet: !verbose });
        file = packaged.path;
        check(true, `vsce package (${(packaged.bytes / 1024).toFixed(1)} KiB)`);
      } catch (error) {
        check(false, 'vsce package', error.message);
        return result;
      }
    }
    const extensionsDir = join(work, 'extensions');
    const userDataDir = join(work, 'user-data');
    const dirs = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
    try {
      await codeServerCli(tools, [...dirs, '--install-extension', file, '--force']);
      check(true, 'code-server --install-extension');
    } catch (error) {
      check(false, 'code-server --install-extension', error.message);
      return result;
    }
    const listed = await codeServerCli(tools, [...dirs, '--list-extensions', '--show-versions']);
    const lines = listed.split('\n').map((line) => line.trim().toLowerCase());
    if (!check(lines.includes(`${id}@${manifest.version}`), `--list-extensions shows ${id}@${manifest.version}`, `listed: ${listed.trim() || '(nothing)'}`)) return result;

    const testsPath = await bundleSuite(repoRoot, 'test/integration/installed/index.ts', 'out/integration/installed.cjs');
    const installed = await runSuite(tools, {
      repoRoot, name: 'installed', testsPath, trust: true, timeoutMs, verbose, extensionsDir,
      extensionDevelopmentPath: join(repoRoot, 'test', 'integration', 'placeholder-extension'),
    });
    result.passed += installed.passed;
    result.failed += installed.failed;

    console.log('the packaged VSIX in the workbench UI');
    const ui = await uiCheck(tools, { repoRoot, extensionsDir, verbose });
    result.passed += ui.passed;
    result.failed += ui.failed;
  } catch (error) {
    check(false, 'VSIX check', error.message);
  } finally {
    rmSync(work, { recursive: true, force: true });
    result.seconds = (Date.now() - started) / 1000;
    result.exitCode = result.failed === 0 && result.passed > 0 ? 0 : 1;
    console.log(`[harness] suite "vsix": ${result.passed} passed, ${result.failed} failed, ${result.seconds.toFixed(1)} s`);
  }
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const index = process.argv.indexOf('--vsix');
  const vsix = index > 0 ? resolve(process.argv[index + 1]) : undefined;
  const tools = await ensureTools();
  const result = await checkVsix(tools, { repoRoot, vsix, verbose: process.argv.includes('--verbose') });
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(result.exitCode);
}

// Runs one bundled mocha suite inside a real VS Code (code-server + headless Chromium) on a
// fresh copy of the fixture workspace, streaming the extension host's console to stdout.
// The suite can ask for what only a user can do (type into an input box, press Escape, click a
// dialog button) or see (frame gaps, screenshots) through the UI bridge (uiBridge.mjs).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { basename, join } from 'node:path';
import { makeWorkspace, startCodeServer, tempDir } from './codeServer.mjs';
import { consoleText, launchBrowser, workbenchUrl } from './workbench.mjs';
import { UI_MARKER, createUiBridge } from './uiBridge.mjs';

export const RESULT_MARKER = 'RUNBOOK_GATE_RESULT';
// The suite's reporter prefixes its lines (test/integration/runMocha.ts); the workbench adds a log level.
const SUITE_LINE = /\[rg-test\] ?(.*)$/s;

/**
 * Bundles a suite entry (mocha and vscode stay external: mocha comes from the repository's
 * node_modules, so the bundle lives under out/). Each harness process writes its own
 * out/integration/<pid>/ (removed on exit), so concurrent runs do not overwrite each other.
 */
export async function bundleSuite(repoRoot, entry, outfile) {
  const directory = join(repoRoot, 'out', 'integration', String(process.pid));
  if (!bundleDirs.has(directory)) {
    bundleDirs.add(directory);
    if (bundleDirs.size === 1) process.on('exit', () => bundleDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  }
  const target = join(directory, basename(outfile));
  await build({
    entryPoints: [join(repoRoot, entry)],
    outfile: target,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return target;
}
const bundleDirs = new Set();

/**
 * Resolves to { name, exitCode, passed, failed, pending, reported, seconds }.
 * Never throws for a failing suite; infrastructure errors come back as exitCode 1.
 */
export async function runSuite(tools, { repoRoot, name, testsPath, trust, timeoutMs, verbose, extensionDevelopmentPath = repoRoot, extensionsDir, prepare, grep }) {
  const started = Date.now();
  const result = { name, exitCode: 1, passed: 0, failed: 0, pending: 0, reported: false, seconds: 0 };
  const { root, workspace } = makeWorkspace(repoRoot);
  const uiDir = tempDir('ui');
  let server;
  let browser;
  let prepared;
  try {
    // A suite may set up the workspace first (the untrusted suite's hostile settings) and add
    // environment for the extension host; `cleanup` runs at the end.
    prepared = prepare ? await prepare({ workspace, root }) : { env: {} };
    server = await startCodeServer(tools, { trust, verbose, extensionsDir });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const bridge = createUiBridge(page, { dir: uiDir, repoRoot, workspace });

    let settle;
    const exited = new Promise((resolve) => { settle = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => { settle(Number(code) || 0); });
    page.on('crash', () => {
      process.stdout.write(`[harness] the workbench page crashed during suite "${name}"\n`);
      settle(1);
    });

    // Print in arrival order even though rendering a message is async.
    let printing = Promise.resolve();
    page.on('console', (message) => {
      printing = printing.then(async () => {
        const text = await consoleText(message);
        const match = SUITE_LINE.exec(text);
        const fromSuite = match !== null;
        if (!fromSuite && !verbose) return;
        const line = match ? match[1] : text;
        if (fromSuite && line.startsWith(UI_MARKER)) {
          bridge.request(line.slice(UI_MARKER.length));
          return;
        }
        const marker = line.indexOf(RESULT_MARKER);
        if (marker >= 0) {
          try {
            const counts = JSON.parse(line.slice(marker + RESULT_MARKER.length));
            Object.assign(result, { passed: counts.passed, failed: counts.failed, pending: counts.pending, reported: true });
          } catch { /* not our line */ }
          return;
        }
        process.stdout.write(`${fromSuite ? '' : '[workbench] '}${line}\n`);
      });
    });
    if (verbose) page.on('pageerror', (error) => process.stderr.write(`[workbench error] ${error.message}\n`));

    // The extension host's PATH starts with the harness fixtures (a fake `cargo`, as seed 001 runs it).
    const extensionEnvironment = {
      PATH: `${join(repoRoot, 'test', 'fixtures', 'harness', 'path')}:${process.env.PATH ?? ''}`,
      RUNBOOK_GATE_UI_DIR: uiDir,
      ...(process.env.RUNBOOK_GATE_SCREENSHOTS ? { RUNBOOK_GATE_SCREENSHOTS: '1' } : {}),
      ...(grep ? { RUNBOOK_GATE_GREP: grep } : {}),
      ...prepared.env,
    };
    const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath, extensionTestsPath: testsPath, extensionEnvironment });
    await page.goto(url, { waitUntil: 'domcontentloaded' });

    let timer;
    const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    await printing;
    if (outcome === 'timeout') {
      process.stdout.write(`[harness] suite "${name}" did not finish within ${timeoutMs / 1000} s (no codeAutomationExit); `
        + 'is the extension waiting on a prompt, or did the workbench fail to load the tests?\n');
      if (!verbose) process.stdout.write('[harness] rerun with --verbose to see the workbench console and server output\n');
      result.exitCode = 1;
    } else {
      result.exitCode = outcome;
    }
    if (!result.reported) {
      process.stdout.write(`[harness] suite "${name}" printed no ${RESULT_MARKER} line (the tests module failed to load or run)\n`);
      result.failed = Math.max(result.failed, 1);
      result.exitCode = result.exitCode || 1;
    }
  } catch (error) {
    process.stdout.write(`[harness] suite "${name}" could not run: ${error.message}\n`);
    result.failed = Math.max(result.failed, 1);
    result.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    await prepared?.cleanup?.();
    rmSync(root, { recursive: true, force: true });
    rmSync(uiDir, { recursive: true, force: true });
    result.seconds = (Date.now() - started) / 1000;
  }
  return result;
}

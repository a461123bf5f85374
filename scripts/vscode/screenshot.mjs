/* global document */
// Takes the README screenshot in the real workbench: packages and installs the VSIX (as a
// user would; `--dev` loads the repository as the extension under development instead),
// opens the example runbook, runs one step from its CodeLens, and saves media/screenshot.png
// with the lenses and the Runbook Gate panel visible.
//
//   node scripts/vscode/screenshot.mjs [--dev] [--runbook examples/release-checklist.md] [--step-index 0] [--out media/screenshot.png]
import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './install-tools.mjs';
import { codeServerCli, makeWorkspace, startCodeServer, tempDir } from './codeServer.mjs';
import { packageVsix } from '../package.mjs';
import { launchBrowser, workbenchUrl } from './workbench.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
}

const runbook = option('--runbook', 'examples/release-checklist.md');
const stepIndex = Number(option('--step-index', '0'));
const out = resolve(repoRoot, option('--out', 'media/screenshot.png'));
const verbose = process.argv.includes('--verbose');
const dev = process.argv.includes('--dev');

/** Packages the VSIX and installs it into a fresh extensions dir; resolves to that dir. */
async function installedExtensionsDir(tools, work) {
  const { path } = await packageVsix({ outFile: join(work, 'runbook-gate.vsix'), quiet: !verbose });
  const extensionsDir = join(work, 'extensions');
  await codeServerCli(tools, ['--extensions-dir', extensionsDir, '--user-data-dir', join(work, 'user-data'), '--install-extension', path]);
  return extensionsDir;
}

/** The side panel is a webview: an iframe (pre/index.html) holding the content frame. */
async function waitForPanelText(page, pattern, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/webview/browser/pre/')) continue;
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (pattern.test(text)) return;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the Runbook Gate panel did not show ${pattern} within ${timeoutMs / 1000} s`);
}

async function main() {
  const tools = await ensureTools();
  const work = tempDir('screenshot');
  const extensionsDir = dev ? undefined : await installedExtensionsDir(tools, work);
  const { root, workspace } = makeWorkspace(repoRoot, { name: 'my-service' });
  const server = await startCodeServer(tools, { trust: true, verbose, extensionsDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    if (verbose) page.on('console', (message) => process.stderr.write(`[workbench] ${message.text()}\n`));
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: dev ? repoRoot : undefined }), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .welcome-view, .monaco-workbench .part.sidebar').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);

    // Quick Open the runbook.
    await page.keyboard.press('Control+P');
    const quickInput = page.locator('.quick-input-widget input');
    await quickInput.waitFor({ timeout: 15_000 });
    await quickInput.fill(runbook);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab[aria-label*="${basename(runbook)}"], .tab:has-text("${basename(runbook)}")`).first().waitFor({ timeout: 15_000 });

    // The CodeLens appears once the extension has activated and modelled the runbook.
    const runStep = page.locator('.codelens-decoration a', { hasText: 'Run step' });
    await runStep.first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500); // lenses re-render once the model settles
    const lensCount = await runStep.count();
    console.log(`[screenshot] ${lensCount} "Run step" lenses`);
    const lens = runStep.nth(Math.min(stepIndex, lensCount - 1));
    await lens.click(); // re-resolves the locator if the lens was re-rendered

    // Wait for the step's result in a lens (passed or failed) and for the panel to show it.
    await page.locator('.codelens-decoration', { hasText: /passed|failed/ }).first().waitFor({ timeout: 120_000 });
    await waitForPanelText(page, /passed|failed/);
    // A fast step can finish before the panel's webview has loaded, leaving its output box
    // empty; re-run it once from its lens so the output streams into the open panel.
    await page.locator('.codelens-decoration a', { hasText: 'Re-run' }).first().click();
    await waitForPanelText(page, /OUTPUT:/i);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(1500);
    if (process.env.RUNBOOK_GATE_DEBUG_FRAMES) {
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => document.body?.innerText?.slice(0, 200) ?? '').catch((error) => `<${error.message}>`);
        console.log(`[frame] ${frame.url().slice(0, 160)}\n        ${JSON.stringify(text)}`);
      }
    }
    await page.screenshot({ path: out });
    console.log(`[screenshot] wrote ${out}`);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`screenshot: ${error.message}`);
  process.exit(1);
});


// Takes the README screenshot in the real workbench: opens the example runbook with the
// extension under development, runs one step from its CodeLens, and saves media/screenshot.png
// with the lenses and the Runbook Gate panel visible.
//
//   npm run build && node scripts/vscode/screenshot.mjs [--runbook examples/release-checklist.md] [--step-index 0] [--out media/screenshot.png]
import { rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './install-tools.mjs';
import { makeWorkspace, startCodeServer } from './codeServer.mjs';
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

async function main() {
  const tools = await ensureTools();
  const { root, workspace } = makeWorkspace(repoRoot);
  const server = await startCodeServer(tools, { trust: true, verbose });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    if (verbose) page.on('console', (message) => process.stderr.write(`[workbench] ${message.text()}\n`));
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repoRoot }), { waitUntil: 'domcontentloaded' });
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
    await page.waitForTimeout(2000);
    // Scroll the editor so the run lens sits near the top third of the view.
    await page.mouse.move(5, 5);
    await page.screenshot({ path: out });
    console.log(`[screenshot] wrote ${out}`);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`screenshot: ${error.message}`);
  process.exit(1);
});


// Takes the README screenshot in the real workbench: packages and installs the VSIX (as a
// user would; `--dev` loads the repository as the extension under development instead),
// opens the example runbook, runs one step from its CodeLens, and saves media/screenshot.png
// with the lenses and the Runbook Gate panel visible.
//
//   node scripts/vscode/screenshot.mjs [--dev] [--runbook examples/release-checklist.md] [--step-index 0] [--out media/screenshot.png]
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './install-tools.mjs';
import { codeServerCli, makeWorkspace, startCodeServer, tempDir } from './codeServer.mjs';
import { packageVsix } from '../package.mjs';
import { launchBrowser } from './workbench.mjs';
import { lensLinks, lensText, openWorkbench, quickOpen, waitForPanelText } from './workbenchUi.mjs';

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
    await openWorkbench(page, server, { folder: workspace, extensionDevelopmentPath: dev ? repoRoot : undefined });
    await quickOpen(page, runbook);

    // The CodeLens appears once the extension has activated and modelled the runbook.
    const runStep = await lensLinks(page, 'Run step');
    const lensCount = await runStep.count();
    await runStep.nth(Math.min(stepIndex, lensCount - 1)).click(); // re-resolves if re-rendered
    console.log(`[screenshot] lens after the run: ${await lensText(page, /exit \d+/)}`);
    await waitForPanelText(page, /passed|failed/);
    // A fast step can finish before the panel's webview has loaded, leaving its output box
    // empty; re-run it once from its lens so the output streams into the open panel.
    await page.locator('.codelens-decoration a', { hasText: 'Re-run' }).first().click();
    await waitForPanelText(page, /OUTPUT:/i);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(1500);
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


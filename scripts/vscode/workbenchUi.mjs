/* global document */
// Drives the real workbench UI as a user would: Quick Open a runbook, click a CodeLens, read
// the lenses and the Runbook Gate panel (a webview). Shared by the UI check and the screenshot.
import { basename } from 'node:path';
import { workbenchUrl } from './workbench.mjs';

export async function openWorkbench(page, server, { folder, extensionDevelopmentPath }) {
  await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath }), { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench .part.sidebar, .monaco-workbench .part.editor').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500); // let the workbench restore its layout before typing
}

/** Opens a workspace-relative file with Quick Open (Ctrl+P). */
export async function quickOpen(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(relativePath);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const name = basename(relativePath);
  await page.locator(`.tab[aria-label*="${name}"], .tab:has-text("${name}")`).first().waitFor({ timeout: 15_000 });
}

/** Runs a command from the Command Palette by its label ("Category: Title"). */
export async function runFromPalette(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Waits for an editor tab whose label matches `pattern`; resolves to its label. */
export async function waitForTab(page, pattern, timeoutMs = 30_000) {
  const tab = page.locator('.tabs-container .tab', { hasText: pattern }).first();
  await tab.waitFor({ timeout: timeoutMs });
  return (await tab.innerText()).replace(/\s+/g, '');
}

/** Lens links whose text matches; waits for the first and for the lenses to settle. */
export async function lensLinks(page, text, timeoutMs = 60_000) {
  const links = page.locator('.codelens-decoration a', { hasText: text });
  await links.first().waitFor({ timeout: timeoutMs });
  await page.waitForTimeout(1500); // lenses re-render once the model settles
  return links;
}

/** Text of the first lens line matching `pattern`, once it appears. */
export async function lensText(page, pattern, timeoutMs = 120_000) {
  const lens = page.locator('.codelens-decoration', { hasText: pattern }).first();
  await lens.waitFor({ timeout: timeoutMs });
  return (await lens.innerText()).replace(/\s+/g, ' ').trim();
}

/** The side panel is a webview: an iframe (pre/index.html) holding the content frame. */
export async function panelText(page) {
  const texts = [];
  for (const frame of page.frames()) {
    if (!frame.url().includes('/webview/browser/pre/')) continue;
    texts.push(await frame.evaluate(() => document.body?.innerText ?? '').catch(() => ''));
  }
  return texts.join('\n');
}

export async function waitForPanelText(page, pattern, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await panelText(page);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the Runbook Gate panel did not show ${pattern} within ${timeoutMs / 1000} s; it shows: ${JSON.stringify(text.slice(0, 300))}`);
    await page.waitForTimeout(250);
  }
}

/* global document, requestAnimationFrame, performance */
// The UI bridge: a suite running in the extension host prints `[rg-test] @@ui {"id", "action", …}`
// (test/integration/ui.ts) and the harness does it in the real workbench page with Playwright —
// what only a user can do (type into an input box, press a key, click a dialog button) or see
// (rendered lens texts, frame gaps during an output burst, screenshots) — then writes the result
// to <dir>/<id>.json, which the suite polls. Actions run one at a time, in order.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const UI_MARKER = '@@ui ';

async function fillInput(page, { text, timeoutMs = 20_000 }) {
  const input = page.locator('.quick-input-widget input.input');
  await input.first().waitFor({ state: 'visible', timeout: timeoutMs });
  const kind = await input.first().getAttribute('type');
  await input.first().fill(text);
  await page.keyboard.press('Enter');
  return { type: kind };
}

async function pressInInput(page, { key, timeoutMs = 20_000 }) {
  await page.locator('.quick-input-widget input.input').first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press(key);
  return {};
}

async function clickDialogButton(page, { label, timeoutMs = 20_000 }) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.first().waitFor({ state: 'visible', timeout: timeoutMs });
  const message = (await dialog.first().innerText()).trim();
  await dialog.locator('.monaco-button', { hasText: label }).first().click();
  return { message };
}

/** Types into whatever has the keyboard (the editor the suite focused), as a person would. */
async function typeText(page, { text, delayMs = 30 }) {
  const started = Date.now();
  await page.keyboard.type(text, { delay: delayMs });
  return { ms: Date.now() - started };
}

async function lensTexts(page) {
  return { texts: await page.locator('.codelens-decoration').allInnerTexts() };
}

async function panelText(page) {
  const texts = [];
  for (const frame of page.frames()) {
    if (!frame.url().includes('/webview/browser/pre/')) continue;
    texts.push(await frame.evaluate(() => document.body?.innerText ?? '').catch(() => ''));
  }
  return { text: texts.join('\n') };
}

/** Largest gap between animation frames of the workbench (and of the panel's frame) over a while. */
async function frameGaps(page, { durationMs = 4000 }) {
  const measure = (ms) => new Promise((resolve) => {
    const gaps = [];
    let last = performance.now();
    const end = last + ms;
    const tick = (now) => {
      gaps.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve({ max: Math.max(...gaps), frames: gaps.length, p95: gaps.sort((a, b) => a - b)[Math.floor(gaps.length * 0.95)] ?? 0 });
    };
    requestAnimationFrame(tick);
  });
  const panels = page.frames().filter((frame) => frame.url().includes('/webview/browser/pre/') || frame.url().includes('fake.html'));
  const [workbench, ...inPanels] = await Promise.all([
    page.evaluate(measure, durationMs),
    ...panels.map((frame) => frame.evaluate(measure, durationMs).catch(() => null)),
  ]);
  return { workbench, panel: inPanels.filter(Boolean).sort((a, b) => b.max - a.max)[0] ?? null };
}

/** How long Quick Open takes to show while something else is going on. */
async function quickOpenLatency(page) {
  const started = Date.now();
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input.input').first().waitFor({ state: 'visible', timeout: 20_000 });
  const ms = Date.now() - started;
  await page.keyboard.press('Escape');
  return { ms };
}

/** media/<name>.jpg (small enough for the VSIX), or .png when asked. */
async function screenshot(page, { name, png = false }, { repoRoot }) {
  if (!process.env.RUNBOOK_GATE_SCREENSHOTS) return { skipped: true };
  await page.mouse.move(5, 5);
  await page.waitForTimeout(800);
  const file = `${name}.${png ? 'png' : 'jpg'}`;
  const path = join(repoRoot, 'media', file);
  await page.screenshot(png ? { path } : { path, type: 'jpeg', quality: 80 });
  console.log(`[harness] screenshot: media/${file}`);
  return { path };
}

const ACTIONS = { typeText, fillInput, pressInInput, clickDialogButton, lensTexts, panelText, frameGaps, quickOpenLatency, screenshot };

export function createUiBridge(page, context) {
  mkdirSync(context.dir, { recursive: true });
  let queue = Promise.resolve();
  const answer = (id, result) => {
    const file = join(context.dir, `${id}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(result));
    renameSync(`${file}.tmp`, file);
  };
  return {
    request(json) {
      let request;
      try {
        request = JSON.parse(json);
      } catch {
        return;
      }
      queue = queue.then(async () => {
        const action = ACTIONS[request.action];
        try {
          if (!action) throw new Error(`unknown UI action ${request.action}`);
          answer(request.id, { ok: true, ...(await action(page, request, context)) });
        } catch (error) {
          // What the workbench showed when an action failed, for the one reading the log.
          const shot = join(context.repoRoot, 'out', 'integration', `ui-failure-${request.action}-${request.id}.png`);
          mkdirSync(join(context.repoRoot, 'out', 'integration'), { recursive: true });
          await page.screenshot({ path: shot }).catch(() => {});
          console.log(`[harness] UI action ${request.action} failed (${error.message.split('\n')[0]}); screenshot ${shot}`);
          answer(request.id, { ok: false, error: error.message.split('\n')[0] });
        }
      });
    },
  };
}

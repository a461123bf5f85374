// The suite's side of the UI bridge (scripts/vscode/uiBridge.mjs): ask the harness to do what
// a user does in the workbench page, and wait for its answer. Some actions return before the
// user-facing effect happens (an input box must be open first): start the command, then ask.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINE_PREFIX } from './runMocha';

export type UiAction =
  | { action: 'typeText'; text: string; delayMs?: number }
  | { action: 'fillInput'; text: string; timeoutMs?: number }
  | { action: 'pressInInput'; key: string; timeoutMs?: number }
  | { action: 'clickDialogButton'; label: string; timeoutMs?: number }
  | { action: 'lensTexts' }
  | { action: 'panelText' }
  | { action: 'frameGaps'; durationMs: number }
  | { action: 'quickOpenLatency' }
  | { action: 'screenshot'; name: string; png?: boolean };

export interface UiResult {
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}

let counter = 0;

export function uiAvailable(): boolean {
  return !!process.env.RUNBOOK_GATE_UI_DIR;
}

/** Skips a test that needs the harness's hands (desktop runs through @vscode/test-electron have none). */
export function needsUi(context: Mocha.Context): void {
  if (!uiAvailable()) context.skip();
}

export async function ui(request: UiAction, timeoutMs = 60_000): Promise<UiResult> {
  const dir = process.env.RUNBOOK_GATE_UI_DIR;
  if (!dir && request.action === 'screenshot') return { ok: true, skipped: true };
  if (!dir) throw new Error('no UI bridge: run the suite through scripts/vscode/run-integration.mjs');
  const id = `${process.pid}-${++counter}`;
  console.log(`${LINE_PREFIX} @@ui ${JSON.stringify({ id, ...request })}`);
  const file = join(dir, `${id}.json`);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the harness did not answer UI action ${request.action} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return JSON.parse(readFileSync(file, 'utf8')) as UiResult;
}

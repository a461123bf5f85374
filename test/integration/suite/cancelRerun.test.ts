// Cancel is "cancelled", never a failure; every attempt is kept with its own log; a lens clicked
// during a run is queued, or cancels the run first.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StepRecord } from '../../../src/core/run/record';
import { activateExtension, click, codeLenses, eventually, lensFor, openRunbook, titlesOnLine, workspaceUri } from '../helpers';
import { ui } from '../ui';

const uri = () => workspaceUri('runbooks', 'slow.md');

async function whileRunning(stepId: string): Promise<vscode.CodeLens> {
  return eventually(`"${stepId}" to show its elapsed time and Cancel`, async () => {
    const lenses = await codeLenses(uri());
    const cancel = lenses.find((l) => l.command?.command === 'runbookGate.cancelStep' && l.command.arguments?.includes(stepId));
    return cancel && titlesOnLine(lenses, cancel.range.start.line).some((t) => /running \d/.test(t)) ? cancel : undefined;
  });
}

suite('cancel, re-run, queue', () => {
  suiteSetup(async () => {
    await activateExtension();
    await openRunbook(uri());
  });

  test('a cancelled step is cancelled and its stage is not FAIL', async () => {
    await vscode.commands.executeCommand('runbookGate.showPanel', uri());
    const running = click<StepRecord>(lensFor(await codeLenses(uri()), 'runStep', 'soak'));
    const cancel = await whileRunning('soak');
    assert.match(cancel.command!.title, /Cancel/);
    await ui({ action: 'screenshot', name: 'panel-mid-run' });
    await ui({ action: 'screenshot', name: 'screenshot', png: true }); // the README's first picture
    await click(cancel);
    const step = await running;
    assert.equal(step?.status, 'cancelled', JSON.stringify(step));
    assert.equal(step.attempts.at(-1)?.status, 'cancelled');
    const stageLine = titlesOnLine(await codeLenses(uri()), 4);
    assert.ok(stageLine.every((t) => !/FAIL/.test(t)), `the stage is not FAIL: ${JSON.stringify(stageLine)}`);
  });

  test('a re-run keeps both attempts, each with its own log', async () => {
    const api = await activateExtension();
    const first = await click<StepRecord>(lensFor(await codeLenses(uri()), 'runStep', 'probe'));
    assert.equal(first?.status, 'passed');
    const rerun = lensFor(await codeLenses(uri()), 'runStep', 'probe');
    assert.match(rerun.command!.title, /Re-run/);
    const second = await click<StepRecord>(rerun);
    assert.equal(second.attempts.length, 2, JSON.stringify(second.attempts));
    const [a, b] = second.attempts;
    assert.notEqual(a!.logPath, b!.logPath, 'each attempt has its own log');
    const runDir = api.run(uri()).runDir!;
    for (const attempt of second.attempts) {
      assert.ok(existsSync(join(runDir, attempt.logPath!)), `${attempt.logPath} exists`);
      assert.match(readFileSync(join(runDir, attempt.logPath!), 'utf8'), /probe ok/);
    }
    const result = titlesOnLine(await codeLenses(uri()), rerun.range.start.line).join(' | ');
    assert.match(result, /✓ .*2 attempts/, result);
  });

  test('a click during a run is queued behind it', async () => {
    const soak = click<StepRecord>(lensFor(await codeLenses(uri()), 'runStep', 'soak'));
    await whileRunning('soak');
    const queued = vscode.commands.executeCommand<StepRecord>('runbookGate.runStep', uri(), 'probe', { whenBusy: 'queue' });
    await eventually('the probe lens to say queued', async () => {
      const lenses = await codeLenses(uri());
      return lenses.some((l) => /queued/.test(l.command?.title ?? '')) ? true : undefined;
    });
    await vscode.commands.executeCommand('runbookGate.cancelRun', uri());
    assert.equal((await soak)?.status, 'cancelled');
    const probe = await queued;
    assert.equal(probe?.status, 'passed', 'the queued step ran after the cancelled one');
  });

  test('"Cancel and run" stops the current run and runs the click', async () => {
    const soak = click<StepRecord>(lensFor(await codeLenses(uri()), 'runStep', 'soak'));
    await whileRunning('soak');
    const probe = await vscode.commands.executeCommand<StepRecord>('runbookGate.runStep', uri(), 'probe', { whenBusy: 'cancel' });
    assert.equal((await soak)?.status, 'cancelled');
    assert.equal(probe?.status, 'passed');
  });
});

// What asks first: a destructive step, in a modal naming its command; "Run all", in a modal
// listing what will run and what is left out.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunRecord, StepRecord } from '../../../src/core/run/record';
import { activateExtension, click, codeLenses, lensFor, openRunbook, workspaceUri } from '../helpers';
import { ui } from '../ui';

suite('confirmations', () => {
  test('a destructive step asks in a modal that names the command', async () => {
    await activateExtension();
    const uri = workspaceUri('runbooks', 'destructive.md');
    await openRunbook(uri);
    const lens = lensFor(await codeLenses(uri), 'runStep', 'apply');
    assert.match(lens.command!.title, /destructive/);
    const declined = click<StepRecord>(lens);
    const dialog = await ui({ action: 'clickDialogButton', label: 'Cancel' });
    assert.equal(dialog.ok, true, dialog.error);
    assert.match(String(dialog.message), /kubectl apply -f deploy\/rollout\.yaml/);
    const step = await declined;
    assert.equal(step?.status, 'blocked');
    assert.match(step.outcome, /not confirmed/);
    assert.equal(step.attempts.length, 0, 'nothing ran');
  });

  test('"Run all" lists what will run before it starts', async () => {
    await activateExtension();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    const running = vscode.commands.executeCommand<RunRecord>('runbookGate.runAll', uri);
    const dialog = await ui({ action: 'clickDialogButton', label: 'Run all' });
    assert.equal(dialog.ok, true, dialog.error);
    assert.match(String(dialog.message), /Steps that will run \(3\)/);
    const record = await running;
    assert.deepEqual(record.steps.map((s) => [s.id, s.status]), [['greet', 'passed'], ['count', 'passed'], ['fail', 'failed']]);
  });
});

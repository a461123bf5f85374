// What asks first: a destructive step, in a modal naming its command; "Run all", in a modal
// listing what will run. VS Code refuses every dialog while extension tests run ("refused to
// show dialog in tests"), so these tests see the question through that refusal: what it would
// have asked, and that an unanswered question runs nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunRecord, StepRecord } from '../../../src/core/run/record';
import { activateExtension, click, codeLenses, lensFor, openRunbook, workspaceUri } from '../helpers';

suite('confirmations', () => {
  test('a destructive step asks in a modal that names the command; unanswered, nothing runs', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('runbooks', 'destructive.md');
    await openRunbook(uri);
    const lens = lensFor(await codeLenses(uri), 'runStep', 'apply');
    assert.match(lens.command!.title, /destructive: kubectl apply/);
    const step = await click<StepRecord>(lens);
    assert.equal(step?.status, 'blocked');
    assert.match(step.outcome, /not confirmed/);
    assert.equal(step.attempts.length, 0, 'nothing ran');
    const asked = api.notifications.filter((n) => /^Not confirmed/.test(n.message) && /kubectl/.test(n.message)).at(-1);
    assert.ok(asked, JSON.stringify(api.notifications.slice(-3)));
    assert.match(asked.message, /Run `kubectl apply -f deploy\/rollout\.yaml`\? "The manifest is applied" is destructive \(kubectl apply\)/);
  });

  test('"Run all" lists what will run before it starts', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    const unanswered = await vscode.commands.executeCommand<RunRecord | undefined>('runbookGate.runAll', uri);
    assert.equal(unanswered, undefined, 'not confirmed: nothing ran');
    const asked = api.notifications.filter((n) => /Run all of/.test(n.message)).at(-1);
    assert.match(asked?.message ?? '', /Run all of "Smoke runbook": 3 steps \(greet, count, fail\) in 2 stages\?/);
    const record = await vscode.commands.executeCommand<RunRecord>('runbookGate.runAll', uri, { yes: true });
    assert.deepEqual(record.steps.map((s) => [s.id, s.status]), [['greet', 'passed'], ['count', 'passed'], ['fail', 'failed']]);
  });
});

suite('run in terminal', () => {
  test('a step runs in an integrated terminal; with shell integration its exit code is offered as the verdict', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    const exit = await vscode.commands.executeCommand<number | null>('runbookGate.runInTerminal', uri, 'greet');
    assert.ok(vscode.window.terminals.some((t) => t.name === 'Runbook Gate: Greeting printed'), vscode.window.terminals.map((t) => t.name).join(', '));
    if (exit === null) {
      console.log('[rg-test]     this terminal has no shell integration: the command was sent, no exit code captured');
    } else {
      assert.equal(exit, 0);
      assert.ok(api.notifications.some((n) => /exited 0 in the terminal\. Mark stage-1\.1 passed\?/.test(n.message)), JSON.stringify(api.notifications.slice(-2)));
      console.log('[rg-test]     shell integration captured exit code 0');
    }
  });
});

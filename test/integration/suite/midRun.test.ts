// Marking a check while a step of the same run is running: the mark ticks the check's box (an
// edit of the document), and the document had been edited before that too. The session takes
// the edited runbook in; the running step carries on to its pass and keeps its one attempt.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RunRecord } from '../../../src/core/run/record';
import { activateExtension, click, codeLenses, eventually, lensFor, openRunbook, workspaceRoot, workspaceUri } from '../helpers';

const uri = () => workspaceUri('runbooks', 'midrun.md');

suite('a mark while a step runs', () => {
  test('the step carries on and passes; the mark and its tick are kept', async () => {
    const api = await activateExtension();
    const editor = await openRunbook(uri());
    const signal = join(workspaceRoot(), 'midrun.signal'); // steps run in the workspace root
    const running = click<RunRecord>(lensFor(await codeLenses(uri()), 'runStage', 'stage-1'));
    try {
      await eventually('the step to start', () => (api.run(uri()).record?.steps.find((s) => s.id === 'wait-for-signal')?.status === 'running' ? true : undefined));

      // The user types a line above the list, then marks the manual check.
      const typed = new vscode.WorkspaceEdit();
      typed.insert(uri(), new vscode.Position(3, 0), 'Typed while the canary step ran.\n');
      assert.equal(await vscode.workspace.applyEdit(typed), true);
      const marked = await vscode.commands.executeCommand<RunRecord>('runbookGate.markCheck', uri(), 'stage-1.2', { status: 'passed', note: 'dashboards green' });
      assert.equal(marked.checks.find((c) => c.id === 'stage-1.2')?.status, 'passed');
      assert.equal(marked.steps.find((s) => s.id === 'wait-for-signal')?.status, 'running', 'the step still runs after the mark');
      await eventually('the box of the marked check to be ticked', () => (/^- \[x\] Dashboards are green/m.test(editor.document.getText()) ? true : undefined));
    } finally {
      writeFileSync(signal, ''); // whatever failed above, the step ends
    }
    const record = await running;
    const step = record.steps.find((s) => s.id === 'wait-for-signal')!;
    assert.deepEqual(step.attempts.map((a) => [a.n, a.status]), [[1, 'passed']], step.attempts.at(-1)?.outcome);
    assert.deepEqual(record.checks.map((c) => [c.id, c.status]), [['stage-1.1', 'passed'], ['stage-1.2', 'passed']]);
    assert.equal(record.checks.find((c) => c.id === 'stage-1.2')!.mark?.note, 'dashboards green');
    assert.equal(record.sessions.filter((s) => s.end === null).length, 1, 'one session, still open');
    assert.match(editor.document.getText(), /Typed while the canary step ran\./);
  });
});

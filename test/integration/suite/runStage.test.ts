import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunRecord } from '../../../src/core/run/model';
import { activateExtension, openRunbook, workspaceUri } from '../helpers';

suite('run a stage', () => {
  test('runStage runs every step of the stage in order and records them passed', async () => {
    await activateExtension();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    const record = await vscode.commands.executeCommand<RunRecord>('runbookGate.runStage', uri, 'stage-1');
    assert.ok(record, 'runStage returned a run record');
    const byId = new Map(record.steps.map((step) => [step.stepId, step]));
    assert.equal(byId.get('greet')?.status, 'passed');
    assert.equal(byId.get('count')?.status, 'passed');
    assert.equal(byId.get('count')?.exitCode, 0);
    assert.equal(record.runbookPath, 'runbooks/smoke.md');
  });
});

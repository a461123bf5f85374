import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StepRecord } from '../../../src/core/run/record';
import type { RunbookGateApi } from '../../../src/vscode/activate';
import { EXTENSION_ID, click, codeLenses, lensFor, openRunbook, workspaceUri } from '../helpers';

suite('the packaged VSIX, installed', () => {
  test('is loaded from the extensions dir, not from the repository', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    assert.match(extension.extensionPath, /[\\/]extensions[\\/]runbook-gate\.runbook-gate-/);
  });

  test('activates, shows its lenses and runs a step (its lazy bundles and the parser worker load from the VSIX)', async () => {
    const extension = vscode.extensions.getExtension<RunbookGateApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    const lenses = await codeLenses(uri);
    const timing = api.modelTiming(uri);
    assert.equal(timing?.modeledIn, 'worker', `modelled on the parser's worker thread (${timing?.workerFailure ?? 'no timing'})`);
    const step = await click<StepRecord>(lensFor(lenses, 'runStep', 'greet'));
    assert.equal(step?.status, 'passed', JSON.stringify(step));
    assert.equal(step.attempts.at(-1)?.exitCode, 0);
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StepRecord } from '../../../src/core/run/record';
import { EXTENSION_ID, click, codeLenses, lensFor, openRunbook, workspaceUri } from '../helpers';

suite('the packaged VSIX, installed', () => {
  test('is loaded from the extensions dir, not from the repository', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    assert.match(extension.extensionPath, /[\\/]extensions[\\/]runbook-gate\.runbook-gate-/);
  });

  test('activates, shows its lenses and runs a step (its lazy bundles load from the VSIX)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    const step = await click<StepRecord>(lensFor(await codeLenses(uri), 'runStep', 'greet'));
    assert.equal(step?.status, 'passed', JSON.stringify(step));
    assert.equal(step.attempts.at(-1)?.exitCode, 0);
  });
});

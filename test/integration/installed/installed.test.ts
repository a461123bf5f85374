import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StepEvidence } from '../../../src/core/run/model';
import { EXTENSION_ID, codeLenses, openRunbook, runStepLens, workspaceUri } from '../helpers';

suite('the packaged VSIX, installed', () => {
  test('is loaded from the extensions dir, not from the repository', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    assert.match(extension.extensionPath, /[\\/]extensions[\\/]runbook-gate\.runbook-gate-/);
  });

  test('activates, shows its lenses and runs a step', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    const lens = runStepLens(await codeLenses(uri), 'greet');
    assert.ok(lens.command);
    const evidence = await vscode.commands.executeCommand<StepEvidence>(lens.command.command, ...(lens.command.arguments ?? []));
    assert.equal(evidence?.status, 'passed');
    assert.equal(evidence?.exitCode, 0);
  });
});

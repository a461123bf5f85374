import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, RUNS_DIR, workspaceRoot, workspaceUri } from '../helpers';

suite('untrusted workspace', () => {
  test('the workspace is untrusted and the extension is still available (limited support)', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness leaves this workspace untrusted');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is loaded in restricted mode`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('running a step is refused with an error that says the workspace is untrusted', async () => {
    const uri = workspaceUri('runbooks', 'smoke.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('runbookGate.runStep', uri, 'greet')),
      (error: unknown) => error instanceof Error && /untrusted/i.test(error.message),
    );
    assert.equal(existsSync(join(workspaceRoot(), RUNS_DIR)), false, 'nothing ran: no run directory');
  });

  test('running a stage is refused too', async () => {
    const uri = workspaceUri('runbooks', 'smoke.md');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('runbookGate.runStage', uri, 'stage-1')),
      (error: unknown) => error instanceof Error && /untrusted/i.test(error.message),
    );
  });
});

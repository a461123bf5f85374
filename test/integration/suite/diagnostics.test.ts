import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, openRunbook, workspaceUri } from '../helpers';

function runbookGateDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Runbook Gate');
}

suite('diagnostics in the Problems panel', () => {
  test('an unknown annotation key is a warning on its fence, and editing it away clears it', async () => {
    await activateExtension();
    const uri = workspaceUri('runbooks', 'problems.md');
    const editor = await openRunbook(uri);

    const found = await eventually('an unknown-annotation-key diagnostic', () => {
      const match = runbookGateDiagnostics(uri).find((diagnostic) => diagnostic.code === 'unknown-annotation-key');
      return match;
    });
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(found.range.start.line, 4, 'on the fence line (0-based 4)');
    assert.match(found.message, /bogus/);

    const fenceLine = editor.document.lineAt(4);
    const edited = await editor.edit((edit) => edit.replace(fenceLine.range, '```bash {"name":"ok"}'));
    assert.equal(edited, true);
    await eventually('the diagnostic to clear after the edit', () =>
      (runbookGateDiagnostics(uri).some((diagnostic) => diagnostic.code === 'unknown-annotation-key') ? undefined : true));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a clean runbook has no Runbook Gate diagnostics', async () => {
    await activateExtension();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri); // opened and modelled by the earlier suites already
    assert.deepEqual(runbookGateDiagnostics(uri).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`), []);
  });
});

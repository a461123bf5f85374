// The model's diagnostics in the Problems panel, with its fixes as quick fixes, and the
// "Bind to step…" lens that writes the same explicit binding.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeLenses, eventually, openRunbook, workspaceUri } from '../helpers';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Runbook Gate');
}

suite('diagnostics and bindings', () => {
  const uri = () => workspaceUri('runbooks', 'problems.md');

  test('an unknown annotation key is a warning on its fence, and editing it away clears it', async () => {
    await activateExtension();
    const editor = await openRunbook(uri());
    const found = await eventually('an unknown-annotation-key diagnostic', () => ours(uri()).find((d) => d.code === 'unknown-annotation-key'));
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(found.range.start.line, 6);
    assert.match(found.message, /bogus/);
    await editor.edit((edit) => edit.replace(editor.document.lineAt(6).range, '```bash {"name":"ok"}'));
    await eventually('the diagnostic to clear', () => (ours(uri()).some((d) => d.code === 'unknown-annotation-key') ? undefined : true));
  });

  test('an ambiguous binding offers quick fixes that write the explicit binding', async () => {
    await activateExtension();
    const editor = await openRunbook(uri());
    const diagnostic = await eventually('a binding-ambiguous diagnostic', () => ours(uri()).find((d) => d.code === 'binding-ambiguous'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fixes = actions.filter((a) => /^Bind stage-1\.1 to step /.test(a.title));
    assert.equal(fixes.length, 2, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(fixes[0]!.edit);
    await vscode.workspace.applyEdit(fixes[0]!.edit!);
    assert.match(editor.document.lineAt(4).text, /<!-- runbook: run=health-probe -->/);
    await eventually('the check to be bound', async () => {
      const lenses = await codeLenses(uri());
      return lenses.some((l) => l.command?.command === 'runbookGate.runCheck' && l.command.arguments?.includes('stage-1.1') && /runs `Health probe/.test(l.command.title)) ? true : undefined;
    });
    await vscode.commands.executeCommand('undo');
  });

  test('"Bind to step…" on the lens writes the annotation as one undoable edit', async () => {
    await activateExtension();
    const editor = await openRunbook(uri());
    const bind = await eventually('a Bind to step lens', async () => {
      const lenses = await codeLenses(uri());
      return lenses.find((l) => l.command?.command === 'runbookGate.bindToStep') ;
    });
    assert.match(bind.command!.title, /Bind to step/);
    assert.equal(await vscode.commands.executeCommand(bind.command!.command, ...(bind.command!.arguments ?? []), 'commands-health-probe'), true);
    assert.match(editor.document.lineAt(4).text, /^- Run the health probe\. <!-- runbook: run=commands-health-probe -->$/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.lineAt(4).text, '- Run the health probe.');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a runbook with 1,200 repeated step names gets 999 of them and one line that counts the rest', async () => {
    await activateExtension();
    const many = workspaceUri('runbooks', 'many-names.md');
    const fences = Array.from({ length: 1200 }, (_, i) => `Step ${i}:\n\n\`\`\`bash {name=same}\necho ${i}\n\`\`\`\n`).join('\n');
    await vscode.workspace.fs.writeFile(many, new TextEncoder().encode(`# Many names\n\n## Stage 1: Repeat\n\n${fences}`));
    await openRunbook(many);
    const shown = await eventually('the diagnostics of 1,200 fences', () => {
      const found = ours(many);
      return found.some((d) => d.code === 'diagnostics-not-shown') ? found : undefined;
    });
    assert.equal(shown.length, 1000);
    assert.equal(shown.filter((d) => d.code === 'duplicate-step-name').length, 999);
    const summary = shown.find((d) => d.code === 'diagnostics-not-shown')!;
    assert.match(summary.message, /^200 more diagnostics of this runbook are not shown .*: 200 duplicate-step-name\./);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

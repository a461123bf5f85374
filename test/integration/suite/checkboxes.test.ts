// Task boxes follow their checks as editor edits: while a stage of twelve checks runs, a person
// types above the list (real keystrokes in the workbench, through the harness) and every box
// still gets ticked, on the line it has moved to; a tick is one undo step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunRecord } from '../../../src/core/run/record';
import { activateExtension, click, codeLenses, lensFor, openRunbook, workspaceUri } from '../helpers';
import { needsUi, ui } from '../ui';

const uri = () => workspaceUri('runbooks', 'checkboxes.md');

function boxes(document: vscode.TextDocument): { ticked: number; open: number } {
  const text = document.getText();
  return { ticked: (text.match(/^- \[x\] Check \d+ passes/gm) ?? []).length, open: (text.match(/^- \[ \] Check \d+ passes/gm) ?? []).length };
}

suite('checkboxes', () => {
  test('twelve boxes ticked while the user types above the list', async function () {
    needsUi(this);
    const api = await activateExtension();
    const editor = await openRunbook(uri());
    // The cursor goes on the "Notes:" line, above the list; the harness types there during the run.
    const notes = new vscode.Position(2, 'Notes:'.length);
    editor.selection = new vscode.Selection(notes, notes);
    const retriedBefore = api.checkboxStats.retried;
    const running = click<RunRecord>(lensFor(await codeLenses(uri()), 'runStage', 'stage-1'));
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false, preview: false });
    const typed = await ui({ action: 'typeText', text: ' typed during the run, line after line.\n'.repeat(4), delayMs: 25 });
    assert.equal(typed.ok, true, typed.error);
    const record = await running;
    assert.equal(record.checks.filter((c) => c.stageId === 'stage-1' && c.status === 'passed').length, 12);
    await api.checkboxesIdle(uri());
    const document = editor.document;
    const counted = boxes(document);
    console.log(`[rg-test]     checkboxes: ${counted.ticked} of 12 ticked while typing (${typed.ms} ms of keystrokes); ${api.checkboxStats.retried - retriedBefore} edit(s) retried after VS Code rejected them or the text moved, ${api.checkboxStats.lost} lost`);
    assert.match(document.getText(), /typed during the run, line after line\./, 'what the user typed is kept');
    assert.deepEqual(counted, { ticked: 12, open: 0 }, document.getText().slice(0, 600));
    assert.equal(api.checkboxStats.lost, 0);
  });

  test('a tick is one undo step, and redo brings it back', async () => {
    const api = await activateExtension();
    const editor = await openRunbook(uri());
    const record = await click<RunRecord>(lensFor(await codeLenses(uri()), 'runStage', 'stage-2'));
    assert.equal(record.checks.find((c) => c.id === 'stage-2.1')?.status, 'passed');
    await api.checkboxesIdle(uri());
    assert.match(editor.document.getText(), /^- \[x\] Final check passes/m);
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.getText(), /^- \[ \] Final check passes/m, 'undo unticks it');
    assert.match(editor.document.getText(), /typed during the run/, 'and leaves the earlier typing alone');
    await vscode.commands.executeCommand('redo');
    assert.match(editor.document.getText(), /^- \[x\] Final check passes/m, 'redo ticks it again');
  });

  test('"Reset run" clears the boxes and the next run starts a new run directory', async () => {
    const api = await activateExtension();
    const editor = await openRunbook(uri());
    const before = api.run(uri()).runDir;
    assert.equal(await vscode.commands.executeCommand('runbookGate.resetRun', uri()), true);
    await api.checkboxesIdle(uri());
    assert.equal(boxes(editor.document).ticked, 0);
    assert.equal(api.run(uri()).record, null);
    await click(lensFor(await codeLenses(uri()), 'runStage', 'stage-2'));
    assert.notEqual(api.run(uri()).runDir, before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});

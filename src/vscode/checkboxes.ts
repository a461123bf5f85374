import * as vscode from 'vscode';
import { checkboxChangesForSteps, checkboxResets, type CheckboxChange } from '../core/run/checkboxes';
import type { StepStatus } from '../core/run/model';
import type { RunbookModels } from './runbookModels';

/**
 * Ticks and unticks task items as ordinary editor edits: one undo step per change, applied
 * to the live document (unsaved text included), which is left for the user to save.
 */
export async function syncCheckboxes(
  models: RunbookModels,
  uri: vscode.Uri,
  results: ReadonlyMap<string, StepStatus>,
): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const changes = checkboxChangesForSteps(models.get(document), results, lineReader(document));
  await applyChanges(document, changes);
}

/** Clears every ticked task item of the runbook (part of "Reset run"). */
export async function resetCheckboxes(models: RunbookModels, uri: vscode.Uri): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  await applyChanges(document, checkboxResets(models.get(document), lineReader(document)));
}

function lineReader(document: vscode.TextDocument): (line: number) => string | undefined {
  return (line) => (line >= 1 && line <= document.lineCount ? document.lineAt(line - 1).text : undefined);
}

async function applyChanges(document: vscode.TextDocument, changes: CheckboxChange[]): Promise<void> {
  if (changes.length === 0) return;
  const edit = new vscode.WorkspaceEdit();
  for (const change of changes) {
    const range = new vscode.Range(change.line - 1, change.column, change.line - 1, change.column + 1);
    edit.replace(document.uri, range, change.checked ? 'x' : ' ');
  }
  await vscode.workspace.applyEdit(edit);
}

// A person's verdicts: marking a check (manual checks, or overriding one) or a KPI gate, with a
// note for the report, and notes on the run (scope, risk, remediation). Each goes into the
// runbook's run through the app layer; a check's box follows its new verdict.
import * as vscode from 'vscode';
import type { MarkStatus, NoteRecord, RunRecord } from '../../core/run/record';
import { EditorProblem, runbookUri, type Editor } from '../editor';

export interface MarkOptions {
  status?: MarkStatus | 'green' | 'red';
  /** The note; asked for when absent (Escape cancels the mark). */
  note?: string;
}

const CHECK_VERDICTS: Array<{ label: string; status: MarkStatus; description: string }> = [
  { label: '$(check) Passed', status: 'passed', description: 'it was done and it is fine' },
  { label: '$(close) Failed', status: 'failed', description: 'it was done and it is not fine' },
  { label: '$(circle-slash) Blocked', status: 'blocked', description: 'it could not be done' },
  { label: '$(debug-step-over) Skipped', status: 'skipped', description: 'not needed this time' },
];

async function askNote(status: string, what: string): Promise<string | undefined> {
  const needed = status !== 'passed' && status !== 'green';
  return vscode.window.showInputBox({
    title: `Runbook Gate: ${what} — ${status}`,
    prompt: needed ? 'Why? The note goes into the report (required).' : 'A note for the report (optional): what you looked at.',
    ignoreFocusOut: true,
    validateInput: (value) => (needed && value.trim() === '' ? 'Say why, for the report.' : null),
  });
}

export async function markCheck(editor: Editor, uriArg?: unknown, id?: string, options: MarkOptions = {}): Promise<RunRecord | undefined> {
  const uri = runbookUri(editor, uriArg);
  if (!id) throw new EditorProblem('Use the "Mark passed / failed / blocked" lens of a check.');
  let status = options.status;
  if (!status) {
    const picked = await vscode.window.showQuickPick(CHECK_VERDICTS, { title: `Verdict for ${id}` });
    if (!picked) return undefined;
    status = picked.status;
  }
  const note = options.note ?? (await askNote(status, id));
  if (note === undefined) return undefined;
  return editor.runs.mark(uri, id, status, note);
}

export async function markGate(editor: Editor, uriArg?: unknown, gateId?: string, options: MarkOptions = {}): Promise<RunRecord | undefined> {
  const uri = runbookUri(editor, uriArg);
  if (!gateId) throw new EditorProblem('Use the "Mark" lens of a gate.');
  let status = options.status;
  if (!status) {
    const observations: Array<vscode.QuickPickItem & { status: 'green' | 'red' | 'blocked' }> = [
      { label: '$(pass) Green', status: 'green' }, { label: '$(error) Red', status: 'red' }, { label: '$(circle-slash) Blocked', status: 'blocked' },
    ];
    const picked = await vscode.window.showQuickPick(observations, { title: `What did you observe for ${gateId}?` });
    if (!picked) return undefined;
    status = picked.status;
  }
  const note = options.note ?? (await askNote(status, gateId));
  if (note === undefined) return undefined;
  return editor.runs.mark(uri, gateId, status, note);
}

export async function addNote(editor: Editor, uriArg?: unknown, options: { kind?: NoteRecord['kind']; text?: string } = {}): Promise<RunRecord | undefined> {
  const uri = runbookUri(editor, uriArg);
  let kind = options.kind;
  if (!kind) {
    const kinds: Array<vscode.QuickPickItem & { noteKind: NoteRecord['kind'] }> = [
      { label: 'Scope', noteKind: 'scope' }, { label: 'Risk', noteKind: 'risk' }, { label: 'Remediation', noteKind: 'remediation' },
    ];
    const picked = await vscode.window.showQuickPick(kinds, { title: 'Add a note to the run (it goes into the report)' });
    if (!picked) return undefined;
    kind = picked.noteKind;
  }
  const text = options.text ?? (await vscode.window.showInputBox({ title: `Runbook Gate: ${kind} note`, ignoreFocusOut: true }));
  if (!text?.trim()) return undefined;
  return editor.runs.note(uri, kind, text);
}

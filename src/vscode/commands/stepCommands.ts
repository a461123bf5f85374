// What a step offers besides running: its command copied, run in an integrated terminal (its
// exit code offered as its checks' verdict), its log opened; and the binding of a check to a
// step, written into the runbook as the explicit annotation (an undoable edit).
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Runbook, Step } from '../../core/runbook/model';
import { editorCore, runtime } from '../lazy';
import { EditorProblem, findCheck, findStep, modelOf, runbookUri, type Editor } from '../editor';
import { runInTerminal as runInIntegratedTerminal } from '../terminal';
import { confirmDestructive } from '../runs/editorPorts';

export async function copyStep(editor: Editor, uriArg?: unknown, stepId?: string): Promise<string> {
  const uri = runbookUri(editor, uriArg);
  const { runbook } = await modelOf(editor, uri);
  const step = findStep(runbook, stepId ?? '');
  await vscode.env.clipboard.writeText(step.command);
  vscode.window.setStatusBarMessage(`$(copy) Copied "${step.title}"`, 2500);
  return step.command;
}

export async function showStepLog(editor: Editor, uriArg?: unknown, stepId?: string, attempt?: number, session?: number): Promise<vscode.Uri | undefined> {
  const uri = runbookUri(editor, uriArg);
  const run = editor.runs.get(uri);
  const step = run.record?.steps.find((s) => s.id === stepId);
  const chosen = attempt ? step?.attempts.find((a) => a.n === attempt && (session === undefined || a.session === session)) : step?.attempts.at(-1);
  if (!run.runDir || !chosen?.logPath) throw new EditorProblem('This step has no log yet: run it first.');
  const log = vscode.Uri.file(join(run.runDir, chosen.logPath));
  await vscode.window.showTextDocument(log, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  return log;
}

export async function runInTerminal(editor: Editor, uriArg?: unknown, stepId?: string): Promise<number | null | undefined> {
  const uri = runbookUri(editor, uriArg);
  const { runbook } = await modelOf(editor, uri);
  const step = findStep(runbook, stepId ?? '');
  if (step.placeholders.length > 0) throw new EditorProblem(`Fill in ${step.placeholders.join(', ')} in the runbook first.`);
  if ((step.destructive || step.rollback) && !(await confirmDestructive(step, editor.notify))) return undefined;
  const cwd = await stepDirectory(editor, uri, step, runbook);
  const result = await runInIntegratedTerminal(step, step.command, cwd);
  if (result.exitCode === null) return null;
  offerVerdict(editor, uri, step, result.exitCode);
  return result.exitCode;
}

async function stepDirectory(editor: Editor, uri: vscode.Uri, step: Step, runbook: Runbook): Promise<string> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) throw new EditorProblem('Open the runbook from a folder of the workspace.');
  const guard = await (await editor.runs.service(folder)).guard();
  const rt = await runtime();
  const runbookPath = guard.relative(await guard.inside(uri.fsPath, 'The runbook', { trusted: true }));
  return guard.inside(rt.stepCwd(step, runbook, runbookPath), "The step's working directory").catch((error: Error) => {
    throw new EditorProblem(error.message);
  });
}

function offerVerdict(editor: Editor, uri: vscode.Uri, step: Step, exitCode: number): void {
  if (step.checkIds.length === 0) {
    editor.notify.info(`"${step.title}" exited ${exitCode} in the terminal.`);
    return;
  }
  const status = exitCode === 0 ? 'passed' : 'failed';
  const note = `ran in the integrated terminal: exit ${exitCode}`;
  editor.notify.info(`"${step.title}" exited ${exitCode} in the terminal. Mark ${step.checkIds.join(', ')} ${status}?`, {
    label: `Mark ${status}`,
    run: async () => {
      for (const id of step.checkIds) await editor.runs.mark(uri, id, status, note);
    },
  });
}

/** "Change binding…" / "Bind to step…": the check runs the step the user picks, written as `<!-- runbook: run=STEP -->`. */
export async function bindToStep(editor: Editor, uriArg?: unknown, checkId?: string, stepId?: string): Promise<boolean> {
  const uri = runbookUri(editor, uriArg);
  const { document, runbook } = await modelOf(editor, uri);
  const check = findCheck(runbook, checkId ?? '');
  let chosen = stepId;
  if (!chosen) {
    const suggested = new Set(runbook.diagnostics.filter((d) => d.range.startLine === check.range.startLine).flatMap((d) => d.fixes ?? []).map((f) => /run=([^\s>]+)/.exec(f.newText)?.[1]).filter((x): x is string => !!x));
    const items = runbook.steps.filter((s) => s.language !== 'manual').map((s) => ({
      label: `${suggested.has(s.id) ? '$(lightbulb) ' : ''}${s.title}`,
      description: s.id,
      detail: `line ${s.range.startLine}: ${s.command.split('\n')[0]}`,
      id: s.id,
    }));
    items.sort((a, b) => Number(suggested.has(b.id)) - Number(suggested.has(a.id)));
    const current = check.binding ? `now: ${check.binding.reason}` : 'bound to no step';
    const picked = await vscode.window.showQuickPick(items, { title: `Which step does "${check.text}" run? (${current})`, matchOnDescription: true, matchOnDetail: true });
    if (!picked) return false;
    chosen = picked.id;
  }
  findStep(runbook, chosen);
  const core = await editorCore();
  const line = check.range.startLine;
  const edit = core.bindingEdit(line, document.lineAt(line - 1).text, [chosen]);
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(uri, new vscode.Range(line - 1, edit.startColumn, line - 1, edit.endColumn), edit.newText);
  return vscode.workspace.applyEdit(workspaceEdit);
}

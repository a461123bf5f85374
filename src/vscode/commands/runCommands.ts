// Running: a stage, a check, a step, the item at the cursor, everything (after a confirmation
// listing what will run), and cancelling. All go through the run manager (the app layer).
import * as vscode from 'vscode';
import type { RunRecord, StepRecord } from '../../core/run/record';
import { runtime } from '../lazy';
import { atCursor, EditorProblem, findCheck, findStage, findStep, modelOf, runbookUri, type Editor } from '../editor';
import type { RunRequest } from '../runs/runManager';
import { offerGitignore } from '../gitignore';
import { confirmModal } from '../confirm';

export interface RunOptions {
  /** When a run of this runbook is already in progress: queue after it, or cancel it first (asked when absent). */
  whenBusy?: 'queue' | 'cancel';
  /** "Run all" without the confirmation (the user confirmed elsewhere). */
  yes?: boolean;
}

async function start(editor: Editor, uri: vscode.Uri, request: RunRequest): Promise<RunRecord | undefined> {
  void editor.panel.reveal(uri);
  const record = await editor.runs.run(uri, request);
  if (record) void offerGitignore(editor, uri);
  return record;
}

export async function runStage(editor: Editor, uriArg?: unknown, stageId?: string, options: RunOptions = {}): Promise<RunRecord | undefined> {
  const uri = runbookUri(editor, uriArg);
  const { runbook } = await modelOf(editor, uri);
  const stage = stageId ? findStage(runbook, stageId) : atCursor(uri, runbook.stages);
  if (!stage) throw new EditorProblem('Put the cursor in a stage, or use "Run stage" above it.');
  return start(editor, uri, { selection: { stageIds: [stage.id] }, label: `Run ${stage.label}`, ids: [stage.id], kind: 'stage', whenBusy: options.whenBusy });
}

export async function runCheck(editor: Editor, uriArg?: unknown, checkId?: string, options: RunOptions = {}): Promise<RunRecord | undefined> {
  const uri = runbookUri(editor, uriArg);
  const { runbook } = await modelOf(editor, uri);
  const check = checkId ? findCheck(runbook, checkId) : atCursor(uri, runbook.checks);
  if (!check) throw new EditorProblem('Put the cursor on a check, or use the lens above it.');
  return start(editor, uri, { selection: { checkIds: [check.id] }, label: `Run check ${check.id}`, ids: [check.id, ...check.stepIds], kind: 'steps', whenBusy: options.whenBusy });
}

/** Runs one step; resolves to its record (the latest attempt first in `attempts.at(-1)`). */
export async function runStep(editor: Editor, uriArg?: unknown, stepId?: string, options: RunOptions = {}): Promise<StepRecord | undefined> {
  const uri = runbookUri(editor, uriArg);
  const { runbook } = await modelOf(editor, uri);
  const step = stepId ? findStep(runbook, stepId) : atCursor(uri, runbook.steps);
  if (!step) throw new EditorProblem('Put the cursor in a shell block, or use "Run step" above it.');
  const record = await start(editor, uri, { selection: { stepIds: [step.id] }, label: `Run step ${step.title}`, ids: [step.id], kind: 'steps', whenBusy: options.whenBusy });
  return record?.steps.find((s) => s.id === step.id);
}

/** The keybinding: the step under the cursor, else its check, else its stage. */
export async function runAtCursor(editor: Editor): Promise<unknown> {
  const uri = runbookUri(editor);
  const { runbook } = await modelOf(editor, uri);
  const step = atCursor(uri, runbook.steps.filter((s) => s.language !== 'manual'));
  if (step) return runStep(editor, uri, step.id);
  const check = atCursor(uri, runbook.checks);
  if (check && (check.stepIds.length > 0 || check.kind === 'dependency' || check.kind === 'hold')) return runCheck(editor, uri, check.id);
  const stage = atCursor(uri, runbook.stages);
  if (stage) return runStage(editor, uri, stage.id);
  throw new EditorProblem('The cursor is not in a step, check or stage of this runbook.');
}

export async function runAll(editor: Editor, uriArg?: unknown, options: RunOptions = {}): Promise<RunRecord | undefined> {
  const uri = runbookUri(editor, uriArg);
  const { runbook } = await modelOf(editor, uri);
  const rt = await runtime();
  const plan = rt.planSelection(runbook, { all: true });
  const steps = plan.work.filter((w) => w.kind === 'step');
  const runs = steps.filter((w) => w.reason === null);
  const left = steps.filter((w) => w.reason !== null);
  if (runs.length === 0 && plan.scope.stageIds.length === 0) throw new EditorProblem('Nothing to run in this runbook.');
  if (!options.yes) {
    const title = (id: string) => runbook.steps.find((s) => s.id === id)?.title ?? id;
    const detail = [
      `Stages and checklists: ${plan.scope.stageIds.length} (${runbook.stages.map((s) => s.label).join(', ')})`,
      `Steps that will run (${runs.length}):`,
      ...runs.map((w) => `  • ${title(w.stepId)}`),
      ...(left.length > 0 ? ['', `Left out (${left.length}):`, ...left.map((w) => `  • ${title(w.stepId)}: ${w.reason}`)] : []),
      '',
      'Dependency issues are looked up; holds start; manual checks wait for you.',
    ].join('\n');
    const name = runbook.title || vscode.workspace.asRelativePath(uri);
    const summary = `${runs.length} step${runs.length === 1 ? '' : 's'} (${runs.slice(0, 6).map((w) => w.stepId).join(', ')}${runs.length > 6 ? ', …' : ''}) in ${plan.scope.stageIds.length} stage${plan.scope.stageIds.length === 1 ? '' : 's'}${left.length > 0 ? `, ${left.length} left out` : ''}`;
    if (!(await confirmModal(editor.notify, `Run all of "${name}": ${summary}?`, detail, 'Run all'))) return undefined;
  }
  return start(editor, uri, { selection: { all: true }, label: 'Run all', ids: [...plan.scope.stageIds, ...runs.map((w) => w.stepId)], kind: 'stage', whenBusy: options.whenBusy });
}

export function cancelRun(editor: Editor, uriArg?: unknown): boolean {
  const uri = uriArg instanceof vscode.Uri ? uriArg : editor.runs.all().find((r) => r.busy)?.uri;
  if (!uri) return false;
  return editor.runs.cancel(uri);
}

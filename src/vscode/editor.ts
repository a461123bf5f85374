// What the commands work with, built once in activate(): the extension's lifetime scope.
import * as vscode from 'vscode';
import type { Check, Runbook, SourceRange, Stage, Step } from '../core/runbook/model';
import type { CheckboxSync } from './checkboxes';
import type { LensProvider } from './lenses';
import type { RunbookModels } from './models';
import type { Notifier } from './notify';
import type { PanelHost } from './panel/panelHost';
import type { InputPrompts } from './runs/inputPrompts';
import type { RunManager } from './runs/runManager';

export interface Editor {
  context: vscode.ExtensionContext;
  models: RunbookModels;
  runs: RunManager;
  lenses: LensProvider;
  panel: PanelHost;
  checkboxes: CheckboxSync;
  prompts: InputPrompts;
  notify: Notifier;
  log: vscode.LogOutputChannel;
}

/** A failure the user can act on: shown once as a notification, never thrown at VS Code. */
export class EditorProblem extends Error {
  override name = 'EditorProblem';
}

/** The runbook a command is about: its argument, else the active Markdown editor, else the panel's. */
export function runbookUri(editor: Editor, uri?: unknown): vscode.Uri {
  if (uri instanceof vscode.Uri) return uri;
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'markdown') return document.uri;
  if (editor.panel.focused) return editor.panel.focused;
  throw new EditorProblem('Open a Markdown runbook first.');
}

export async function modelOf(editor: Editor, uri: vscode.Uri): Promise<{ document: vscode.TextDocument; runbook: Runbook }> {
  return editor.models.forUri(uri);
}

export function findStep(runbook: Runbook, id: string): Step {
  const step = runbook.steps.find((s) => s.id === id);
  if (!step) throw new EditorProblem(`No step "${id}" in this runbook (it may have been renamed since).`);
  return step;
}

export function findCheck(runbook: Runbook, id: string): Check {
  const check = runbook.checks.find((c) => c.id === id);
  if (!check) throw new EditorProblem(`No check "${id}" in this runbook (it may have moved since).`);
  return check;
}

export function findStage(runbook: Runbook, id: string): Stage {
  const stage = runbook.stages.find((s) => s.id === id);
  if (!stage) throw new EditorProblem(`No stage "${id}" in this runbook.`);
  return stage;
}

/** The innermost item of `items` whose range holds the cursor of the active editor on `uri`. */
export function atCursor<T extends { range: SourceRange }>(uri: vscode.Uri, items: readonly T[]): T | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.uri.toString() !== uri.toString()) return undefined;
  const line = active.selection.active.line + 1;
  const holding = items.filter((item) => item.range.startLine <= line && line <= item.range.endLine);
  return holding.sort((a, b) => (a.range.endLine - a.range.startLine) - (b.range.endLine - b.range.startLine))[0];
}

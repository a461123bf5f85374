// activate/deactivate only: build the editor's parts, register them, return the API. Nothing
// here parses or loads the heavy bundles (parser, runner, GitHub, reports): they load on first
// use (src/vscode/lazy.ts), so activation stays within a few milliseconds.
import * as vscode from 'vscode';
import { activateEditor, type RunbookGateApi } from './vscode/activate';

const loadedAt = performance.now();

export function activate(context: vscode.ExtensionContext): RunbookGateApi {
  return activateEditor(context, loadedAt);
}

export function deactivate(): void {
  // The disposables in context.subscriptions cancel runs and end their processes.
}

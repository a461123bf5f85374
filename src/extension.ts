// activate/deactivate only: build the editor's parts, register them, return the API. Nothing
// here parses or loads the heavy bundles (parser, runner, GitHub, reports): they load on first
// use (src/vscode/lazy.ts), so activation stays within a few milliseconds.
import type * as vscode from 'vscode';
import { activateEditor, type RunbookGateApi } from './vscode/activate';

// Set by the bundle's first line (scripts/build.mjs): how long loading this module took.
const loadStarted = (globalThis as { __runbookGateLoadStart?: number }).__runbookGateLoadStart;
const loadMs = loadStarted === undefined ? 0 : performance.now() - loadStarted;

export function activate(context: vscode.ExtensionContext): RunbookGateApi {
  return activateEditor(context, loadMs);
}

export function deactivate(): void {
  // The disposables in context.subscriptions cancel runs and end their processes.
}

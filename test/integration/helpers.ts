// Small helpers for the integration suites: the fixture workspace, CodeLens lookup, and the
// run directories the extension writes under .runbook-gate/runs/.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'runbook-gate.runbook-gate';
export const RUNS_DIR = join('.runbook-gate', 'runs');

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return folder.uri.fsPath;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
  await extension.activate();
  return extension;
}

export async function openRunbook(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Asks VS Code (not our provider directly) for the lenses, resolving them all. */
export async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000);
  return lenses ?? [];
}

/** The "Run step" lens of a step: the lens whose command is runStep with that step id. */
export function runStepLens(lenses: vscode.CodeLens[], stepId: string): vscode.CodeLens {
  const lens = lenses.find((candidate) => candidate.command?.command === 'runbookGate.runStep'
    && candidate.command.arguments?.some((argument) => argument === stepId));
  assert.ok(lens?.command, `a runbookGate.runStep lens for step "${stepId}" among: ${describe(lenses)}`);
  return lens;
}

/** Titles of every lens on the same line as the step's "Run step" lens. */
export function lensTitlesOnStepLine(lenses: vscode.CodeLens[], stepId: string): string[] {
  const line = runStepLens(lenses, stepId).range.start.line;
  return lenses.filter((lens) => lens.range.start.line === line).map((lens) => lens.command?.title ?? '');
}

export function describe(lenses: vscode.CodeLens[]): string {
  return JSON.stringify(lenses.map((lens) => ({
    line: lens.range.start.line + 1,
    title: lens.command?.title,
    command: lens.command?.command,
    arguments: lens.command?.arguments?.map((argument) => (argument instanceof vscode.Uri ? argument.toString() : argument)),
  })));
}

export function runDirectories(root: string): string[] {
  const runsRoot = join(root, RUNS_DIR);
  if (!existsSync(runsRoot)) return [];
  return readdirSync(runsRoot)
    .map((name) => join(runsRoot, name))
    .filter((path) => statSync(path).isDirectory())
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

/** The newest run directory holding `logPath` (relative to a run directory), or null. */
export function findRunFile(root: string, logPath: string): string | null {
  for (const directory of runDirectories(root)) {
    const candidate = join(directory, logPath);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Polls until `probe` returns a value (not undefined), or fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

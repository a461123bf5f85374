// Helpers for the integration suites: the fixture workspace, the extension's API, CodeLens
// lookups through VS Code itself, run directories, and polling.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import * as vscode from 'vscode';
import type { RunbookGateApi } from '../../src/vscode/activate';
import type { RunRecord } from '../../src/core/run/record';

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

export async function activateExtension(): Promise<RunbookGateApi> {
  const extension = vscode.extensions.getExtension<RunbookGateApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
  return extension.activate();
}

export async function openRunbook(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

async function askLenses(uri: vscode.Uri, resolve: number): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, resolve)) ?? [];
}

/**
 * Asks VS Code (not our provider directly) for the lenses, resolving the first `resolve` (all by
 * default). A document's first request is answered with none while its model is still being
 * built (the provider answers within a short budget), so this asks again until there are some.
 */
export async function codeLenses(uri: vscode.Uri, resolve = 10_000): Promise<vscode.CodeLens[]> {
  return eventually(`lenses on ${vscode.workspace.asRelativePath(uri)}`, async () => {
    const lenses = await askLenses(uri, resolve);
    return lenses.length > 0 ? lenses : undefined;
  });
}

/** The lenses of a document expected to have none: asked once its model has been built. */
export async function lensesOnceModelled(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const api = await activateExtension();
  await vscode.workspace.openTextDocument(uri);
  await askLenses(uri, 0);
  await eventually(`the model of ${vscode.workspace.asRelativePath(uri)}`, () => (api.modelTiming(uri) ? true : undefined));
  return askLenses(uri, 10_000);
}

export function describe(lenses: vscode.CodeLens[]): string {
  return JSON.stringify(lenses.map((lens) => ({
    line: lens.range.start.line + 1,
    title: lens.command?.title,
    command: lens.command?.command,
    arguments: lens.command?.arguments?.map((argument) => (argument instanceof vscode.Uri ? argument.toString() : argument)),
  })));
}

/** The lens whose command is `runbookGate.<command>` with `id` among its arguments. */
export function lensFor(lenses: vscode.CodeLens[], command: string, id: string): vscode.CodeLens {
  const lens = lenses.find((candidate) => candidate.command?.command === `runbookGate.${command}` && candidate.command.arguments?.includes(id));
  assert.ok(lens?.command, `a runbookGate.${command} lens for "${id}" among: ${describe(lenses)}`);
  return lens;
}

/** Titles of every lens on a (0-based) line. */
export function titlesOnLine(lenses: vscode.CodeLens[], line: number): string[] {
  return lenses.filter((lens) => lens.range.start.line === line).map((lens) => lens.command?.title ?? '');
}

/** Runs a lens's command as a click would. */
export async function click<T = unknown>(lens: vscode.CodeLens, ...extra: unknown[]): Promise<T> {
  assert.ok(lens.command);
  return vscode.commands.executeCommand<T>(lens.command.command, ...(lens.command.arguments ?? []), ...extra);
}

export function runDirectories(root: string): string[] {
  const runsRoot = join(root, RUNS_DIR);
  if (!existsSync(runsRoot)) return [];
  return readdirSync(runsRoot)
    .map((name) => join(runsRoot, name))
    .filter((path) => statSync(path).isDirectory())
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

export function readRecord(runDir: string): RunRecord {
  return JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as RunRecord;
}

/** Polls until `probe` returns a value (not undefined), or fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sets a workspace setting for the suite (restored by the returned function). */
export async function setSetting(key: string, value: unknown): Promise<() => Thenable<void>> {
  const config = vscode.workspace.getConfiguration('runbookGate');
  const before = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return () => vscode.workspace.getConfiguration('runbookGate').update(key, before, vscode.ConfigurationTarget.Workspace);
}

// Builds the editor's parts and wires them: two disposable scopes — the extension's lifetime
// (context.subscriptions, here) and one run's lifetime (listeners a job adds and removes, in
// the run manager). Nothing here parses or loads a heavy bundle.
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import type { PanelProbe } from '../../webview/messages';
import type { RunRecord } from '../core/run/record';
import { CheckboxSync, type CheckboxStats } from './checkboxes';
import { registerCommands } from './commands';
import { affectsLenses, affectsRuns, readConfig } from './config';
import { registerDiagnostics } from './diagnostics';
import type { Editor } from './editor';
import { editorCore } from './lazy';
import { LensProvider, type LensTiming } from './lenses';
import { isMarkdown, RunbookModels } from './models';
import { Notifier } from './notify';
import { PanelHost } from './panel/panelHost';
import { InputPrompts } from './runs/inputPrompts';
import { RunManager } from './runs/runManager';
import { RunStatusBar } from './statusBar';

/** What the extension returns from activate(): measurements and probes for the integration suite. */
export interface RunbookGateApi {
  /** Activation as VS Code counts it: loading the module plus activate(), ms. */
  activation: { loadMs: number; activateMs: number };
  lensTiming(uri: vscode.Uri): LensTiming | undefined;
  /** How often lenses were provided, resolved and refreshed. */
  lensCounts: { provided: number; resolved: number; refreshed: number };
  /** The last few lens requests and redraws, timed. */
  lensTrail: readonly string[];
  /** The latest model build of the document: its version and how long it took. */
  modelTiming(uri: vscode.Uri): { version: number; modelMs: number; longestSliceMs: number | null; modeledIn: 'worker' | 'host' | null; workerFailure: string | null } | undefined;
  checkboxStats: CheckboxStats;
  /** Resolves when the document's queued checkbox edits are done. */
  checkboxesIdle(uri: vscode.Uri): Promise<void>;
  run(uri: vscode.Uri): { record: RunRecord | null; runDir: string | null; busy: boolean };
  notifications: ReadonlyArray<{ level: string; message: string }>;
  panel: {
    focused(): vscode.Uri | undefined;
    probe(): Promise<PanelProbe>;
    inject(stepId: string, text: string): void;
    watch(text: string): void;
    hits(text: string): number;
    messages(): number;
  };
}

export function activateEditor(context: vscode.ExtensionContext, loadMs: number): RunbookGateApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Runbook Gate', { log: true });
  const notify = new Notifier(log);
  const models = new RunbookModels(vscode.Uri.joinPath(context.extensionUri, 'dist', 'modelWorker.js').fsPath);
  const prompts = new InputPrompts(context.secrets, context.workspaceState, (folder) => readConfig(folder).promptForInputs);
  const runs = new RunManager(models, prompts, context.workspaceState, log, notify);
  const lenses = new LensProvider(models, runs);
  const panel = new PanelHost(context.extensionUri, models, runs);
  const checkboxes = new CheckboxSync(models, notify);
  const editor: Editor = { context, models, runs, lenses, panel, checkboxes, prompts, notify, log };

  context.subscriptions.push(
    log, models, runs, lenses, panel,
    new RunStatusBar(runs, () => panel.focused),
    vscode.window.registerWebviewViewProvider(PanelHost.viewId, panel),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, lenses),
    registerDiagnostics(models),
    ...registerCommands(editor),
    runs.onDidChange(({ run, changedChecks, live }) => {
      lenses.refresh();
      void vscode.commands.executeCommand('setContext', 'runbookGate.running', runs.all().some((r) => r.busy));
      if (live && run.record && changedChecks.size > 0) void checkboxes.follow(run.uri, run.record, changedChecks);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsLenses(event)) lenses.refresh();
      if (affectsRuns(event)) for (const run of runs.all()) void runs.restore(run.uri, true);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()),
    // The workbench drops an editor's pending lens request when the editor loses the keyboard
    // and asks again only when it gets it back: a run that ended just before the user moved to
    // the panel would leave stale lenses beside it. Asking now redraws them.
    panel.onDidTakeFocus(() => lenses.refresh()),
    vscode.window.onDidChangeActiveTextEditor((active) => void updateContext(models, active)),
    watchRunRecords(runs),
  );
  void updateContext(models, vscode.window.activeTextEditor);

  const activateMs = performance.now() - started;
  return {
    activation: { loadMs, activateMs },
    lensTiming: (uri) => lenses.timing(uri),
    lensCounts: lenses.counts,
    lensTrail: lenses.trail,
    modelTiming: (uri) => models.timing(uri),
    checkboxStats: checkboxes.stats,
    checkboxesIdle: (uri) => checkboxes.idle(uri),
    run: (uri) => {
      const run = runs.get(uri);
      return { record: run.record, runDir: run.runDir, busy: run.busy };
    },
    notifications: notify.history,
    panel: {
      focused: () => panel.focused,
      probe: () => panel.probe(),
      inject: (stepId, text) => panel.injectOutput(stepId, text),
      watch: (text) => void panel.watched.set(text, panel.watched.get(text) ?? 0),
      hits: (text) => panel.watched.get(text) ?? 0,
      messages: () => panel.postedCount,
    },
  };
}

/** `runbookGate.isRunbook` drives the editor-title buttons and the keybinding. */
async function updateContext(models: RunbookModels, active: vscode.TextEditor | undefined): Promise<void> {
  const document = active?.document;
  let runbook = false;
  if (document && isMarkdown(document)) {
    const model = await models.get(document);
    runbook = (await editorCore()).isRunbookModel(model);
  }
  await vscode.commands.executeCommand('setContext', 'runbookGate.isRunbook', runbook);
}

/** A `mark` in a terminal or a CLI run changes run.json: the editor follows (debounced). */
function watchRunRecords(runs: RunManager): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/run.json');
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; created: boolean }>();
  const changed = (uri: vscode.Uri, created: boolean) => {
    const dir = dirname(uri.fsPath);
    const previous = pending.get(dir);
    if (previous) clearTimeout(previous.timer);
    const entry = {
      created: created || (previous?.created ?? false),
      timer: setTimeout(() => {
        pending.delete(dir);
        void runs.reloadFromDisk(dir, entry.created);
      }, 300),
    };
    pending.set(dir, entry);
  };
  return vscode.Disposable.from(watcher, watcher.onDidChange((uri) => changed(uri, false)), watcher.onDidCreate((uri) => changed(uri, true)));
}

// The side panel (a WebviewView in its own activity-bar container), scoped to the active
// runbook: it follows the active editor when that is a runbook (a generated report or plain
// Markdown does not take it over), gets the run's state at most every 100 ms and the running
// step's output in batches every 50 ms, and on (re)load the current state plus a replay of
// the output tail. Every message carries masked text only.
import * as vscode from 'vscode';
import { PANEL_MESSAGE_CHARS, type HostToPanel, type PanelProbe, type PanelToHost } from '../../../webview/messages';
import { readConfig } from '../config';
import { editorCore } from '../lazy';
import type { RunbookModels } from '../models';
import type { RunManager } from '../runs/runManager';
import type { OutputEvent } from '../runs/runbookRun';
import { panelHtml, panelRoots } from './html';

const STATE_EVERY_MS = 100;
const OUTPUT_EVERY_MS = 50;

export class PanelHost implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'runbookGate.panel';
  private view: vscode.WebviewView | undefined;
  private focus: vscode.Uri | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private stateTimer: ReturnType<typeof setTimeout> | undefined;
  /** The output key the webview shows (runbook and reset generation); null before any. */
  private postedKey: string | null = null;
  private outputTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingOutput: OutputEvent[] = [];
  private readonly probes = new Map<number, (result: PanelProbe) => void>();
  private probeId = 0;
  /** Texts the integration suite watches for in every message posted (a secret must never be one). */
  readonly watched = new Map<string, number>();
  /** Messages posted so far. */
  postedCount = 0;
  private readonly tookFocus = new vscode.EventEmitter<void>();
  /** The panel took the keyboard from the editor. */
  readonly onDidTakeFocus = this.tookFocus.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly models: RunbookModels,
    private readonly runs: RunManager,
  ) {
    this.subscriptions.push(
      runs.onDidChange(({ run }) => {
        if (run.busy || !this.focus) this.focus = run.uri;
        if (run.uri.toString() === this.focus?.toString()) this.scheduleState();
      }),
      runs.onOutput((event) => this.queueOutput(event)),
      models.onDidChangeModel(({ document }) => document.uri.toString() === this.focus?.toString() && this.scheduleState()),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.follow(editor)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleState()),
    );
    void this.follow(vscode.window.activeTextEditor);
  }

  get focused(): vscode.Uri | undefined {
    return this.focus;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: panelRoots(this.extensionUri) };
    view.webview.html = panelHtml(view.webview, this.extensionUri);
    this.subscriptions.push(
      view.webview.onDidReceiveMessage((message: PanelToHost) => this.onMessage(message)),
      view.onDidDispose(() => (this.view = undefined)),
    );
  }

  /** Shows the panel on a runbook without taking the keyboard from the editor. */
  async reveal(uri?: vscode.Uri, takeFocus = false): Promise<void> {
    if (uri) this.focus = uri;
    if (this.view) this.view.show(!takeFocus);
    else await vscode.commands.executeCommand(`${PanelHost.viewId}.focus`, { preserveFocus: !takeFocus });
    this.scheduleState();
  }

  /** What the panel rendered (the integration suite's probe). */
  probe(timeoutMs = 10_000): Promise<PanelProbe> {
    const id = ++this.probeId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.probes.delete(id);
        reject(new Error('the panel did not answer the probe (is it visible?)'));
      }, timeoutMs);
      this.probes.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      void this.view?.webview.postMessage({ type: 'probe', id } satisfies HostToPanel);
    });
  }

  /** Sends output as if a step printed it (the integration suite's hostile-output test). */
  injectOutput(stepId: string, text: string): void {
    this.post({ type: 'output', stepId, attempt: 1, text, reset: true });
  }

  private async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    const document = editor?.document;
    if (!document || document.languageId !== 'markdown' || document.uri.toString() === this.focus?.toString()) return;
    const runbook = await this.models.get(document);
    if (!(await editorCore()).isRunbookModel(runbook)) return; // our reports and plain Markdown keep the panel where it is
    this.focus = document.uri;
    void this.runs.restore(document.uri);
    this.scheduleState();
  }

  private onMessage(message: PanelToHost): void {
    if (message.type === 'probeResult') {
      this.probes.get(message.id)?.(message.result);
      this.probes.delete(message.id);
      return;
    }
    if (message.type === 'focused') {
      this.tookFocus.fire();
      return;
    }
    if (message.type === 'ready') {
      this.postedKey = null; // a new webview: it has no output yet
      void this.postState();
      return;
    }
    const uri = this.focus;
    if (!uri) return;
    const run = (command: string, ...args: unknown[]) => void vscode.commands.executeCommand(`runbookGate.${command}`, uri, ...args);
    switch (message.type) {
      case 'runStage': return run('runStage', message.stageId);
      case 'runCheck': return run('runCheck', message.checkId);
      case 'runStep': return run('runStep', message.stepId);
      case 'cancel': return run('cancelRun');
      case 'mark': return run('markCheck', message.id, { status: message.status });
      case 'openLog': return run('showStepLog', message.stepId, message.attempt, message.session);
      case 'openFullLog': return run('showStepLog', message.stepId);
      case 'generateReport': return run('generateReport');
      case 'resetRun': return run('resetRun');
      case 'note': return run('addNote');
      case 'reveal': return void this.revealLine(uri, message.line);
      case 'openUrl':
        if (/^https:\/\//i.test(message.url)) void vscode.env.openExternal(vscode.Uri.parse(message.url));
        return;
    }
  }

  private async revealLine(uri: vscode.Uri, line: number): Promise<void> {
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const at = new vscode.Position(Math.max(0, line - 1), 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private scheduleState(): void {
    if (this.stateTimer || !this.view) return;
    this.stateTimer = setTimeout(() => {
      this.stateTimer = undefined;
      void this.postState();
    }, STATE_EVERY_MS);
  }

  private async postState(): Promise<void> {
    if (!this.view) return;
    const uri = this.focus;
    if (!uri) {
      this.post({ type: 'state', state: null, key: null });
      this.postedKey = null;
      return;
    }
    const core = await editorCore();
    const runbook = this.models.latest(uri) ?? (await this.models.forUri(uri).then((m) => m.runbook, () => undefined));
    if (!runbook || !core.isRunbookModel(runbook)) return;
    const run = this.runs.get(uri);
    const strict = readConfig(uri).strict;
    const masker = run.handle?.masker;
    const running = run.tail && run.running.has(run.tail.stepId) ? { stepId: run.tail.stepId, attempt: run.tail.attempt } : null;
    const state = core.panelState({
      runbook,
      runbookPath: vscode.workspace.asRelativePath(uri),
      record: run.record,
      decision: run.record ? core.decideRun(run.record, { strict }) : null,
      runDir: run.runDir ? vscode.workspace.asRelativePath(run.runDir) : null,
      trusted: vscode.workspace.isTrusted,
      busy: run.busy,
      strict,
      now: Date.now(),
      running,
      mask: (text) => (masker ? masker.mask(text) : text),
      word: run.record ? core.editorReasons(run.record, run.runDir ? vscode.workspace.asRelativePath(run.runDir) : null) : () => ({ subject: '', problem: '', remedy: '' }),
    });
    // Output belongs to a runbook and a run: another runbook, or a reset, clears it in the panel;
    // coming back to a runbook shows its output again.
    const key = `${uri.toString()}#${run.generation}`;
    this.post({ type: 'state', state, key });
    if (key !== this.postedKey) {
      this.postedKey = key;
      this.replay();
    }
  }

  private replay(): void {
    const uri = this.focus;
    const tail = uri ? this.runs.get(uri).tail : null;
    if (tail) this.post({ type: 'output', stepId: tail.stepId, attempt: tail.attempt, text: tail.text, reset: true });
  }

  private queueOutput(event: OutputEvent): void {
    if (event.uri.toString() !== this.focus?.toString()) return;
    this.pendingOutput.push(event);
    if (this.outputTimer) return;
    this.outputTimer = setTimeout(() => this.flushOutput(), OUTPUT_EVERY_MS);
  }

  /**
   * Coalesces the output of the last 50 ms into one message per attempt, at most
   * PANEL_MESSAGE_CHARS of it: of a burst only the tail crosses to the panel (which keeps only
   * its last lines anyway), so megabytes never pass through the workbench's message channel.
   */
  private flushOutput(): void {
    this.outputTimer = undefined;
    const pending = this.pendingOutput;
    this.pendingOutput = [];
    let batch: { stepId: string; attempt: number; text: string; reset: boolean } | null = null;
    const send = () => {
      if (!batch) return;
      const { text } = batch;
      if (text.length <= PANEL_MESSAGE_CHARS) {
        this.post({ type: 'output', ...batch });
        return;
      }
      const from = text.indexOf('\n', text.length - PANEL_MESSAGE_CHARS);
      const cut = from < 0 ? text.length - PANEL_MESSAGE_CHARS : from + 1;
      this.post({ type: 'output', ...batch, text: text.slice(cut), skipped: cut });
    };
    for (const event of pending) {
      if (batch && batch.stepId === event.stepId && batch.attempt === event.attempt && !event.reset) {
        batch.text += event.text;
        continue;
      }
      send();
      batch = { stepId: event.stepId, attempt: event.attempt, text: event.text, reset: event.reset };
    }
    send();
  }

  private post(message: HostToPanel): void {
    if (!this.view) return;
    this.postedCount++;
    if (this.watched.size > 0) {
      const text = JSON.stringify(message);
      for (const [needle, hits] of this.watched) if (text.includes(needle)) this.watched.set(needle, hits + 1);
    }
    void this.view.webview.postMessage(message);
  }

  dispose(): void {
    if (this.stateTimer) clearTimeout(this.stateTimer);
    if (this.outputTimer) clearTimeout(this.outputTimer);
    for (const s of this.subscriptions) s.dispose();
    this.tookFocus.dispose();
  }
}

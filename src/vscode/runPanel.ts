import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { PANEL_OUTPUT_LIMIT, type HostToPanel, type PanelState, type PanelToHost } from '../../webview/messages';
import type { RunController } from './runController';
import type { RunbookModels } from './runbookModels';

/**
 * The side panel: the steps of the runbook in focus with their evidence, and the live
 * output of the running step. Output reaches the webview as text in typed messages; the
 * page itself has a strict CSP and runs only our bundled script.
 */
export class RunPanel implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'runbookGate.panel';
  private view: vscode.WebviewView | undefined;
  private focus: vscode.Uri | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The latest output of each step (bounded), replayed to a panel that loads after it ran. */
  private readonly recent = new Map<string, string>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly models: RunbookModels,
    private readonly runs: RunController,
  ) {
    this.subscriptions.push(
      runs.onDidChange((uri) => {
        this.focus = uri;
        void this.postState();
      }),
      runs.onOutput(({ uri, stepId, text, started }) => {
        if (uri.toString() !== this.focus?.toString()) this.focus = uri;
        const key = `${uri.toString()}#${stepId}`;
        if (started) {
          this.recent.set(key, '');
          this.post({ type: 'clearOutput', stepId });
        }
        if (text) {
          this.recent.set(key, ((this.recent.get(key) ?? '') + text).slice(-PANEL_OUTPUT_LIMIT));
          this.post({ type: 'output', stepId, text });
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'markdown' && !this.runs.running) {
          this.focus = editor.document.uri;
          void this.postState();
        }
      }),
    );
    this.focus = vscode.window.activeTextEditor?.document.uri;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, localResourceRoots: [media, dist] };
    view.webview.html = this.html(view.webview);
    this.subscriptions.push(
      view.webview.onDidReceiveMessage((message: PanelToHost) => this.onMessage(message)),
      view.onDidDispose(() => (this.view = undefined)),
    );
  }

  /**
   * Shows the panel on a runbook without taking the keyboard from the editor: a user who
   * pressed "Run step" keeps typing (and undoing) in the runbook.
   */
  async reveal(uri?: vscode.Uri, options: { takeFocus?: boolean } = {}): Promise<void> {
    if (uri) this.focus = uri;
    if (this.view && !options.takeFocus) {
      this.view.show(true);
    } else {
      const editor = vscode.window.activeTextEditor;
      await vscode.commands.executeCommand(`${RunPanel.viewId}.focus`);
      if (editor && !options.takeFocus) {
        await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      }
    }
    await this.postState();
  }

  private onMessage(message: PanelToHost): void {
    const uri = this.focus;
    switch (message.type) {
      case 'ready':
        void this.postState().then(() => this.replayOutput());
        return;
      case 'cancel':
        this.runs.cancel();
        return;
      case 'generateReport':
        void vscode.commands.executeCommand('runbookGate.generateReport', uri);
        return;
    }
    if (!uri) return;
    switch (message.type) {
      case 'runStep':
        void vscode.commands.executeCommand('runbookGate.runStep', uri, message.stepId);
        return;
      case 'openLog':
        void vscode.commands.executeCommand('runbookGate.showStepLog', uri, message.stepId);
        return;
      case 'manualVerdict':
        void vscode.commands.executeCommand('runbookGate.markManual', uri, message.stepId, message.status);
        return;
    }
  }

  private replayOutput(): void {
    const prefix = `${this.focus?.toString()}#`;
    for (const [key, text] of this.recent) {
      if (!key.startsWith(prefix)) continue;
      const stepId = key.slice(prefix.length);
      this.post({ type: 'clearOutput', stepId });
      if (text) this.post({ type: 'output', stepId, text });
    }
  }

  private async postState(): Promise<void> {
    if (!this.view) return;
    this.post({ type: 'state', state: await this.state() });
  }

  private async state(): Promise<PanelState | null> {
    const uri = this.focus;
    if (!uri || !uri.path.toLowerCase().endsWith('.md')) return null;
    let runbook;
    try {
      runbook = (await this.models.forUri(uri)).runbook;
    } catch {
      return null;
    }
    const active = this.runs.activeRun(uri);
    const sectionTitles = new Map(runbook.sections.map((s) => [s.id, s.title]));
    const stageTitles = new Map(runbook.stages.map((s) => [s.id, s.title]));
    return {
      runbookTitle: runbook.title,
      runbookPath: vscode.workspace.asRelativePath(uri),
      runDir: active ? vscode.workspace.asRelativePath(active.runDir) : null,
      running: this.runs.running !== null,
      trusted: vscode.workspace.isTrusted,
      unmaskedShortSecrets: active?.session.record.unmaskedSecrets ?? [],
      steps: runbook.steps.map((step) => {
        const e = this.runs.evidence(uri, step.id);
        return {
          id: step.id,
          title: step.title,
          group: (step.stageId && stageTitles.get(step.stageId)) || (step.sectionId && sectionTitles.get(step.sectionId)) || 'Runbook',
          required: step.required,
          status: e?.status ?? 'pending',
          command: step.language === 'manual' ? '' : step.command,
          exitCode: e?.exitCode ?? null,
          durationMs: e?.durationMs ?? null,
          outcome: e?.outcome ?? '',
          logPath: e?.logPath ?? null,
        };
      }),
    };
  }

  private post(message: HostToPanel): void {
    void this.view?.webview.postMessage(message);
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Runbook Gate</title>
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

// Errors and warnings as non-modal notifications with actions, each shown once: the same
// message is not shown again while it is still on screen, and command failures are reported
// here and not thrown (VS Code would show a second notification for a thrown error).
import * as vscode from 'vscode';

export interface NotifyAction {
  label: string;
  run(): unknown;
}

export class Notifier {
  private readonly showing = new Set<string>();
  /** Every message shown (tests read it through the extension's API). */
  readonly history: Array<{ level: 'error' | 'warning' | 'info'; message: string }> = [];

  constructor(private readonly log: vscode.LogOutputChannel) {}

  error(message: string, ...actions: NotifyAction[]): void {
    this.log.error(message);
    this.show('error', message, actions);
  }

  warn(message: string, ...actions: NotifyAction[]): void {
    this.log.warn(message);
    this.show('warning', message, actions);
  }

  info(message: string, ...actions: NotifyAction[]): void {
    this.log.info(message);
    this.show('info', message, actions);
  }

  private show(level: 'error' | 'warning' | 'info', message: string, actions: NotifyAction[]): void {
    this.history.push({ level, message });
    if (this.history.length > 200) this.history.shift();
    if (this.showing.has(message)) return;
    this.showing.add(message);
    const text = message.startsWith('Runbook Gate') ? message : `Runbook Gate: ${message}`;
    const labels = actions.map((a) => a.label);
    const shown = level === 'error' ? vscode.window.showErrorMessage(text, ...labels)
      : level === 'warning' ? vscode.window.showWarningMessage(text, ...labels) : vscode.window.showInformationMessage(text, ...labels);
    void Promise.resolve(shown).then((picked) => {
      this.showing.delete(message);
      const action = actions.find((a) => a.label === picked);
      // An action runs outside the command error handler: say its failure instead of losing it.
      if (action) void Promise.resolve().then(() => action.run()).catch((error: Error) => this.error(error?.message ?? String(error)));
    });
  }
}

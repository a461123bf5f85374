import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { affectsCodeLens } from './vscode/config';
import { RunbookCodeLensProvider } from './vscode/codeLens';
import { RunController } from './vscode/runController';
import { RunbookModels, isRunbook } from './vscode/runbookModels';
import { RunPanel } from './vscode/runPanel';
import { ExtensionServices } from './vscode/services';

export function activate(context: vscode.ExtensionContext): ExtensionServices {
  const channel = vscode.window.createOutputChannel('Runbook Gate');
  const models = new RunbookModels();
  const runs = new RunController(models, channel);
  const panel = new RunPanel(context.extensionUri, models, runs);
  const lenses = new RunbookCodeLensProvider(models, runs);
  const services = new ExtensionServices(context.extensionUri, models, runs, panel, channel);

  const updateContext = (editor: vscode.TextEditor | undefined): void => {
    const document = editor?.document;
    const runbook = document?.languageId === 'markdown' && isRunbook(models.get(document));
    void vscode.commands.executeCommand('setContext', 'runbookGate.isRunbook', runbook);
  };

  context.subscriptions.push(
    channel,
    models,
    runs,
    panel,
    vscode.window.registerWebviewViewProvider(RunPanel.viewId, panel, { webviewOptions: { retainContextWhenHidden: true } }),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, lenses),
    ...registerCommands(services),
    runs.onDidChange(() => {
      lenses.refresh();
      void vscode.commands.executeCommand('setContext', 'runbookGate.running', runs.running !== null);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => affectsCodeLens(e) && lenses.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
  );
  updateContext(vscode.window.activeTextEditor);
  return services;
}

export function deactivate(): void {
  // Disposables in context.subscriptions end runs and their processes.
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from './services';
import { generateGateReport } from './gateReport';

type Handler = (...args: never[]) => unknown;

/** Every command, as `(services) => handler`, registered in one loop under `runbookGate.`. */
const commands: Record<string, (s: ExtensionServices) => Handler> = {
  runStep: (s) => async (uri?: vscode.Uri, stepId?: string) => {
    const target = await s.resolveStep(uri, stepId);
    await s.panel.reveal(target.uri);
    return s.runs.runStep(target.uri, target.stepId);
  },
  runStage: (s) => async (uri?: vscode.Uri, stageId?: string) => {
    const target = await s.resolveStage(uri, stageId);
    await s.panel.reveal(target.uri);
    return s.runs.runStage(target.uri, target.stageId);
  },
  runAll: (s) => async (uri?: vscode.Uri) => {
    const target = s.resolveRunbook(uri);
    await s.panel.reveal(target);
    return s.runs.runAll(target);
  },
  copyStep: (s) => async (uri?: vscode.Uri, stepId?: string) => {
    const target = await s.resolveStep(uri, stepId);
    const { runbook } = await s.models.forUri(target.uri);
    const step = runbook.steps.find((x) => x.id === target.stepId);
    if (!step) throw new Error(`No step "${target.stepId}" in this runbook.`);
    await vscode.env.clipboard.writeText(step.command);
    void vscode.window.setStatusBarMessage(`Copied "${step.title}"`, 2000);
  },
  cancelRun: (s) => () => s.runs.cancel(),
  resetRun: (s) => async (uri?: vscode.Uri) => {
    const target = s.resolveRunbook(uri);
    await s.runs.reset(target);
    void vscode.window.setStatusBarMessage('Runbook Gate: the next step starts a new run', 3000);
  },
  generateReport: (s) => async (uri?: vscode.Uri) => generateGateReport(s, s.resolveRunbook(uri)),
  showPanel: (s) => () => s.panel.reveal(undefined, { takeFocus: true }),
  showStepLog: (s) => async (uri?: vscode.Uri, stepId?: string) => {
    const target = await s.resolveStep(uri, stepId);
    const active = s.runs.activeRun(target.uri);
    const evidence = s.runs.evidence(target.uri, target.stepId);
    if (!active || !evidence?.logPath) throw new Error('This step has no log yet: run it first.');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(active.runDir, evidence.logPath)));
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  },
  markManual: (s) => async (uri?: vscode.Uri, stepId?: string, status?: 'passed' | 'failed' | 'blocked', givenNote?: string) => {
    const target = await s.resolveStep(uri, stepId);
    type Verdict = 'passed' | 'failed' | 'blocked';
    const verdicts: Verdict[] = ['passed', 'failed', 'blocked'];
    const picked = await (status ?? vscode.window.showQuickPick(verdicts, { title: 'Verdict for this manual check' }));
    const verdict = verdicts.find((v) => v === picked);
    if (!verdict) return;
    const note = givenNote ?? (await vscode.window.showInputBox({ title: 'Note for the report (optional)', ignoreFocusOut: true }));
    if (note === undefined) return;
    await s.runs.recordManualVerdict(target.uri, target.stepId, verdict, note);
  },
};

export function registerCommands(services: ExtensionServices): vscode.Disposable[] {
  return Object.entries(commands).map(([name, factory]) => {
    const handler = factory(services) as (...args: unknown[]) => unknown;
    return vscode.commands.registerCommand(`runbookGate.${name}`, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.channel.appendLine(`runbookGate.${name}: ${message}`);
        void vscode.window.showErrorMessage(`Runbook Gate: ${message}`);
        throw error;
      }
    });
  });
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultReportPath } from '../core/gate/reportPath';
import { workspaceRelative } from '../node/workspacePaths';
import { writeGate } from '../node/writeGate';
import { readConfig } from './config';
import { editorDependencyChecks } from './dependencyChecks';
import type { ExtensionServices } from './services';

/**
 * Writes the gate report of the runbook's current run into the workspace (front matter
 * `report`, else the `runbookGate.reportFolder` setting) with the same writer as the CLI,
 * opens it, and returns it.
 */
export async function generateGateReport(s: ExtensionServices, uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const active = s.runs.activeRun(uri);
  if (!active) {
    void vscode.window.showInformationMessage('Runbook Gate: nothing has run in this runbook yet. Run a step or a stage first.');
    return undefined;
  }
  if (s.runs.running) throw new Error('A run is in progress: wait for it to finish before writing the report.');
  const { runbook } = await s.models.forUri(uri);
  const record = await active.session.finish();
  const config = readConfig(uri);
  const wanted = defaultReportPath(runbook, record.runbookPath, record.startedAt, config.reportFolder);
  const reportPath = await workspaceRelative(active.workspaceRoot, path.resolve(active.workspaceRoot, wanted));
  if (!reportPath) throw new Error(`The report path "${wanted}" is outside the workspace; reports are written only inside it.`);
  const dependencies = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Runbook Gate: checking dependency issues' },
    () => editorDependencyChecks(runbook, uri),
  );
  const { decision, reportFile } = await writeGate({
    workspaceRoot: active.workspaceRoot,
    runDir: active.runDir,
    runbook,
    record,
    dependencies: dependencies.checks,
    notes: dependencies.notes,
    strict: config.strict,
    reportPath,
  });
  const target = vscode.Uri.file(reportFile);
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.showInformationMessage(`Runbook Gate: ${decision.decision} — report written to ${reportPath}`);
  return target;
}

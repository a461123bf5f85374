import * as path from 'node:path';
import * as vscode from 'vscode';
import { decideGate } from '../core/gate/decision';
import { renderGateReport } from '../core/gate/renderGateReport';
import { readConfig } from './config';
import { editorDependencyChecks } from './dependencyChecks';
import type { ExtensionServices } from './services';

/**
 * Writes the gate report of the runbook's current run into the workspace (front matter
 * `report` folder, else the `runbookGate.reportFolder` setting), opens it, and returns it.
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
  const folder = runbook.frontMatter.report ?? config.reportFolder;
  const date = record.startedAt.slice(0, 10);
  const slug = path.basename(uri.fsPath, path.extname(uri.fsPath)).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const reportFile = path.resolve(active.workspaceRoot, folder, `${date}-${slug}-gate.md`);
  const relative = path.relative(active.workspaceRoot, reportFile);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`The report folder "${folder}" is outside the workspace; reports are written only inside it.`);
  }
  const dependencies = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Runbook Gate: checking dependency issues' },
    () => editorDependencyChecks(runbook, uri),
  );
  const decision = decideGate(runbook, record, dependencies.checks, { strict: config.strict });
  const markdown = renderGateReport({
    notes: dependencies.notes,
    runbook,
    record,
    decision,
    reportPath: toPosix(relative),
    runDir: toPosix(path.relative(active.workspaceRoot, active.runDir)),
  });
  const target = vscode.Uri.file(reportFile);
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(reportFile)));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.showInformationMessage(`Runbook Gate: ${decision.decision} — report written to ${toPosix(relative)}`);
  return target;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

// "Generate gate report": the run's artifacts (SUMMARY.md, results.tsv) and its report, written
// by the app layer (src/app/outputs.ts, the same writer as the CLI), opened beside the runbook.
// After a No-Go the comment on the gate issue and the remediation issues are offered, with a
// confirmation that lists what will be created (src/app/publish.ts).
import * as vscode from 'vscode';
import { readConfig } from './config';
import { EditorProblem, runbookUri, type Editor } from './editor';
import { reports } from './lazy';
import { confirmModal } from './confirm';

export interface ReportOptions {
  /** Do not offer to post on GitHub afterwards (scripts, tests). */
  quiet?: boolean;
}

export interface ReportResult {
  decision: 'Go' | 'No-Go';
  reportFile: string;
  reportPath: string;
}

export async function generateReport(editor: Editor, uriArg?: unknown, options: ReportOptions = {}): Promise<ReportResult | undefined> {
  const uri = runbookUri(editor, uriArg);
  const run = editor.runs.get(uri);
  if (run.busy) throw new EditorProblem('A run is in progress: let it finish (or cancel it) before writing the report.');
  if (!run.record) throw new EditorProblem('Nothing has run in this runbook yet: run a stage or a step first.');
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) throw new EditorProblem('Open the runbook from a folder of the workspace.');
  const service = await editor.runs.service(folder);
  const handle = await editor.runs.session(uri, 'vscode: Generate gate report');
  const { writeRunOutputs } = await reports();
  const written = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Runbook Gate: writing the gate report' },
    () => writeRunOutputs(service, handle, { report: null, template: readConfig(uri).template || null, cwd: folder.uri.fsPath }),
  );
  const file = vscode.Uri.file(written.reportFile);
  await vscode.window.showTextDocument(file, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  const result: ReportResult = { decision: written.decision.decision, reportFile: written.reportFile, reportPath: written.reportPath };
  if (written.decision.go || options.quiet) {
    editor.notify.info(`${written.decision.decision}: report written to ${written.reportPath}`);
  } else {
    editor.notify.info(`No-Go: report written to ${written.reportPath} with ${written.decision.reasons.length} reason(s).`, {
      label: 'Post on GitHub…',
      run: () => vscode.commands.executeCommand('runbookGate.publishReport', uri),
    });
  }
  return result;
}

/** Posts the report on the gate issue and opens remediation issues, after a confirmation listing them. */
export async function publishReport(editor: Editor, uriArg?: unknown, options: { yes?: boolean } = {}): Promise<unknown> {
  const uri = runbookUri(editor, uriArg);
  const run = editor.runs.get(uri);
  if (run.busy) throw new EditorProblem('A run is in progress: let it finish (or cancel it) before posting the report.');
  if (!run.record) throw new EditorProblem('Generate the gate report first.');
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) throw new EditorProblem('Open the runbook from a folder of the workspace.');
  const service = await editor.runs.service(folder);
  const handle = await editor.runs.session(uri, 'vscode: Post report on GitHub');
  const { planReportPublish, publishReportPlan } = await reports();
  const prepared = await planReportPublish(service, handle, { cwd: folder.uri.fsPath, template: readConfig(uri).template || null });
  const { plan } = prepared;
  const lines = [
    plan.commentOn !== null ? `• A comment with the report on ${plan.commentRepo}#${plan.commentOn} (updated if this run already has one)` : '• No comment: the runbook names no gate issue',
    ...plan.issues.map((issue) => `• Issue "${issue.title}" (labels: ${issue.labels.join(', ') || 'none'}; not created if an open one has this title)`),
  ];
  if (plan.commentOn === null && plan.issues.length === 0) throw new EditorProblem('Nothing to post: no gate issue is named and there is nothing to remediate.');
  if (!options.yes) {
    const what = `${plan.commentOn !== null ? `a comment on #${plan.commentOn}` : 'no comment'} and ${plan.issues.length} remediation issue${plan.issues.length === 1 ? '' : 's'}`;
    if (!(await confirmModal(editor.notify, `Post to GitHub (${plan.repo}): ${what}?`, lines.join('\n'), 'Post'))) return undefined;
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Runbook Gate: posting on GitHub' }, () => publishReportPlan(service, handle, prepared));
  const created = result.issues.filter((i) => !i.existed).length;
  editor.notify.info(`Posted: ${result.comment ? `comment ${result.comment.created ? 'added' : 'updated'}` : 'no comment'}; ${created} issue(s) opened, ${result.issues.length - created} already open.`, ...(result.comment ? [{ label: 'Open comment', run: () => vscode.env.openExternal(vscode.Uri.parse(result.comment!.url)) }] : []));
  return result;
}

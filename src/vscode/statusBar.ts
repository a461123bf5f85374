// A status-bar item with the active runbook's run: what is running and how far the stage got,
// else the decision so far. Hidden for anything that is not a runbook with a run.
import * as vscode from 'vscode';
import type { RunRecord } from '../core/run/record';
import { checksInScope } from '../core/run/scope';
import type { RunManager } from './runs/runManager';
import type { RunbookRun } from './runs/runbookRun';

export class RunStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('runbookGate.run', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly runs: RunManager, private readonly focused: () => vscode.Uri | undefined) {
    this.item.name = 'Runbook Gate run';
    this.item.command = 'runbookGate.showPanel';
    this.subscriptions = [
      this.item,
      runs.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  update(): void {
    const busy = this.runs.all().find((r) => r.busy);
    const focus = this.focused();
    const run = busy ?? (focus ? this.runs.get(focus) : undefined);
    if (!run?.record) {
      this.item.hide();
      return;
    }
    this.item.text = describe(run);
    this.item.tooltip = `${vscode.workspace.asRelativePath(run.uri)}: ${summary(run.record)}. Click to show the Runbook Gate panel.`;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function summary(record: RunRecord): string {
  const checks = checksInScope(record);
  const done = checks.filter((c) => c.status === 'passed').length;
  return `${done}/${checks.length} checks in scope passed`;
}

function describe(run: RunbookRun): string {
  const record = run.record!;
  if (run.busy) {
    const step = record.steps.find((s) => s.status === 'running');
    const queued = run.queue.length > 0 ? ` (+${run.queue.length} queued)` : '';
    return `$(sync~spin) ${run.job?.label ?? 'Running'}${step ? `: ${step.title}` : ''} · ${summary(record)}${queued}`;
  }
  const failed = record.checks.some((c) => c.status === 'failed');
  const blocked = record.checks.some((c) => c.status === 'blocked');
  const icon = failed ? '$(error)' : blocked ? '$(circle-slash)' : '$(checklist)';
  return `${icon} Runbook Gate · ${summary(record)}`;
}

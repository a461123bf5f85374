import * as vscode from 'vscode';
import type { Runbook } from '../core/runbook/model';
import type { StepEvidence } from '../core/run/model';
import { formatDuration } from '../core/formatDuration';
import { verdictOf, type StageVerdict } from '../core/gate/verdicts';
import { readConfig } from './config';
import { firstLine } from './positions';
import type { RunController } from './runController';
import { isRunbook, type RunbookModels } from './runbookModels';

const STATUS_ICON: Record<StepEvidence['status'], string> = {
  pending: '$(circle-outline)',
  running: '$(sync~spin)',
  passed: '$(pass)',
  failed: '$(error)',
  blocked: '$(circle-slash)',
  skipped: '$(debug-step-over)',
  interrupted: '$(warning)',
};

/** "passed · exit 0 · 0.2s": the last result, as the lens shows it. */
export function describeEvidence(evidence: StepEvidence): string {
  const parts: string[] = [evidence.status];
  if (evidence.exitCode !== null) parts.push(`exit ${evidence.exitCode}`);
  if (evidence.durationMs !== null) parts.push(formatDuration(evidence.durationMs));
  return `${STATUS_ICON[evidence.status]} ${parts.join(' · ')}`;
}


/** "Run stage" / "Run step" / "Copy" buttons and each item's last result. */
export class RunbookCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly models: RunbookModels,
    private readonly runs: RunController,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const config = readConfig(document.uri);
    if (!config.codeLensEnabled) return [];
    const runbook = this.models.get(document);
    if (!isRunbook(runbook)) return [];
    return [...this.stageLenses(document.uri, runbook, config.strict), ...this.stepLenses(document.uri, runbook)];
  }

  private stageLenses(uri: vscode.Uri, runbook: Runbook, strict: boolean): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    for (const stage of runbook.stages) {
      const steps = runbook.steps.filter((s) => s.stageId === stage.id);
      const range = firstLine(stage.range);
      if (steps.length === 0) {
        lenses.push(new vscode.CodeLens(range, { title: '$(info) no steps to run', command: '' }));
        continue;
      }
      lenses.push(
        new vscode.CodeLens(range, {
          title: '$(run-all) Run stage',
          command: 'runbookGate.runStage',
          arguments: [uri, stage.id],
          tooltip: `Run the ${steps.length} step(s) of ${stage.title} in order`,
        }),
      );
      const evidence = steps.flatMap((s) => this.runs.evidence(uri, s.id) ?? []);
      const passed = evidence.filter((e) => e.status === 'passed').length;
      const summary = `${stageSummary(evidence, strict)} (${passed}/${steps.length} passed)`;
      lenses.push(new vscode.CodeLens(range, { title: summary, command: '' }));
    }
    return lenses;
  }

  private stepLenses(uri: vscode.Uri, runbook: Runbook): vscode.CodeLens[] {
    const running = this.runs.running?.toString() === uri.toString();
    const lenses: vscode.CodeLens[] = [];
    for (const step of runbook.steps) {
      const range = firstLine(step.range);
      const evidence = this.runs.evidence(uri, step.id);
      const ran = evidence && evidence.status !== 'pending';
      if (step.language === 'manual') {
        lenses.push(
          new vscode.CodeLens(range, {
            title: ran ? `${describeEvidence(evidence)} · change` : '$(checklist) Record verdict',
            command: 'runbookGate.markManual',
            arguments: [uri, step.id],
          }),
        );
        continue;
      }
      const runTitle = vscode.workspace.isTrusted ? '$(play) Run step' : '$(shield) Run step (trust the workspace first)';
      lenses.push(
        new vscode.CodeLens(range, {
          title: ran ? `${describeEvidence(evidence)} · Re-run` : runTitle,
          command: 'runbookGate.runStep',
          arguments: [uri, step.id],
          tooltip: ran ? evidence.outcome : `Run "${step.title}"${running ? ' (after the current run)' : ''}`,
        }),
        new vscode.CodeLens(range, { title: '$(copy) Copy', command: 'runbookGate.copyStep', arguments: [uri, step.id] }),
      );
      if (ran && evidence.logPath) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: evidence.outcome ? truncate(evidence.outcome, 60) : 'Log',
            command: 'runbookGate.showStepLog',
            arguments: [uri, step.id],
            tooltip: 'Open this step\'s log',
          }),
        );
      }
    }
    return lenses;
  }
}

const VERDICT_ICON: Record<StageVerdict, string> = {
  PASS: '$(pass)',
  FAIL: '$(error)',
  BLOCKED: '$(circle-slash)',
  'NOT RUN': '$(circle-outline)',
};

/** The stage's verdict by the same rule the report uses. */
function stageSummary(evidence: StepEvidence[], strict: boolean): string {
  if (evidence.some((e) => e.status === 'running')) return '$(sync~spin) running';
  const verdict = evidence.length > 0 ? verdictOf(evidence, strict) : 'NOT RUN';
  return `${VERDICT_ICON[verdict]} ${verdict}`;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : text.slice(0, length - 1) + '…';
}

// The gate report, in the shape of the hand-written seed 000: stage results with evidence,
// KPI/SLO snapshot, decision, remediation, artifacts and environment. Pure: everything comes
// from the (already masked) record, never from the environment.
import type { Runbook } from '../runbook/model';
import type { RunRecord, StepEvidence } from '../run/model';
import type { GateDecision, GateResult } from './decision';
import { issueLabel } from './decision';
import type { GroupResult } from './verdicts';
import { formatDuration, inlineCode, linkTarget, plainText, relativePosix, tableCell } from './markdown';
import { summariseCommand } from './remediation';

export interface GateReportInput {
  runbook: Runbook;
  record: RunRecord;
  decision: GateDecision;
  /** Workspace-relative posix path of the report file (links are made relative to its folder). */
  reportPath: string;
  /** Workspace-relative posix path of the run directory. */
  runDir: string;
  /** Extra lines for the Scope section, e.g. why dependency checks were skipped. */
  notes?: string[];
}

function dirOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

function header(input: GateReportInput): string[] {
  const { runbook, record } = input;
  const fm = runbook.frontMatter;
  const title = record.runbookTitle || runbook.title || 'Runbook';
  return [
    `# ${title} Gate Report`,
    '',
    `Date: ${record.startedAt.slice(0, 10)}  `,
    `Issue: ${fm.issue ? plainText(fm.issue) : 'none'}  `,
    `Owner: ${fm.owner ? plainText(fm.owner) : 'unassigned'}  `,
    `Runbook: ${inlineCode(record.runbookPath)}  `,
    `Run: ${inlineCode(record.runId)}`,
  ];
}

function countBy(items: readonly StepEvidence[], status: StepEvidence['status'], required: boolean, strict: boolean): number {
  return items.filter((i) => i.status === status && (strict || i.required) === required).length;
}

function scope(input: GateReportInput): string[] {
  const { record, decision } = input;
  const s = record.scope;
  const what: string[] = [];
  if (s.all) what.push('every step of the runbook (run-all; rollback and excluded steps left out)');
  if (s.stageIds.length > 0) what.push(`stage${s.stageIds.length > 1 ? 's' : ''} ${s.stageIds.map(inlineCode).join(', ')}`);
  if (s.stepIds.length > 0) what.push(`step${s.stepIds.length > 1 ? 's' : ''} ${s.stepIds.map(inlineCode).join(', ')}`);
  const items = decision.groups.flatMap((g) => g.items);
  const strict = decision.strict;
  const counts = [
    `${countBy(items, 'failed', true, strict)} required failures`,
    `${countBy(items, 'blocked', true, strict)} required blocked`,
    `${countBy(items, 'passed', true, strict)} required passes`,
    `${items.filter((i) => !(strict || i.required) && i.status !== 'passed').length} optional not passed`,
  ];
  const lines = [
    '## Scope',
    '',
    `Ran ${what.length > 0 ? what.join(' and ') : 'nothing'} of ${inlineCode(record.runbookPath)}: ` +
      `${items.length} step${items.length === 1 ? '' : 's'} in ${decision.groups.length} stage${decision.groups.length === 1 ? '' : 's'} or section${decision.groups.length === 1 ? '' : 's'}` +
      `${strict ? ', strict mode (optional steps required)' : ''}.`,
    '',
    `Counts: ${counts.join(', ')}.`,
  ];
  for (const note of input.notes ?? []) lines.push('', plainText(note));
  const unmasked = record.unmaskedSecrets ?? [];
  if (unmasked.length > 0) {
    lines.push('', `Warning: secret input${unmasked.length > 1 ? 's' : ''} ${unmasked.map(inlineCode).join(', ')} ${unmasked.length > 1 ? 'were' : 'was'} too short to mask; check the logs before sharing them.`);
  }
  return lines;
}

function evidenceLine(item: StepEvidence, required: boolean, reportDir: string, runDir: string): string {
  const facts: string[] = [];
  if (item.exitCode !== null) facts.push(`exit ${item.exitCode}`);
  if (item.durationMs !== null) facts.push(formatDuration(item.durationMs));
  if (item.status !== 'passed') facts.push(item.status.toUpperCase());
  if (!required) facts.push('optional');
  const outcome = item.status === 'pending' ? 'not run' : item.outcome || item.status;
  const log = item.logPath ? ` [log](${linkTarget(relativePosix(reportDir, `${runDir}/${item.logPath}`))})` : '';
  return `${summariseCommand(item.command)} => ${inlineCode(outcome)} (${facts.join(', ')})${log}`;
}

/**
 * The stage's task items: one bound to a step is ticked when that step passed in this run;
 * an unbound one is a manual check, shown as the runbook has it.
 */
function checklist(input: GateReportInput, group: GroupResult): string[] {
  if (group.kind !== 'stage') return [];
  const tasks = input.runbook.tasks.filter((t) => t.stageId === group.id);
  if (tasks.length === 0) return [];
  const status = new Map(input.record.steps.map((s) => [s.stepId, s.status]));
  const lines = ['   - Checklist:'];
  for (const task of tasks) {
    const bound = task.stepId !== null ? status.get(task.stepId) : undefined;
    const ticked = task.stepId !== null ? bound === 'passed' : task.checked;
    const why = task.stepId !== null ? `${inlineCode(task.stepId)} ${bound ?? 'not run'}` : 'manual check, as marked in the runbook';
    lines.push(`     - [${ticked ? 'x' : ' '}] ${plainText(task.text)} (${why})`);
  }
  return lines;
}

function stageResults(input: GateReportInput): string[] {
  const { decision } = input;
  const reportDir = dirOf(input.reportPath);
  const allStages = decision.groups.every((g) => g.kind === 'stage');
  const lines = [allStages ? '## Stage Results' : '## Stage or Section Results', ''];
  let n = 0;
  for (const group of decision.groups) {
    n++;
    lines.push(`${n}. ${group.label}: ${group.verdict}`);
    const required = new Set(group.requiredIds);
    for (const item of group.items) {
      const name = item.title && item.title !== item.stepId ? `${plainText(item.title)} (${inlineCode(item.stepId)})` : inlineCode(item.stepId);
      lines.push(`   - ${name}:`);
      lines.push(`     - ${evidenceLine(item, required.has(item.stepId), reportDir, input.runDir)}`);
    }
    lines.push(...checklist(input, group));
    lines.push('');
  }
  if (decision.dependencies.length > 0) {
    n++;
    const verdict = decision.dependencyStatus === 'green' ? 'PASS' : decision.dependencyStatus === 'red' ? 'FAIL' : 'BLOCKED';
    lines.push(`${n}. Dependency gate: ${verdict}`);
    for (const d of decision.dependencies) {
      const label = issueLabel(d.reference);
      if (d.state) lines.push(`   - ${inlineCode(`${label} ${d.state.title} -> ${d.state.state.toUpperCase()}`)}`);
      else lines.push(`   - ${inlineCode(`${label} -> UNKNOWN`)}: ${plainText(d.error ?? 'no state')}`);
    }
    lines.push('');
  }
  if (n === 0) lines.push('No stage or section had a step in scope.', '');
  lines.pop();
  return lines;
}

function groupStatus(group: GroupResult): string {
  switch (group.verdict) {
    case 'PASS': return 'Green';
    case 'FAIL': return 'Red (failed)';
    case 'BLOCKED': return 'Red (blocked)';
    default: return 'Not run';
  }
}

function gateStatus(result: GateResult): string {
  switch (result.status) {
    case 'green': return 'Green';
    case 'red': return 'Red';
    case 'blocked': return 'Red (blocked)';
    default: return 'Not observed';
  }
}

function snapshot(input: GateReportInput): string[] {
  const { decision } = input;
  const rows: string[][] = [];
  if (decision.dependencies.length > 0) {
    const labels = decision.dependencies.map((d) => issueLabel(d.reference)).join(', ');
    const status = decision.dependencyStatus === 'green' ? 'Green' : decision.dependencyStatus === 'red' ? 'Red (open)' : 'Red (blocked)';
    const open = decision.dependencies.filter((d) => d.state?.state === 'open').map((d) => issueLabel(d.reference));
    const errors = decision.dependencies.filter((d) => d.state === null).map((d) => issueLabel(d.reference));
    const evidence = ['GitHub issue states', open.length ? `open: ${open.join(', ')}` : '', errors.length ? `lookup failed: ${errors.join(', ')}` : '']
      .filter(Boolean).join('; ');
    rows.push([`Dependency completion (${labels})`, status, evidence]);
  }
  for (const group of decision.groups) {
    const commands = group.items.map((i) => summariseCommand(i.command)).join(', ');
    rows.push([group.label, groupStatus(group), commands]);
  }
  for (const result of decision.gates) {
    const evidence = result.status === 'not observed' ? 'No evidence captured in this run' : '';
    rows.push([result.gate.title, gateStatus(result), evidence]);
  }
  const lines = ['## KPI/SLO Snapshot', '', '| Gate | Status | Evidence |', '| --- | --- | --- |'];
  for (const row of rows) lines.push(`| ${row.map(tableCell).join(' | ')} |`);
  return lines;
}

function decisionSection(input: GateReportInput): string[] {
  const { decision, record } = input;
  const title = record.runbookTitle || input.runbook.title;
  const lines = ['## Decision', ''];
  lines.push(`${decision.decision} for ${plainText(title)} at ${decision.decidedAt}.`, '', 'Reason:');
  const reasons = decision.go
    ? [decision.passed.length > 0 ? `Every stage and gate in scope is PASS/green: ${decision.passed.join('; ')}.` : 'Every stage and gate in scope is PASS/green.']
    : [...(decision.passed.length > 0 ? [`${decision.passed.join('; ')}.`] : []), ...decision.reasons.map((r) => `${r.messageMarkdown}.`)];
  reasons.forEach((reason, index) => lines.push(`${index + 1}. ${reason.replace(/\r?\n/g, ' ')}`));
  return lines;
}

function remediationSection(input: GateReportInput): string[] {
  if (input.decision.go) return [];
  const lines = ['## Required Remediation Before Re-Run', ''];
  input.decision.reasons.forEach((reason, index) => lines.push(`${index + 1}. ${reason.remediationMarkdown}`));
  return lines;
}

function artifacts(input: GateReportInput): string[] {
  const { record } = input;
  const reportDir = dirOf(input.reportPath);
  const link = (name: string) => `[${name}](${linkTarget(relativePosix(reportDir, `${input.runDir}/${name}`))})`;
  const lines = [
    '## Artifacts',
    '',
    `Run directory: ${inlineCode(input.runDir)}`,
    '',
    `- ${link('run.json')}`,
    `- ${link('results.tsv')}`,
    `- ${link('SUMMARY.md')}`,
    `- ${link('logs')}/`,
  ];
  const logs = record.steps.filter((s) => s.logPath !== null);
  if (logs.length > 0) {
    lines.push('', '| Log | SHA-256 |', '| --- | --- |');
    for (const step of logs) lines.push(`| ${link(step.logPath ?? '')} | ${step.logSha256 ? inlineCode(step.logSha256) : 'not recorded'} |`);
  }
  return lines;
}

function environment(record: RunRecord): string[] {
  const env = record.environment;
  return [
    '## Environment',
    '',
    `- Git commit: ${env.gitCommit ? inlineCode(env.gitCommit) : 'unknown'}`,
    `- Git branch: ${env.gitBranch ? inlineCode(env.gitBranch) : 'unknown'}`,
    `- Host: ${inlineCode(env.host)}`,
    `- Tool version: ${inlineCode(`runbook-gate ${env.toolVersion}`)}`,
    `- Started: ${record.startedAt}; ended: ${record.endedAt ?? 'not ended'}`,
  ];
}

export function renderGateReport(input: GateReportInput): string {
  const sections = [
    header(input),
    scope(input),
    stageResults(input),
    snapshot(input),
    decisionSection(input),
    remediationSection(input),
    artifacts(input),
    environment(input.record),
  ].filter((lines) => lines.length > 0);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

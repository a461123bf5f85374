// The text artifacts of a run directory: results.tsv and SUMMARY.md (counts as in the
// hand-written validation reports: "Overall: `failed` (`7` required failures, ...).").
import { formatDuration } from '../formatDuration';
import type { RunRecord, StepEvidence } from './model';

export type OverallStatus = 'passed' | 'failed' | 'blocked' | 'incomplete';

export interface RunCounts {
  requiredFailures: number;
  requiredPasses: number;
  requiredBlocked: number;
  requiredNotRun: number;
  optionalFailures: number;
  optionalPasses: number;
  optionalBlocked: number;
  optionalSkipped: number;
}

const isFailure = (s: StepEvidence) => s.status === 'failed' || s.status === 'interrupted';
const notRun = (s: StepEvidence) => s.status === 'pending' || s.status === 'skipped' || s.status === 'running';

export function countSteps(steps: readonly StepEvidence[]): RunCounts {
  const req = steps.filter((s) => s.required);
  const opt = steps.filter((s) => !s.required);
  return {
    requiredFailures: req.filter(isFailure).length,
    requiredPasses: req.filter((s) => s.status === 'passed').length,
    requiredBlocked: req.filter((s) => s.status === 'blocked').length,
    requiredNotRun: req.filter(notRun).length,
    optionalFailures: opt.filter(isFailure).length,
    optionalPasses: opt.filter((s) => s.status === 'passed').length,
    optionalBlocked: opt.filter((s) => s.status === 'blocked').length,
    optionalSkipped: opt.filter(notRun).length,
  };
}

/** The steps a run's summary speaks about: those it touched (all, when nothing ran). */
function touched(record: RunRecord): StepEvidence[] {
  const ran = record.steps.filter((s) => s.selected === true || s.status !== 'pending');
  return ran.length > 0 ? ran : record.steps;
}

export function overallStatus(counts: RunCounts): OverallStatus {
  if (counts.requiredFailures > 0) return 'failed';
  if (counts.requiredBlocked > 0) return 'blocked';
  if (counts.requiredNotRun > 0) return 'incomplete';
  return 'passed';
}

export function countsLine(record: RunRecord): string {
  const counts = countSteps(touched(record));
  const parts: Array<[number, string, boolean]> = [
    [counts.requiredFailures, 'required failures', true],
    [counts.requiredPasses, 'required passes', true],
    [counts.requiredBlocked, 'required blocked', false],
    [counts.requiredNotRun, 'required not run', false],
    [counts.optionalFailures, 'optional failures', false],
    [counts.optionalPasses, 'optional passes', false],
    [counts.optionalBlocked, 'optional blocked', false],
    [counts.optionalSkipped, 'optional skipped', false],
  ];
  const text = parts.filter(([n, , always]) => always || n > 0).map(([n, label]) => `\`${n}\` ${label}`);
  return `Overall: \`${overallStatus(counts)}\` (${text.join(', ')}).`;
}

function tsvCell(value: string | number | boolean | null): string {
  return value === null ? '' : String(value).replace(/[\t\r\n]+/g, ' ');
}

export function renderResultsTsv(record: RunRecord): string {
  const header = ['id', 'title', 'required', 'status', 'exit_code', 'duration_ms', 'started', 'log'];
  const rows = record.steps.map((s) =>
    [s.stepId, s.title, s.required, s.status, s.exitCode, s.durationMs, s.startedAt, s.logPath].map(tsvCell).join('\t'),
  );
  return [header.join('\t'), ...rows].join('\n') + '\n';
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function renderRunSummary(record: RunRecord): string {
  const env = record.environment;
  const lines = [
    `# ${record.runbookTitle} — run ${record.runId}`,
    '',
    `Runbook: \`${record.runbookPath}\`  `,
    `Started (UTC): ${record.startedAt}  `,
    `Ended (UTC): ${record.endedAt ?? 'not finished'}  `,
    `Commit: ${env.gitCommit ?? 'unknown'}${env.gitBranch ? ` (${env.gitBranch})` : ''}  `,
    `Host: ${env.host} · runbook-gate ${env.toolVersion}${record.strict ? ' · strict' : ''}`,
    '',
    '## Result',
    '',
    countsLine(record),
    '',
    '| Step | Required | Status | Exit | Duration | Outcome | Log |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...record.steps.map(
      (s) =>
        `| \`${s.stepId}\` ${mdCell(s.title)} | ${s.required ? 'yes' : 'no'} | ${s.status} | ${s.exitCode ?? ''} | ` +
        `${s.durationMs === null ? '' : formatDuration(s.durationMs)} | ${mdCell(s.outcome)} | ` +
        `${s.logPath ? `[${s.logPath}](${s.logPath})` : ''} |`,
    ),
    '',
  ];
  const hashed = record.steps.filter((s) => s.logSha256);
  if (hashed.length > 0) {
    lines.push('## Log digests (SHA-256)', '', ...hashed.map((s) => `- \`${s.logPath}\` ${s.logSha256}`), '');
  }
  return lines.join('\n');
}

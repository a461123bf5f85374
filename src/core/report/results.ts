// What the counts count, as rows a report can list ("Required failures captured") and
// results.tsv can write: each check in scope, or — for a command check whose step wrote a
// results file — that file's rows (seed 002's harness). Mirrors src/core/gate/counts.ts.
import type { CheckRecord, CheckStatus, RunRecord, StepStatus, SubResult } from '../run/record';
import type { GateDecision, RunCounts } from '../gate/types';
import type { ReportResult, StatusText } from './data';
import { recordIndex } from '../run/recordIndex';

const STATUS_TEXT: Record<CheckStatus, StatusText> = {
  passed: 'PASS',
  failed: 'FAIL',
  blocked: 'BLOCKED',
  holding: 'HOLDING',
  pending: 'NOT RUN',
  running: 'RUNNING',
  skipped: 'SKIPPED',
  cancelled: 'CANCELLED',
  interrupted: 'INTERRUPTED',
};

export function statusText(status: CheckStatus | StepStatus): StatusText {
  return STATUS_TEXT[status];
}

/** The rows of the results files the check's steps wrote in their latest attempts (none when a step's status is not its attempt's). */
export function harnessRows(record: RunRecord, check: CheckRecord): SubResult[] {
  if (check.kind !== 'command' || check.mark) return [];
  return check.stepIds.flatMap((id) => {
    const step = recordIndex(record).steps.get(id);
    const last = step?.attempts[step.attempts.length - 1];
    return step && last && step.status === last.status ? (last.results?.rows ?? []) : [];
  });
}

/** The decision's checks in scope, in report order, with the record's check beside each. */
export function decidedChecks(record: RunRecord, decision: GateDecision): Array<{ check: CheckRecord; required: boolean }> {
  return decision.stages.flatMap((stage) => stage.checks.flatMap((result) => {
    const check = recordIndex(record).checks.get(result.checkId);
    return check ? [{ check, required: result.required }] : [];
  }));
}

export function resultRows(record: RunRecord, decision: GateDecision): ReportResult[] {
  return decidedChecks(record, decision).flatMap(({ check, required }): ReportResult[] => {
    const rows = harnessRows(record, check);
    if (rows.length === 0) {
      return [{
        id: check.id, checkId: check.id, title: check.text.trim().replace(/[.:;]+$/, ''), required, status: check.status,
        statusText: statusText(check.status), detail: check.outcome, source: 'check' as const,
      }];
    }
    return rows.map((row) => ({
      id: `${check.id}/${row.id}`, checkId: check.id, title: row.title,
      required: decision.strict || (required && row.required),
      status: row.status, statusText: statusText(row.status), detail: row.detail, source: 'subresult' as const,
    }));
  });
}

type CountKey = Exclude<keyof RunCounts, 'overall' | 'line'>;

/** The counts line's parts, in its order: failures first, optional skips last. */
const PARTS: Array<[CountKey, string, string]> = [
  ['requiredFailures', 'required failure', 'required failures'],
  ['requiredBlocked', 'required blocked', 'required blocked'],
  ['requiredHolding', 'required holding', 'required holding'],
  ['requiredNotRun', 'required not run', 'required not run'],
  ['requiredPasses', 'required pass', 'required passes'],
  ['optionalFailures', 'optional failure', 'optional failures'],
  ['optionalBlocked', 'optional blocked', 'optional blocked'],
  ['optionalPasses', 'optional pass', 'optional passes'],
  ['optionalSkipped', 'optional skipped', 'optional skipped'],
];

/** `[{count: 7, label: 'required failures'}, …]`, zero counts left out. */
export function countParts(counts: RunCounts): Array<{ count: number; label: string }> {
  return PARTS.filter(([key]) => counts[key] > 0).map(([key, one, many]) => ({ count: counts[key], label: counts[key] === 1 ? one : many }));
}

/** Several runs' counts as one (seed 004: one report over three documents). */
export function mergeCounts(all: readonly RunCounts[]): RunCounts {
  if (all.length === 1) return all[0]!;
  const sum = (key: CountKey) => all.reduce((total, c) => total + c[key], 0);
  const merged = Object.fromEntries(PARTS.map(([key]) => [key, sum(key)])) as Record<CountKey, number>;
  const total = PARTS.reduce((n, [key]) => n + merged[key], 0);
  const overall: RunCounts['overall'] = merged.requiredFailures > 0 ? 'failed'
    : merged.requiredBlocked > 0 ? 'blocked'
      : merged.requiredHolding > 0 ? 'holding'
        : merged.requiredNotRun > 0 || total === 0 ? 'incomplete' : 'passed';
  const counts = { ...merged, overall, line: '' };
  const parts = countParts(counts);
  counts.line = parts.length > 0 ? parts.map((p) => `${p.count} ${p.label}`).join(', ') : 'nothing in scope';
  return counts;
}

/** "Overall: `failed` (`7` required failures, `4` required passes, `1` optional skipped)." (SUMMARY.md, seed 002). */
export function overallLine(counts: RunCounts): string {
  const parts = countParts(counts).map((p) => `\`${p.count}\` ${p.label}`);
  return `Overall: \`${counts.overall}\` (${parts.length > 0 ? parts.join(', ') : 'nothing in scope'}).`;
}

// The one summary of a run (SUMMARY.md, the report, the CLI table, the lens and the panel).
import type { CheckRecord, CheckStatus, RunRecord, SubResult } from '../run/record';
import type { RunCounts } from './types';
import { recordIndex } from '../run/recordIndex';

type Bucket = 'passed' | 'failed' | 'blocked' | 'holding' | 'notRun';

function bucketOf(status: CheckStatus | SubResult['status']): Bucket {
  switch (status) {
    case 'passed': return 'passed';
    case 'failed': return 'failed';
    case 'blocked': return 'blocked';
    case 'holding': return 'holding';
    default: return 'notRun'; // pending, running, skipped, cancelled, interrupted: the same everywhere
  }
}

/** Harness rows stand in for the check whose step wrote them. */
function leaves(record: RunRecord, check: CheckRecord, strict: boolean): Array<{ required: boolean; bucket: Bucket }> {
  if (check.kind === 'command' && !check.mark) {
    const rows = check.stepIds.flatMap((id) => {
      const step = recordIndex(record).steps.get(id);
      const last = step?.attempts[step.attempts.length - 1];
      return step?.status === last?.status ? (last?.results?.rows ?? []) : [];
    });
    if (rows.length > 0) return rows.map((row) => ({ required: strict || (check.required && row.required), bucket: bucketOf(row.status) }));
  }
  return [{ required: strict || check.required, bucket: bucketOf(check.status) }];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function countChecks(record: RunRecord, checks: readonly CheckRecord[], strict: boolean): RunCounts {
  const all = checks.flatMap((c) => leaves(record, c, strict));
  const count = (required: boolean, bucket: Bucket) => all.filter((l) => l.required === required && l.bucket === bucket).length;
  const c = {
    requiredFailures: count(true, 'failed'),
    requiredPasses: count(true, 'passed'),
    requiredBlocked: count(true, 'blocked'),
    requiredHolding: count(true, 'holding'),
    requiredNotRun: count(true, 'notRun'),
    optionalFailures: count(false, 'failed'),
    optionalPasses: count(false, 'passed'),
    optionalBlocked: count(false, 'blocked'),
    optionalSkipped: count(false, 'notRun') + count(false, 'holding'),
  };
  const parts: Array<[number, string, string]> = [
    [c.requiredFailures, 'required failure', 'required failures'],
    [c.requiredBlocked, 'required blocked', 'required blocked'],
    [c.requiredHolding, 'required holding', 'required holding'],
    [c.requiredNotRun, 'required not run', 'required not run'],
    [c.requiredPasses, 'required pass', 'required passes'],
    [c.optionalFailures, 'optional failure', 'optional failures'],
    [c.optionalBlocked, 'optional blocked', 'optional blocked'],
    [c.optionalPasses, 'optional pass', 'optional passes'],
    [c.optionalSkipped, 'optional skipped', 'optional skipped'],
  ];
  const line = parts.filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many)).join(', ') || 'nothing in scope';
  const overall: RunCounts['overall'] = c.requiredFailures > 0 ? 'failed'
    : c.requiredBlocked > 0 ? 'blocked'
      : c.requiredHolding > 0 ? 'holding'
        : c.requiredNotRun > 0 || all.length === 0 ? 'incomplete' : 'passed';
  return { ...c, overall, line };
}

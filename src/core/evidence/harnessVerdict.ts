// A harness's verdict from its rows (PRODUCT.md, Verdicts: "its exit code alone never makes it
// pass"). Seed 002's harness exits 0 with FAIL_ON_REQUIRED_FAILURE=0 and 7 required rows
// failed: the step fails. Optional rows never change the verdict.
import type { SubResult } from '../run/record';

export interface HarnessVerdict {
  status: 'passed' | 'failed' | 'blocked';
  /** "7 required failures, 4 required passes, 1 optional skipped". */
  outcome: string;
}

type Bucket = [required: boolean, status: SubResult['status'], one: string, many: string];

// The order reports use (seed 002); a count of zero is left out.
const BUCKETS: Bucket[] = [
  [true, 'failed', 'required failure', 'required failures'],
  [true, 'blocked', 'required blocked', 'required blocked'],
  [true, 'skipped', 'required skipped', 'required skipped'],
  [true, 'passed', 'required pass', 'required passes'],
  [false, 'failed', 'optional failure', 'optional failures'],
  [false, 'blocked', 'optional blocked', 'optional blocked'],
  [false, 'passed', 'optional pass', 'optional passes'],
  [false, 'skipped', 'optional skipped', 'optional skipped'],
];

/** "7 required failures, 4 required passes, 1 optional skipped" (zero counts left out). */
export function harnessCountsLine(rows: readonly SubResult[]): string {
  return BUCKETS.map(([required, status, one, many]) => {
    const n = rows.filter((row) => row.required === required && row.status === status).length;
    return n === 0 ? '' : `${n} ${n === 1 ? one : many}`;
  })
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * failed when a required row failed (whatever the exit code); blocked when a required row is
 * blocked or was skipped (the harness did not check it); failed when every required row passed
 * but the process exited otherwise than expected (the harness itself broke: the outcome says so);
 * passed otherwise. No rows at all proves nothing: failed.
 */
export function harnessVerdict(rows: readonly SubResult[], exitCode: number | null, expectedExit = 0): HarnessVerdict {
  const counts = harnessCountsLine(rows);
  if (rows.length === 0) return { status: 'failed', outcome: 'the results file has no rows' };
  const required = rows.filter((row) => row.required);
  if (required.some((row) => row.status === 'failed')) return { status: 'failed', outcome: counts };
  if (required.some((row) => row.status === 'blocked' || row.status === 'skipped')) return { status: 'blocked', outcome: counts };
  if (exitCode !== expectedExit) {
    const how = exitCode === null ? 'ended without an exit code' : `exit ${exitCode}`;
    return { status: 'failed', outcome: `${how} though no required row failed: ${counts}` };
  }
  return { status: 'passed', outcome: counts };
}

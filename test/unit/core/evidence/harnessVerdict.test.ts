import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harnessCountsLine, harnessVerdict, parseResultsFile } from '../../../../src/core/evidence/harness';
import type { SubResult } from '../../../../src/core/run/record';

function rows(spec: Array<[count: number, required: boolean, status: SubResult['status']]>): SubResult[] {
  return spec.flatMap(([count, required, status], group) =>
    Array.from({ length: count }, (_, i) => ({ id: `g${group}-${i}`, title: `g${group}-${i}`, required, status, detail: '' })));
}

// Seed 002's results.tsv as its harness writes it (FAIL_ON_REQUIRED_FAILURE=0: exit 0).
const seed002Tsv = [
  'check_id\trequired\tstatus\tdetail',
  'control_staging_health\t1\tfailed\t404 on /healthz',
  'control_staging_ready\t1\tfailed\t404 on /readyz',
  'control_prod_health\t1\tfailed\t404 on /healthz',
  'control_prod_ready\t1\tfailed\t404 on /readyz',
  'runtime_staging_smoke\t1\tfailed\t404 on runtime /healthz',
  'runtime_prod_smoke\t1\tfailed\t404 on runtime /healthz',
  'runtime_migration_drift\t1\tfailed\tCloud Run job runtime-migrate not found',
  'khala_contract_tests\t1\tpassed\tserver::tests::khala_topic_messages',
  'control_error_log_probe\t1\tpassed\t',
  'runtime_error_log_probe\t1\tpassed\t',
  'control_canary_status\t1\tpassed\topenagents-web revisions visible',
  'runtime_canary_status\t0\tskipped\tno runtime canary configured',
].join('\n');

test('seed 002: a harness that exits 0 with 7 required failures fails, with its counts line', () => {
  const results = parseResultsFile('docs/reports/rust-cutover-validation/20260221T192746Z/results.tsv', seed002Tsv);
  assert.equal(results.error, null);
  assert.equal(results.rows.length, 12);
  assert.deepEqual(harnessVerdict(results.rows, 0), {
    status: 'failed',
    outcome: '7 required failures, 4 required passes, 1 optional skipped',
  });
  assert.equal(harnessVerdict(results.rows, 1).status, 'failed', 'strict mode (FAIL_ON_REQUIRED_FAILURE=1) fails too');
});

test('counts: zero counts left out, in the order required failures, blocked, passes, then optional ones', () => {
  assert.equal(
    harnessCountsLine(rows([[1, false, 'skipped'], [2, false, 'passed'], [1, false, 'failed'], [3, true, 'passed'], [1, true, 'blocked'], [2, true, 'failed']])),
    '2 required failures, 1 required blocked, 3 required passes, 1 optional failure, 2 optional passes, 1 optional skipped',
  );
  assert.equal(harnessCountsLine(rows([[1, true, 'failed'], [1, true, 'passed']])), '1 required failure, 1 required pass');
  assert.equal(harnessCountsLine(rows([[1, true, 'skipped'], [1, false, 'blocked']])), '1 required skipped, 1 optional blocked');
});

test('blocked required rows block; optional failures never change the verdict', () => {
  assert.deepEqual(harnessVerdict(rows([[1, true, 'blocked'], [2, true, 'passed']]), 0), { status: 'blocked', outcome: '1 required blocked, 2 required passes' });
  assert.deepEqual(harnessVerdict(rows([[1, true, 'skipped'], [2, true, 'passed']]), 0), { status: 'blocked', outcome: '1 required skipped, 2 required passes' });
  assert.deepEqual(harnessVerdict(rows([[2, true, 'passed'], [1, false, 'failed'], [1, false, 'blocked']]), 0), {
    status: 'passed', outcome: '2 required passes, 1 optional failure, 1 optional blocked',
  });
  assert.equal(harnessVerdict(rows([[1, true, 'failed'], [1, true, 'blocked']]), 0).status, 'failed', 'a failure outweighs a block');
});

test('every required row passing does not outweigh a bad exit code: the outcome says why it failed', () => {
  const passing = rows([[4, true, 'passed'], [1, false, 'skipped']]);
  assert.deepEqual(harnessVerdict(passing, 0), { status: 'passed', outcome: '4 required passes, 1 optional skipped' });
  assert.deepEqual(harnessVerdict(passing, 3), { status: 'failed', outcome: 'exit 3 though no required row failed: 4 required passes, 1 optional skipped' });
  assert.deepEqual(harnessVerdict(passing, null), { status: 'failed', outcome: 'ended without an exit code though no required row failed: 4 required passes, 1 optional skipped' });
  assert.equal(harnessVerdict(passing, 1, 1).status, 'passed', 'an expected exit code other than 0 (expect-exit annotation)');
});

test('no rows prove nothing', () => {
  assert.deepEqual(harnessVerdict([], 0), { status: 'failed', outcome: 'the results file has no rows' });
});

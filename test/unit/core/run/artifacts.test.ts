import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsLine, renderResultsTsv, renderRunSummary } from '../../../../src/core/run/artifacts';
import type { RunRecord, StepEvidence, StepStatus } from '../../../../src/core/run/model';

function ev(stepId: string, status: StepStatus, required = true): StepEvidence {
  return {
    stepId, title: `Title ${stepId}`, stageId: 'stage-0', required, status, command: 'cmd', cwd: '.',
    startedAt: status === 'pending' ? null : '2026-02-21T19:27:46.000Z', endedAt: null, durationMs: status === 'pending' ? null : 1500,
    exitCode: status === 'passed' ? 0 : status === 'failed' ? 1 : null, outcome: status === 'failed' ? 'exit 1: 404 on /healthz' : '',
    logPath: status === 'pending' ? null : `logs/${stepId}.log`, logSha256: status === 'pending' ? null : 'ab'.repeat(32),
  };
}

function record(steps: StepEvidence[]): RunRecord {
  return {
    version: 1, runId: '20260221T192746Z', runbookPath: 'docs/RUNBOOK.md', runbookTitle: 'Rust cutover', startedAt: '2026-02-21T19:27:46.000Z',
    endedAt: '2026-02-21T19:30:00.000Z', strict: false, scope: { all: true, stageIds: [], stepIds: [] },
    environment: { host: 'ci-1', toolVersion: '0.1.0', gitCommit: 'abc123', gitBranch: 'main' }, steps,
  };
}

test('the counts line reads like seed 002', () => {
  const steps = [
    ...Array.from({ length: 7 }, (_, i) => ev(`f${i}`, 'failed')),
    ...Array.from({ length: 4 }, (_, i) => ev(`p${i}`, 'passed')),
    ev('o', 'skipped', false),
  ];
  assert.equal(countsLine(record(steps)), 'Overall: `failed` (`7` required failures, `4` required passes, `1` optional skipped).');
});

test('blocked and unrun required steps are counted and decide the overall word', () => {
  assert.equal(
    countsLine(record([ev('a', 'passed'), ev('b', 'blocked'), ev('c', 'skipped')])),
    'Overall: `blocked` (`0` required failures, `1` required passes, `1` required blocked, `1` required not run).',
  );
  assert.equal(countsLine(record([ev('a', 'passed'), ev('i', 'interrupted')])), 'Overall: `failed` (`1` required failures, `1` required passes).');
});

test('results.tsv has a header and one row per check', () => {
  const tsv = renderResultsTsv(record([ev('health', 'failed'), { ...ev('t', 'pending'), title: 'tab\there' }]));
  assert.equal(
    tsv,
    'id\ttitle\trequired\tstatus\texit_code\tduration_ms\tstarted\tlog\n' +
      'health\tTitle health\ttrue\tfailed\t1\t1500\t2026-02-21T19:27:46.000Z\tlogs/health.log\n' +
      't\ttab here\ttrue\tpending\t\t\t\t\n',
  );
});

test('SUMMARY.md carries the counts, a row per step and the log digests', () => {
  const md = renderRunSummary(record([ev('health', 'failed')]));
  assert.match(md, /^# Rust cutover — run 20260221T192746Z$/m);
  assert.match(md, /^Overall: `failed` \(`1` required failures, `0` required passes\)\.$/m);
  assert.match(md, /^\| `health` Title health \| yes \| failed \| 1 \| 1\.5s \| exit 1: 404 on \/healthz \| \[logs\/health\.log\]\(logs\/health\.log\) \|$/m);
  assert.match(md, new RegExp(`^- \`logs/health.log\` ${'ab'.repeat(32)}$`, 'm'));
  assert.match(md, /^Commit: abc123 \(main\)/m);
});

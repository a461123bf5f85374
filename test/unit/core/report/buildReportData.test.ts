// gate.json from records and decisions: evidence per check kind, the snapshot rows, the decision
// worded for the report, several runs in one report, the invocation with secrets masked, paths
// relative to the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportData, reportName, type ReportRun } from '../../../../src/core/report/buildReportData';
import type { RunRecord } from '../../../../src/core/run/record';
import { SEED_CASES, TOOL_VERSION } from './fixtures/cases';
import { check, counts, decision, gate, stage, stageResult } from './fixtures/builders';

const build = (runs: ReportRun[], reportPath = 'docs/status/r.md') => buildReportData(runs, { reportPath, template: 'gate', toolVersion: TOOL_VERSION });
const [gateCase, validationCase, drillCase, loadCase] = SEED_CASES as [typeof SEED_CASES[0], typeof SEED_CASES[0], typeof SEED_CASES[0], typeof SEED_CASES[0]];
const seed000 = build(gateCase.runs, gateCase.reportPath);

test('evidence per check kind: dependency lines, command outcome with its log, mark, hold, exec evidence on the stage', () => {
  const [s0, s1, s2] = seed000.stages;
  assert.deepEqual(s0!.checks[0]!.evidence.map((e) => [e.kind, e.text, e.status]), [1858, 1859, 1860, 1861, 1862].map((n, i) => ['dependency', `#${n} OA-RUST-04${3 + i} -> CLOSED`, 'CLOSED']));
  assert.deepEqual(s0!.checks[1]!.evidence, [{
    kind: 'command', text: 'cargo test -p openagents-runtime-service server::tests::khala_topic_messages -- --nocapture => 49 passed',
    command: 'cargo test -p openagents-runtime-service server::tests::khala_topic_messages -- --nocapture', outcome: '49 passed', status: 'PASS',
    exitCode: 0, duration: '1m23s', log: '../../../.runbook-gate/runs/20260221T090000Z-ws-only-rollout/logs/runtime-ws-health.1.log',
  }]);
  assert.equal(s0!.checks[2]!.note, 'Backfill jobs finished; sync tables current (`sync_checkpoints` lag 0).');
  assert.deepEqual(s0!.checks[2]!.evidence.map((e) => e.text), ['marked passed by ana at 2026-02-21 09:06 UTC']);
  assert.deepEqual(s1!.checks[1]!.evidence.map((e) => e.text), ['held at least 60 minutes since 2026-02-21 09:10 UTC']);
  assert.deepEqual(s2!.evidence.map((e) => [e.kind, e.command, e.outcome, e.status]), [
    ['extra', 'apps/runtime/deploy/khala/check-nonprod-health.sh', 'exit 1: Cannot find service [oa-khala-backend-nonprod]', 'FAIL'],
  ]);
  assert.deepEqual(s2!.checks.map((c) => [c.label, c.statusText, c.line]), [['Expand to external users in bounded cohort', 'BLOCKED', 25], ['Hold for at least one business day if SLOs remain green', 'NOT RUN', 26]]);
});

test('a hold still running says until when', () => {
  const record = structuredClone(gateCase.runs[0]!.record);
  const hold = record.checks.find((c) => c.id === 'stage-1.2')!;
  hold.status = 'holding';
  const data = build([{ ...gateCase.runs[0]!, record }]);
  assert.deepEqual(data.stages[1]!.checks[1]!.evidence.map((e) => [e.text, e.status]), [['holding until 2026-02-21 10:10 UTC (at least 60 minutes)', 'HOLDING']]);
});

test('a gate check shows its gates; a harness step shows its rows; a value reading shows its threshold', () => {
  const base = gateCase.runs[0]!;
  const record: RunRecord = structuredClone(base.record);
  const s = stage('stage-9', { title: 'SLO check', label: 'Stage 9 (SLO check)', checkIds: ['stage-9.1'] });
  const c = check('stage-9.1', { text: 'Proceed if SLOs remain green.', kind: 'gate', status: 'failed', outcome: 'red: Replay gate', gateIds: ['replay-gate'] });
  record.stages.push(s);
  record.checks.push(c);
  record.gates[1] = gate('replay-gate', 'Replay gate', { status: 'red', evidence: 'p95 replay 900 ms, threshold <= 600 ms: red' });
  const d = decision({ ...base.decision, stages: [...base.decision.stages, stageResult(s, [c], 'FAIL')] });
  const data = build([{ ...base, record, decision: d }]);
  assert.deepEqual(data.stages[3]!.checks[0]!.evidence.map((e) => [e.kind, e.text, e.status]), [['gate', 'Replay gate: Red (p95 replay 900 ms, threshold <= 600 ms: red)', 'Red']]);
  const validation = build(validationCase.runs);
  assert.equal(validation.stages[0]!.checks[0]!.evidence.length, 1 + 12);
  assert.deepEqual(validation.stages[0]!.checks[0]!.evidence[1], {
    kind: 'subresult', text: 'control-staging-health Control staging health: FAIL — 404 on /healthz', command: null, outcome: null, status: 'FAIL', exitCode: null, duration: null, log: null,
  });
});

test('the KPI/SLO snapshot: the dependency gate, each stage in scope, each KPI gate in scope', () => {
  assert.deepEqual(seed000.snapshot.map((r) => [r.name, r.statusText]), [
    ['Dependency completion (#1858, #1859, #1860, #1861, #1862)', 'Green'],
    ['Stage 0 (Gate preflight)', 'Green'],
    ['Stage 1 (Internal canary (employees/admins))', 'Green'],
    ['Stage 2 (External canary (5%))', 'Red (blocked)'],
    ...['Error budget gate', 'Replay gate', 'Reconnect gate', 'Slow-consumer gate', 'Surface UX gate'].map((g) => [g, 'Not observed']),
  ]);
  assert.deepEqual(seed000.snapshot[3], {
    name: 'Stage 2 (External canary (5%))', statusText: 'Red (blocked)', commands: ['apps/runtime/deploy/khala/check-nonprod-health.sh'],
    evidence: 'exit 1: Cannot find service [oa-khala-backend-nonprod]; No non-prod Khala backend service to expand to.',
  });
});

test('the decision: statement with owner and timestamp, what passed, reasons, remedies then remediation notes', () => {
  const d = seed000.decision;
  assert.equal(d.statement, 'No-Go for Khala Runtime/Codex WS-Only Rollout at 2026-02-21T10:42:00Z.');
  assert.equal(d.owner, 'Khala lane (`apps/runtime`)');
  assert.deepEqual(d.passed, ['Stage 0 (Gate preflight) passed.', 'Stage 1 (Internal canary (employees/admins)) passed.', 'Dependency gate is green (#1858, #1859, #1860, #1861, #1862).']);
  assert.equal(d.reasons[0], '"Expand to external users in bounded cohort" (Stage 2) is blocked: `apps/runtime/deploy/khala/check-nonprod-health.sh` => Cannot find service \\[oa-khala-backend-nonprod\\].');
  assert.equal(d.remediation[0], 'Fix what made `apps/runtime/deploy/khala/check-nonprod-health.sh` fail (Cannot find service \\[oa-khala-backend-nonprod\\]) and re-run Stage 2.');
  assert.deepEqual(d.remediation.slice(-2), [
    'Re-establish non-prod rollout targets and validate health checks (`check-nonprod-health.sh`).',
    'Run staged cohort windows (internal -> 5% -> 25% -> 50% -> 100%) with SLO capture.',
  ]);
  assert.equal(new Set(d.remediation).size, d.remediation.length, 'no remedy twice');
});

test('several runs, one report: stages of each run in order, counts summed, Go only when every run is Go', () => {
  const data = build(loadCase.runs);
  assert.deepEqual(data.stages.map((s) => [s.runbook, s.label]), [
    ['docs/runtime/KHALA_PROJECTION_LOAD_CHAOS.md', 'Pass/Fail Criteria'],
    ['docs/runtime/KHALA_PROJECTION_MONITORING.md', 'Monitoring assets checklist'],
    ['apps/runtime/docs/CI_GATE.md', 'CI gate'],
  ]);
  assert.equal(data.decision.value, 'Go');
  assert.equal(data.counts.line, '7 required passes');
  assert.deepEqual(data.countParts, [{ count: 7, label: 'required passes' }]);
  assert.deepEqual(data.runs.map((r) => r.id), ['20260219T101500Z', '20260219T104000Z', '20260219T110000Z']);
  assert.deepEqual(data.commands.map((c) => c.id), ['runtime-shape-load', 'khala-projection-chaos', 'monitoring-assets-test', 'runtime-ci']);
  assert.equal(data.title, 'Khala Runtime + Projector Load/Chaos Runbook + Khala Projection Monitoring Checklist + Runtime CI Gate');
  assert.equal(data.name, 'Khala Runtime + Projector Load/Chaos');

  const failing = structuredClone(loadCase.runs);
  failing[2]!.decision = decision({
    decidedAt: failing[2]!.decision.decidedAt,
    stages: failing[2]!.decision.stages,
    reasons: [{ subject: { kind: 'stage', stageId: 'ci-gate', label: 'CI gate' }, problem: { kind: 'failed', detail: '1 failure', command: 'mix ci' }, remedy: { kind: 'rerun-stage', stageId: 'ci-gate', stageKey: null } }],
    counts: counts({ requiredFailures: 1, overall: 'failed', line: '1 required failure' }),
  });
  const mixed = build(failing);
  assert.equal(mixed.decision.value, 'No-Go');
  assert.equal(mixed.counts.line, '1 required failure, 6 required passes');
  assert.equal(mixed.counts.overall, 'failed');
  assert.deepEqual(mixed.decision.reasons, ['Runtime CI Gate: CI gate failed: `mix ci` => 1 failure.']);
});

test('the invocation: the harness with its inputs, secrets as ***; the harness file and its counts', () => {
  const data = build(validationCase.runs);
  assert.equal(data.invocation?.env.find((e) => e.name === 'GCP_ACCESS_TOKEN')?.value, '***');
  assert.equal(data.invocation?.env.find((e) => e.name === 'FAIL_ON_REQUIRED_FAILURE')?.value, '0');
  assert.ok(data.invocation?.text.endsWith("FAIL_ON_REQUIRED_FAILURE=0 \\\nGCP_ACCESS_TOKEN='***' \\\nscripts/release/validate-rust-cutover.sh"));
  assert.deepEqual({ ...data.harness, command: data.harness?.command.id }, {
    command: 'validate-rust-cutover', file: '../reports/rust-cutover-validation/20260221T192746Z/results.tsv', format: 'tsv',
    counts: '7 required failures, 4 required passes, 1 optional skipped', error: null,
  });
  assert.deepEqual(data.results.filter((r) => r.status === 'failed').length, 7);
  assert.equal(data.results[0]!.id, 'validation-matrix.1/control-staging-health');
});

test('a multi-line command with inputs is invoked with export, in its working directory', () => {
  const base = validationCase.runs[0]!;
  const record = structuredClone(base.record);
  const attempt = record.steps[0]!.attempts[0]!;
  attempt.command = 'for env in staging prod; do\n  ./probe.sh "$env"\ndone';
  attempt.cwd = 'scripts/release';
  attempt.results = null;
  const data = build([{ ...base, record }]);
  assert.equal(data.invocation?.text.split('\n')[0], 'cd scripts/release');
  assert.match(data.invocation!.text.split('\n')[1]!, /^export CONTROL_SERVICE=openagents-web RUNTIME_SERVICE=openagents-runtime .* GCP_ACCESS_TOKEN='\*\*\*'$/);
  assert.equal(data.commands[0]!.commandLine, 'cd scripts/release && for env in staging prod; do …');
});

test('paths are relative to the report; every attempt\'s log with its SHA-256; integrity per run', () => {
  const data = build(drillCase.runs, 'reports/deep/er/r.md');
  assert.equal(data.artifacts.runJson, '../../../.runbook-gate/runs/20260220T140000Z/run.json');
  assert.equal(data.runbooks[0]!.link, '../../../docs/sync/RUNTIME_CODEX_CUTOVER_RUNBOOK.md');
  assert.equal(data.artifacts.logs.length, 7);
  assert.ok(data.artifacts.logs.every((l) => l.path.startsWith('../../../.runbook-gate/runs/20260220T140000Z/logs/') && l.sha256?.length === 64));
  assert.deepEqual(data.integrity.runs, [{ id: '20260220T140000Z', gitCommit: '4f2c9e1d7a3b5c6e8f9a0b1c2d3e4f5a6b7c8d9e', gitBranch: 'main', gitDirty: false, host: 'gate-runner-01', toolVersion: '0.1.0' }]);
  assert.deepEqual(data.evidenceGroups.map((g) => [g.area, g.commands.length]), [
    ['Runtime parity and sync tests', 2], ['Mobile lane checks', 2], ['Desktop lane checks', 2], ['Drill checklist', 1],
  ]);
});

test('the issue links to GitHub (or the Enterprise host its dependencies live on); short secrets are a warning', () => {
  assert.equal(seed000.issue?.url, 'https://github.com/OpenAgentsInc/openagents/issues/1863');
  const record = structuredClone(gateCase.runs[0]!.record);
  for (const item of record.dependencies.items) item.url = item.url!.replace('https://github.com', 'https://ghe.example.com');
  record.unmaskedSecrets = ['PIN'];
  const data = build([{ ...gateCase.runs[0]!, record }]);
  assert.equal(data.issue?.url, 'https://ghe.example.com/OpenAgentsInc/openagents/issues/1863');
  assert.deepEqual(data.warnings, ['Secret input PIN was too short to mask; check the logs before sharing them.']);
});

test('reportName drops a trailing "Runbook" or "Checklist"', () => {
  assert.equal(reportName('Khala Runtime/Codex WS-Only Rollout Runbook'), 'Khala Runtime/Codex WS-Only Rollout');
  assert.equal(reportName('Release checklist'), 'Release');
  assert.equal(reportName('Runbook'), 'Runbook');
});

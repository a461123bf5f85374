// Seed 001, unchanged, is the test of the product: its model must be the gate checklist that
// seed 000's report was written from (issue 8, point 4), check by check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import type { Check } from '../../../../src/core/runbook/model';

const text = readFileSync(new URL('../../../fixtures/seed-001/input.md', import.meta.url), 'utf8');
const model = parseRunbook(text);
const check = (id: string): Check => {
  const found = model.checks.find((c) => c.id === id);
  assert.ok(found, `no check ${id}`);
  return found;
};
const GATES = ['error-budget-gate', 'replay-gate', 'reconnect-gate', 'slow-consumer-gate', 'surface-ux-gate'];

test('seed 001: five stages from the ordered list under "2. Rollout Stages", with keys and labels', () => {
  assert.deepEqual(model.stages.map((s) => [s.id, s.kind, s.key, s.number, s.marker, s.title, s.label, s.range.startLine]), [
    ['stage-0', 'stage', '0', 0, 'Stage', 'Gate preflight', 'Stage 0 (Gate preflight)', 17],
    ['stage-1', 'stage', '1', 1, 'Stage', 'Internal canary (employees/admins)', 'Stage 1 — Internal canary (employees/admins)', 21],
    ['stage-2', 'stage', '2', 2, 'Stage', 'External canary (5%)', 'Stage 2 — External canary (5%)', 24],
    ['stage-3', 'stage', '3', 3, 'Stage', 'Broad rollout (25% -> 50%)', 'Stage 3 — Broad rollout (25% -> 50%)', 27],
    ['stage-4', 'stage', '4', 4, 'Stage', 'Full rollout (100%)', 'Stage 4 — Full rollout (100%)', 29],
  ]);
  assert.deepEqual(model.stages.map((s) => s.checkIds), [
    ['stage-0.1', 'stage-0.2', 'stage-0.3'], ['stage-1.1', 'stage-1.2'], ['stage-2.1', 'stage-2.2'], ['stage-3.1'], ['stage-4.1', 'stage-4.2'],
  ]);
});

test('seed 001 Stage 0: a dependency check, a command check bound to "Runtime WS health", a manual check', () => {
  const dependency = check('stage-0.1');
  assert.equal(dependency.text, 'Validate dependency issues are closed.');
  assert.equal(dependency.kind, 'dependency');
  assert.deepEqual(dependency.issueIds, [], 'empty: satisfied by every dependency of the runbook');
  assert.equal(dependency.binding, null);

  const tests = check('stage-0.2');
  assert.equal(tests.text, 'Run runtime WS contract tests.');
  assert.equal(tests.kind, 'command');
  assert.deepEqual(tests.stepIds, ['runtime-ws-health']);
  assert.equal(tests.binding?.how, 'inferred');
  assert.ok((tests.binding?.confidence ?? 0) >= 0.5, `confidence ${tests.binding?.confidence}`);
  assert.match(tests.binding?.reason ?? '', /Runtime WS health/);

  const verify = check('stage-0.3');
  assert.equal(verify.kind, 'manual');
  assert.equal(verify.binding, null);
  assert.ok([dependency, tests, verify].every((c) => c.required && c.task === null && c.stageId === 'stage-0'));
  assert.deepEqual(tests.range, { startLine: 19, startColumn: 4, endLine: 19, endColumn: 36 });
});

test('seed 001 Stage 1: manual, then a hold of 60 minutes', () => {
  assert.equal(check('stage-1.1').kind, 'manual');
  const hold = check('stage-1.2');
  assert.equal(hold.kind, 'hold');
  assert.deepEqual(hold.hold, { text: 'at least 60 minutes', durationMs: 60 * 60_000, businessDays: null });
});

test('seed 001 Stage 2: manual, then a hold of one business day that follows the five KPI gates', () => {
  assert.equal(check('stage-2.1').kind, 'manual');
  const hold = check('stage-2.2');
  assert.equal(hold.kind, 'hold');
  assert.deepEqual(hold.hold, { text: 'at least one business day', durationMs: null, businessDays: 1 });
  assert.deepEqual(hold.gateIds, GATES);
});

test('seed 001 Stage 3: a hold with no duration is a manual check', () => {
  const only = check('stage-3.1');
  assert.equal(only.kind, 'manual');
  assert.deepEqual(only.hold, { text: 'required hold period', durationMs: null, businessDays: null });
});

test('seed 001 Stage 4: manual, then a hold of 24 hours', () => {
  assert.equal(check('stage-4.1').kind, 'manual');
  assert.deepEqual(check('stage-4.2').hold, { text: '24 hours', durationMs: 24 * 3_600_000, businessDays: null });
  assert.equal(check('stage-4.2').kind, 'hold');
});

test('seed 001: three bash steps; only the runtime WS health step is bound, the others run on their own in their section', () => {
  assert.deepEqual(model.steps.map((s) => [s.id, s.title, s.range.startLine, s.range.endLine, s.stageId, s.checkIds, s.destructive]), [
    ['runtime-ws-health', 'Runtime WS health', 52, 54, null, ['stage-0.2'], false],
    ['fanout-delivery-metrics', 'Fanout delivery metrics (environment URL and auth required)', 58, 61, null, [], false],
    ['dependency-gate-check', 'Dependency gate check', 65, 69, null, [], false],
  ]);
  assert.ok(model.steps.every((s) => s.required && !s.rollback && s.sectionId === '4-monitoring-commands' && s.placeholders.length === 0));
  assert.equal(model.steps[0]?.command, 'cargo test -p openagents-runtime-service server::tests::khala_topic_messages -- --nocapture');
});

test('seed 001: five KPI/SLO gates with their detail bullets, no threshold written in numbers', () => {
  assert.deepEqual(model.gates.map((g) => [g.id, g.number, g.title, g.line]), [
    ['error-budget-gate', 1, 'Error budget gate', 37],
    ['replay-gate', 2, 'Replay gate', 39],
    ['reconnect-gate', 3, 'Reconnect gate', 41],
    ['slow-consumer-gate', 4, 'Slow-consumer gate', 43],
    ['surface-ux-gate', 5, 'Surface UX gate', 45],
  ]);
  assert.deepEqual(model.gates[3]?.detail, ['slow_consumer_evicted remains below threshold and does not show monotonic growth.']);
  assert.ok(model.gates.every((g) => g.detail.length === 1 && g.thresholds.length === 0));
});

test('seed 001: #1858..#1862 from the gh issue view loop are dependencies', () => {
  assert.deepEqual(model.issues.map((i) => [i.id, i.number, i.line, i.role, i.why, i.repo]), [1858, 1859, 1860, 1861, 1862].map((n, i) => [`ref-${i + 1}`, n, 66, 'dependency', 'gh issue view loop', null]));
  const withRepo = parseRunbook(text, { defaultRepo: 'OpenAgentsInc/openagents' });
  assert.ok(withRepo.issues.every((i) => i.repo === 'OpenAgentsInc/openagents'));
});

test('seed 001: report context from the title, the Owner and Scope lines and the Required Artifacts section', () => {
  assert.deepEqual(model.context, {
    title: 'Khala Runtime/Codex WS-Only Rollout Runbook',
    owner: 'Khala lane (`apps/runtime`)',
    issue: null,
    scope: 'WS-only rollout gate for runtime/Codex sync across `openagents.com`, `autopilot-desktop`, and `autopilot-ios`.',
    reportFolder: 'docs/sync/status/',
    template: null,
  });
  assert.equal(model.generated, false);
});

test('seed 001: inputs are the URL and the secret token; the rollback section is marked; nothing is an error or warning', () => {
  assert.deepEqual(model.inputs, [
    { name: 'RUNTIME_BASE_URL', kind: 'env', secret: false, stepIds: ['fanout-delivery-metrics'] },
    { name: 'RUNTIME_ADMIN_TOKEN', kind: 'env', secret: true, stepIds: ['fanout-delivery-metrics'] },
  ]);
  assert.deepEqual(model.sections.map((s) => [s.id, s.role]), [
    ['khala-runtimecodex-ws-only-rollout-runbook', null], ['1-preconditions', 'preconditions'], ['2-rollout-stages', 'stages'],
    ['3-kpi-and-slo-gates', 'gates'], ['4-monitoring-commands', null], ['5-rollback-procedure', 'rollback'], ['6-required-artifacts-per-gate-execution', 'artifacts'],
  ]);
  assert.deepEqual(model.diagnostics.filter((d) => d.severity !== 'info'), []);
  assert.equal(model.lineCount, 89);
});

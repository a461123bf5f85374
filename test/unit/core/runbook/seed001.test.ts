import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';

const text = readFileSync(new URL('../../../fixtures/seed-001/input.md', import.meta.url), 'utf8');
const model = parseRunbook(text);

test('seed 001: five stages from the ordered list under "2. Rollout Stages"', () => {
  assert.deepEqual(model.stages.map((s) => [s.id, s.number, s.title]), [
    ['stage-0', 0, 'Gate preflight'],
    ['stage-1', 1, 'Internal canary (employees/admins)'],
    ['stage-2', 2, 'External canary (5%)'],
    ['stage-3', 3, 'Broad rollout (25% -> 50%)'],
    ['stage-4', 4, 'Full rollout (100%)'],
  ]);
  assert.deepEqual(model.stages.map((s) => s.range.startLine), [17, 21, 24, 27, 29]);
});

test('seed 001: three bash steps at their fence lines, titled by the text above them', () => {
  assert.deepEqual(model.steps.map((s) => [s.id, s.title, s.range.startLine, s.range.endLine]), [
    ['runtime-ws-health', 'Runtime WS health', 52, 54],
    ['fanout-delivery-metrics', 'Fanout delivery metrics (environment URL and auth required)', 58, 61],
    ['dependency-gate-check', 'Dependency gate check', 65, 69],
  ]);
  assert.ok(model.steps.every((s) => s.required && !s.rollback && s.sectionId === '4-monitoring-commands'));
  assert.equal(model.steps[0]?.command, 'cargo test -p openagents-runtime-service server::tests::khala_topic_messages -- --nocapture');
});

test('seed 001: five KPI/SLO gates, not the "Per Gate Execution" artifacts', () => {
  assert.deepEqual(model.gates.map((g) => [g.number, g.title, g.line]), [
    [1, 'Error budget gate', 37],
    [2, 'Replay gate', 39],
    [3, 'Reconnect gate', 41],
    [4, 'Slow-consumer gate', 43],
    [5, 'Surface UX gate', 45],
  ]);
});

test('seed 001: inputs are the URL and the secret token, not the loop variable $i', () => {
  assert.deepEqual(model.inputs, [
    { name: 'RUNTIME_BASE_URL', secret: false, stepIds: ['fanout-delivery-metrics'] },
    { name: 'RUNTIME_ADMIN_TOKEN', secret: true, stepIds: ['fanout-delivery-metrics'] },
  ]);
});

test('seed 001: the gh loop yields issues 1858..1862 on line 66', () => {
  assert.deepEqual(model.issues.map((i) => [i.number, i.line, i.repo]), [1858, 1859, 1860, 1861, 1862].map((n) => [n, 66, null]));
  const withRepo = parseRunbook(text, { defaultRepo: 'OpenAgentsInc/openagents' });
  assert.ok(withRepo.issues.every((i) => i.repo === 'OpenAgentsInc/openagents'));
});

test('seed 001: the rollback section is marked, and nothing is an error', () => {
  assert.equal(model.sections.find((s) => s.id === '5-rollback-procedure')?.rollback, true);
  assert.deepEqual(model.diagnostics.filter((d) => d.severity !== 'info'), []);
  assert.equal(model.lineCount, 89);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupResults, verdictOf } from '../../../../src/core/gate/verdicts';
import type { StepStatus } from '../../../../src/core/run/model';
import { evidence, record, runbook, section, seed000, step } from './fixtures';

const s = step('a', 'true', 1, 'stage-0');
const item = (status: StepStatus, required = true) => evidence({ ...s, id: `${status}-${required}`, required }, status, status);

test('verdictOf: every required item passed -> PASS', () => {
  assert.equal(verdictOf([item('passed'), item('passed')], false), 'PASS');
});

test('verdictOf: a required failure -> FAIL, even beside a blocked item', () => {
  assert.equal(verdictOf([item('passed'), item('failed')], false), 'FAIL');
  assert.equal(verdictOf([item('blocked'), item('failed')], false), 'FAIL');
});

test('verdictOf: a required item that could not run -> BLOCKED', () => {
  assert.equal(verdictOf([item('passed'), item('blocked')], false), 'BLOCKED');
});

test('verdictOf: pending, skipped, interrupted or running required items -> NOT RUN', () => {
  for (const status of ['pending', 'skipped', 'interrupted', 'running'] as const) {
    assert.equal(verdictOf([item('passed'), item(status)], false), 'NOT RUN', status);
  }
  assert.equal(verdictOf([], false), 'NOT RUN');
});

test('verdictOf: optional items never change the verdict', () => {
  assert.equal(verdictOf([item('passed'), item('failed', false), item('blocked', false)], false), 'PASS');
  assert.equal(verdictOf([item('passed', false)], false), 'PASS');
  assert.equal(verdictOf([item('pending', false)], false), 'NOT RUN');
});

test('verdictOf: strict makes optional items required', () => {
  assert.equal(verdictOf([item('passed'), item('failed', false)], true), 'FAIL');
  assert.equal(verdictOf([item('passed'), item('blocked', false)], true), 'BLOCKED');
  assert.equal(verdictOf([item('passed'), item('skipped', false)], true), 'NOT RUN');
});

test('groupResults: seed 000 -> stages in order, rollback left out of run-all', () => {
  const { book, run } = seed000();
  const groups = groupResults(book, run, false);
  assert.deepEqual(groups.map((g) => [g.label, g.verdict]), [
    ['Stage 0 (Gate preflight)', 'PASS'],
    ['Stage 1 (Internal canary readiness check)', 'PASS'],
    ['Stage 2 (External canary)', 'BLOCKED'],
  ]);
  assert.deepEqual(groups[0]?.items.map((i) => i.outcome), ['49 passed']);
});

test('groupResults: steps outside any stage are grouped by section (seed 001 shape)', () => {
  const a = step('runtime-ws-health', 'cargo test', 40, null, { sectionId: 'monitoring' });
  const b = step('fanout-metrics', 'curl "$RUNTIME_BASE_URL"', 46, null, { sectionId: 'monitoring' });
  const book = runbook({ sections: [section('monitoring', '4. Monitoring Commands', 38)], steps: [a, b] });
  const groups = groupResults(book, record([evidence(a, 'passed', 'ok'), evidence(b, 'blocked', 'missing input: RUNTIME_BASE_URL')]), false);
  assert.deepEqual(groups.map((g) => [g.kind, g.label, g.verdict, g.items.length]), [['section', 'Section (4. Monitoring Commands)', 'BLOCKED', 2]]);
});

test('groupResults: scope by stage keeps only the selected stage', () => {
  const { book, steps } = seed000();
  const run = record([evidence(steps.s0, 'passed', '49 passed'), evidence(steps.s1, 'pending', ''), evidence(steps.s2, 'pending', '')], {
    scope: { all: false, stageIds: ['0'], stepIds: [] },
  });
  assert.deepEqual(groupResults(book, run, false).map((g) => [g.id, g.verdict]), [['stage-0', 'PASS']]);
});

test('groupResults: a selected step that never ran is still in scope (NOT RUN)', () => {
  const { book, steps } = seed000();
  const run = record([evidence(steps.s0, 'pending', ''), evidence(steps.s1, 'pending', '')], {
    scope: { all: false, stageIds: [], stepIds: ['runtime-tests'] },
  });
  assert.deepEqual(groupResults(book, run, false).map((g) => [g.id, g.verdict]), [['stage-0', 'NOT RUN']]);
});

test('groupResults: a step the session marked selected is in scope even while pending', () => {
  const { book, steps } = seed000();
  const run = record([evidence(steps.s1, 'pending', '', { selected: true })], { scope: { all: false, stageIds: [], stepIds: [] } });
  assert.deepEqual(groupResults(book, run, false).map((g) => [g.id, g.verdict]), [['stage-1', 'NOT RUN']]);
});

test('groupResults: run-all leaves out destructive and excluded steps that never ran', () => {
  const { book, run, steps } = seed000();
  const danger = step('drop-db', 'dropdb prod', 42, 'stage-2', { annotations: { destructive: true } });
  const excluded = step('manual-hold', 'sleep 3600', 44, 'stage-2', { annotations: { excludeFromRunAll: true } });
  const withExtras = { ...book, steps: [...book.steps, danger, excluded] };
  const groups = groupResults(withExtras, { ...run, steps: [...run.steps, evidence(danger, 'pending', ''), evidence(excluded, 'pending', '')] }, false);
  assert.deepEqual(groups.find((g) => g.id === 'stage-2')?.items.map((i) => i.stepId), [steps.s2.id]);
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { planSelection, resolveStages } from '../../../../src/core/run/plan';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { bind, check, runbook, stage, step } from '../../fakes/runbooks';

// Stage 0: dependency + a command check bound to a step that lives in "Monitoring Commands";
// Stage 1: a destructive step and a read-only one; a loose step; a rollback step.
const book = bind(runbook({
  stages: [stage('stage-0', ['stage-0.1', 'stage-0.2']), stage('stage-1', ['stage-1.1', 'stage-1.2']), stage('stage-a', [], { key: 'A', label: 'Stage A (canary)', title: 'canary' })],
  checks: [
    check('stage-0.1', 'dependency'),
    check('stage-0.2', 'command', { stepIds: ['health'] }),
    check('stage-1.1', 'command', { stepIds: ['deploy'] }),
    check('stage-1.2', 'command', { stepIds: ['smoke'] }),
  ],
  steps: [
    step('deploy', 'kubectl apply -f x', { stageId: 'stage-1', destructive: true, destructiveReason: 'kubectl apply' }),
    step('smoke', 'curl -fsS x', { stageId: 'stage-1' }),
    step('health', 'cargo test'),
    step('metrics', 'curl -sS "$URL"'),
    step('undo', 'kubectl rollout undo', { rollback: true, destructive: true, destructiveReason: 'under a Rollback heading' }),
  ],
}));

const describe = (plan: ReturnType<typeof planSelection>) => plan.work.map((w) => (w.kind === 'step' ? `step ${w.stepId}${w.reason ? ` (skip: ${w.reason.split(':')[0]})` : ''}` : w.kind === 'stage-start' ? `start ${w.stageId}` : w.kind));

test('a stage run looks up dependencies first, starts the stage, and runs the steps its checks name, wherever they live', () => {
  const plan = planSelection(book, { stageIds: ['0'] });
  assert.deepEqual(describe(plan), ['dependencies', 'start stage-0', 'step health']);
  assert.deepEqual(plan.scope, { stageIds: ['stage-0'], checkIds: [], stepIds: [], gateIds: [] });
});

test('a stage run includes its destructive step (confirmed when it runs); run all leaves it and rollback steps out, saying why', () => {
  assert.deepEqual(describe(planSelection(book, { stageIds: ['stage-1'] })), ['start stage-1', 'step deploy', 'step smoke']);
  assert.deepEqual(describe(planSelection(book, { all: true })), [
    'dependencies', 'start stage-0', 'step health', 'start stage-1', 'step deploy (skip: destructive (kubectl apply))', 'step smoke', 'start stage-a', 'step metrics',
  ]);
});

test('when a stage runs, steps that observe KPI gates run too (gates decide whether stages advance)', () => {
  const withGateStep = bind(runbook({ ...book, steps: [...book.steps, step('error-rate', 'node metrics.mjs', { annotations: { gate: ['error-budget-gate'], value: 'error_rate' } })] }));
  assert.deepEqual(describe(planSelection(withGateStep, { stageIds: ['1'] })), ['start stage-1', 'step deploy', 'step smoke', 'step error-rate']);
  assert.deepEqual(planSelection(withGateStep, { stageIds: ['1'] }).scope.stepIds, ['error-rate']);
  assert.deepEqual(describe(planSelection(withGateStep, { checkIds: ['stage-1.2'] })), ['start stage-1', 'step smoke'], 'a single check brings no gates');
});

test('a rollback step runs only when asked for by id', () => {
  assert.deepEqual(describe(planSelection(book, { stepIds: ['undo'] })), ['step undo']);
  assert.deepEqual(planSelection(book, { stepIds: ['undo'] }).scope.stepIds, ['undo']);
});

test('stage references read as people write them', () => {
  assert.deepEqual(resolveStages(book, ['0', 'Stage 1', 'stage-0', 'a', 'Stage A', 'canary', 'Stage A (canary)', 'nine']), { ids: ['stage-0', 'stage-1', 'stage-a'], unknown: ['nine'] });
});

test('a check asked for by id runs its steps and starts its stage (holds count from there)', () => {
  assert.deepEqual(describe(planSelection(book, { checkIds: ['stage-1.2'] })), ['start stage-1', 'step smoke']);
});

test('a stage runs its steps in the order it reads: "Apply the migration" before the item under it that checks the row counts', () => {
  const text = readFileSync(new URL('../../../fixtures/runbook-db-migration/input.md', import.meta.url), 'utf8');
  const plan = planSelection(parseRunbook(text), { stageIds: ['2'] });
  assert.deepEqual(describe(plan), ['start stage-2', 'step migrate-prod', 'step row-counts-match-between']);
});

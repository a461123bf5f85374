import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectSteps, stageMatches } from '../../../../src/core/run/selectSteps';
import { runbook, step } from '../../fakes/runbooks';

const rb = runbook([
  step('build', 'make'),
  step('rollback', 'undo', { rollback: true }),
  step('excluded', 'x', { annotations: { excludeFromRunAll: true } }),
  step('drop', 'drop', { annotations: { destructive: true } }),
  step('shell', 'bash', { annotations: { interactive: true } }),
  step('deploy', 'deploy', { stageId: 'stage-1' }),
  step('loose', 'echo', { stageId: null }),
]);
const ids = (selection: Parameters<typeof selectSteps>[1]) => selectSteps(rb, selection).map((s) => s.id);

test('run all leaves out rollback, excluded, destructive and interactive steps', () => {
  assert.deepEqual(ids({ all: true }), ['build', 'deploy', 'loose']);
});

test('a stage runs its own steps, destructive ones included (to be confirmed); named steps always run', () => {
  assert.deepEqual(ids({ stageIds: ['0'] }), ['build', 'drop']);
  assert.deepEqual(ids({ stageIds: ['stage-1'] }), ['deploy']);
  assert.deepEqual(ids({ stageIds: ['0'], stepIds: ['rollback', 'shell'] }), ['build', 'rollback', 'drop', 'shell']);
  assert.deepEqual(ids({ all: true, stepIds: ['drop'] }), ['build', 'drop', 'deploy', 'loose']);
  assert.deepEqual(ids({}), []);
});

test('stage references: id, bare number, "Stage N", title', () => {
  const stage = { id: 'stage-2', number: 2, title: 'External canary', marker: 'Stage', range: rb.stages[0]!.range, sectionId: null };
  for (const ref of ['stage-2', '2', 'Stage 2', 'external canary']) assert.ok(stageMatches(stage, ref), ref);
  for (const ref of ['1', 'stage-22', 'canary']) assert.ok(!stageMatches(stage, ref), ref);
  const slug = { ...stage, id: 'preflight', number: null };
  assert.ok(stageMatches(slug, 'preflight'));
  assert.ok(!stageMatches(slug, '2'));
});

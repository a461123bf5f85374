import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandSlug } from '../../../../../src/core/runbook/rules/steps';
import { parseRunbook } from '../../../../../src/core/runbook/parseRunbook';

test('inline steps are named by what they run', () => {
  const cases: [string, string][] = [
    ['mix test test/openagents_runtime/load/runtime_shape_load_test.exs', 'mix-test-runtime-shape'],
    ['mix test --only sync_parity', 'mix-test-sync-parity'],
    ['curl -vI https://edge.acme.io 2>&1 | grep "expire date"', 'curl-edge-acme-io'],
    ['FOO=1 ./scripts/smoke.sh prod', 'smoke-prod'],
    ['npm test', 'npm-test'],
  ];
  for (const [command, slug] of cases) assert.equal(commandSlug(command), slug, command);
});

test('placeholders are inputs of their own kind; env names stay env; secrets by name', () => {
  const model = parseRunbook('## Stage 1: Go\n\n```bash\ncurl -H "Authorization: Bearer <api-token>" "$BASE_URL/<path>"\n```\n');
  assert.deepEqual(model.inputs, [
    { name: '<api-token>', kind: 'placeholder', secret: true, stepIds: ['stage-1-go'] },
    { name: '<path>', kind: 'placeholder', secret: false, stepIds: ['stage-1-go'] },
    { name: 'BASE_URL', kind: 'env', secret: false, stepIds: ['stage-1-go'] },
  ]);
  assert.deepEqual(model.steps[0]?.placeholders, ['<api-token>', '<path>']);
});

test('destructive: pattern, Rollback section, and an annotation overriding either way', () => {
  const model = parseRunbook([
    '## Stage 1: Go', '', '```bash', 'kubectl apply -f k8s/', '```', '', '```bash { destructive=false }', './deploy.sh --print-plan', '```', '',
    '```bash { destructive=true }', 'echo harmless but asked', '```', '', '## Rollback', '', '```bash', 'echo back', '```', '',
  ].join('\n'));
  assert.deepEqual(model.steps.map((s) => [s.destructive, s.destructiveReason]), [
    [true, 'kubectl apply'], [false, null], [true, 'annotated destructive'], [true, 'under a Rollback heading'],
  ]);
});

test('stage= names a stage by id, key, title, number or slug, wherever the step sits', () => {
  const runbook = parseRunbook([
    '# Rollout', '', '## Stage 1.10: Patch canary', '', 'Watch it.', '', '## Stage A: Internal', '', 'Notes.', '', '## Appendix', '',
    ...['1.1', 'a', 'Stage A', 'internal', 'stage-a', 'nine'].flatMap((stage, i) => ['```bash {name=probe-' + i + ' stage="' + stage + '"}', 'true', '```', '']),
  ].join('\n'));
  assert.deepEqual(runbook.steps.map((s) => [s.id, s.stageId]), [
    ['probe-0', runbook.stages[0]!.id], ['probe-1', 'stage-a'], ['probe-2', 'stage-a'], ['probe-3', 'stage-a'], ['probe-4', 'stage-a'], ['probe-5', null],
  ]);
  assert.deepEqual(runbook.diagnostics.filter((d) => d.code === 'unknown-stage').map((d) => d.message.split(' (')[0]), ['stage=nine names no stage in this runbook']);
});

test('a message that lists what a name could have meant shows twelve ids and counts the rest', () => {
  // 4 MB of runbook once put 12,820 stage ids in each unknown-stage message (13 MB of diagnostics).
  const stages = Array.from({ length: 20 }, (_, i) => `## Stage ${i}: Part ${i}\n\nNotes.\n`);
  const runbook = parseRunbook(['# Rollout', '', ...stages, '## Appendix', '', '```bash {name=probe stage=nine}', 'true', '```', ''].join('\n'));
  const messages = runbook.diagnostics.filter((d) => d.code === 'unknown-stage').map((d) => d.message);
  assert.deepEqual(messages, [
    'stage=nine names no stage in this runbook (stages: stage-0, stage-1, stage-2, stage-3, stage-4, stage-5, stage-6, stage-7, stage-8, stage-9, stage-10, stage-11 and 8 more).',
  ]);
});

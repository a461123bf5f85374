import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRunbookModeler } from '../../../../../src/core/runbook/parse/incrementalModel';
import { parseRunbook } from '../../../../../src/core/runbook/parseRunbook';

const seed = readFileSync(new URL('../../../../fixtures/seed-001/input.md', import.meta.url), 'utf8');

test('a one-line edit re-parses only the chunk it touches, and the model follows the edit', () => {
  const modeler = createRunbookModeler();
  modeler.model(seed);
  const first = modeler.stats();
  assert.ok(first.chunks >= 6, `seed 001 cut into ${first.chunks} chunks`);
  assert.equal(first.parsed, first.chunks);
  const edited = seed.replace('Runtime WS health:', 'Runtime WS health check:');
  const model = modeler.model(edited);
  assert.deepEqual(modeler.stats(), { chunks: first.chunks, parsed: 1 });
  assert.equal(model.steps[0]?.id, 'runtime-ws-health-check');
  assert.deepEqual(model, parseRunbook(edited));
});

test('inserting lines shifts every later position', () => {
  const modeler = createRunbookModeler();
  modeler.model(seed);
  const model = modeler.model(seed.replace('## 1. Preconditions', 'Intro.\n\nMore intro.\n\n## 1. Preconditions'));
  assert.deepEqual(model.steps.map((s) => s.range.startLine), [56, 62, 69]);
  assert.deepEqual(model.issues.map((i) => i.line), [70, 70, 70, 70, 70]);
  assert.equal(modeler.stats().parsed, 1);
});

test('the same text with another default repo re-uses every chunk and applies the repo', () => {
  const modeler = createRunbookModeler();
  modeler.model(seed);
  const model = modeler.model(seed, { defaultRepo: 'acme/x' });
  assert.equal(modeler.stats().parsed, 0);
  assert.ok(model.issues.every((i) => i.repo === 'acme/x'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BIND_THRESHOLD, confident, likeness, score, stepWords, tokens } from '../../../../../src/core/runbook/rules/bindingMatcher';
import { inferBindings } from '../../../../../src/core/runbook/rules/inferBindings';

test('words: lower case, camelCase and punctuation split, stop words and numbers dropped, test/tests/testing one stem', () => {
  assert.deepEqual(tokens('Run runtime WS contract tests.'), ['runtime', 'ws', 'contract', 'test']);
  assert.deepEqual(tokens('server::tests::khala_topic_messages'), ['server', 'test', 'khala', 'topic', 'message']);
  assert.deepEqual(tokens('OpenAgentsRuntime testing 1858'), ['open', 'agent', 'runtime', 'test']);
  assert.deepEqual(tokens('Verify that all checks pass'), []);
});

const health = { title: 'Runtime WS health', name: null, command: 'cargo test -p openagents-runtime-service server::tests::khala_topic_messages -- --nocapture', sectionTitle: 'Monitoring Commands' };

test('score: title 1.0, command 0.6, section 0.4, averaged over the check words (001: 0.65)', () => {
  const s = score(tokens('Run runtime WS contract tests.'), stepWords(health));
  assert.equal(s.score, 0.65);
  assert.deepEqual(s.matched, [{ word: 'runtime', field: 'title' }, { word: 'ws', field: 'title' }, { word: 'test', field: 'command' }]);
  assert.ok(confident(tokens('Run runtime WS contract tests.'), s));
  const weak = score(tokens('Check monitoring'), stepWords(health));
  assert.deepEqual(weak, { score: 0.4, matched: [{ word: 'monitor', field: 'section' }] });
  assert.ok(!confident(tokens('Check monitoring'), weak), 'a section word alone never binds');
  assert.equal(BIND_THRESHOLD, 0.5);
});

test('likeness: the same words are related checks', () => {
  assert.equal(likeness(tokens('Run the smoke tests.'), tokens('Run smoke tests')), 1);
  assert.ok(likeness(tokens('Run the edge smoke.'), tokens('Smoke the edge nodes.')) < 0.8);
});

const steps = [
  { ...health, stageId: null },
  { title: 'Fanout delivery metrics', name: null, command: 'curl -sS "$RUNTIME_BASE_URL/internal/v1/khala/fanout/metrics"', sectionTitle: 'Monitoring Commands', stageId: null },
  { title: 'Smoke tests', name: null, command: 'npm run smoke', sectionTitle: 'Commands', stageId: null },
  { title: 'Edge smoke', name: null, command: 'npm run smoke:edge', sectionTitle: 'Commands', stageId: null },
  { title: 'Create the new index', name: null, command: 'curl -X PUT "$ES/products-v2"', sectionTitle: 'Appendix', stageId: null },
  { title: 'Start the reindex', name: null, command: 'curl -X POST "$ES/_reindex"', sectionTitle: 'Appendix', stageId: null },
  { title: 'Stage two only', name: null, command: 'echo stage two smoke', sectionTitle: 'Stage 2', stageId: 'stage-2' },
];

test('inference over a document: binds, splits, ties, suggests and refuses to reuse', () => {
  const checks = [
    'Run runtime WS contract tests.', // 0: binds health
    'Create the new index and start the reindex.', // 1: two steps, one per part
    'Run the smoke tests.', // 2: binds smoke tests
    'Run smoke tests', // 3: related to 2: binds too
    'Run the edge smoke.', // 4: binds edge smoke
    'Smoke the edge nodes.', // 5: would reuse edge smoke: refused
    'Review the fanout metrics panel for the canary region.', // 6: below threshold
    'Run the smoke.', // 7: smoke tests and edge smoke tie
  ].map((text) => ({ text, stageId: 'stage-1' }));
  const { bound, suggestions } = inferBindings(checks, steps);
  assert.deepEqual(bound.map((b) => [b.check, b.step, b.score]), [[0, 0, 0.65], [1, 4, 0.5], [1, 5, 0.5], [2, 2, 1], [3, 2, 1], [4, 3, 1]]);
  assert.deepEqual(suggestions.map((s) => [s.check, s.why, s.steps, s.keptBy]), [[5, 'reused', [3], 4], [6, 'below-threshold', [1], null], [7, 'ambiguous', [2, 3], null]]);
  assert.match(bound[0]!.reason, /^inferred: runtime, ws \(title\); test \(command\) match step "Runtime WS health"; score 0\.65/);
});

test('a step placed in another stage is no candidate', () => {
  const { bound } = inferBindings([{ text: 'Stage two only', stageId: 'stage-1' }], steps);
  assert.deepEqual(bound, []);
  assert.deepEqual(inferBindings([{ text: 'Stage two only', stageId: 'stage-2' }], steps).bound.map((b) => b.step), [6]);
});

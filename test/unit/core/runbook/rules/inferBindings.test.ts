// Binding inference ranks each check's candidate steps in two pools (its own stage, and steps
// outside any stage, ranked once per distinct set of words). Property: on random checks and
// steps it gives exactly what ranking every candidate of every check one by one gives (the
// reference below sums each step's weights for each check; both share the decision after it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decideBindings, inferBindings, type InferCheck, type InferResult, type InferStep } from '../../../../../src/core/runbook/rules/inferBindings';
import { stepWords, WEIGHTS } from '../../../../../src/core/runbook/rules/bindingMatcher';

/** Ranks every candidate of every check one by one: each step of its stage or of none that holds one of its words. */
function referenceInference(checks: InferCheck[], steps: InferStep[]): InferResult {
  const words = steps.map((s) => stepWords(s));
  return decideBindings(checks, steps, words, (check, checkWords) => {
    const ranked = steps
      .map((step, si) => ({ si, sum: checkWords.reduce((n, w) => n + (words[si]!.has(w) ? WEIGHTS[words[si]!.get(w)!] : 0), 0), step }))
      .filter(({ sum, step }) => sum > 0 && (step.stageId === check.stageId || step.stageId === null));
    ranked.sort((a, b) => b.sum - a.sum || a.si - b.si);
    return ranked.slice(0, 3).map((r) => r.si);
  });
}

const WORDS = ['smoke', 'tests', 'canary', 'deploy', 'api', 'latency', 'dashboards', 'migrate', 'schema', 'rollout', 'cache', 'warm', 'index'];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const stageId = fc.constantFrom('stage-1', 'stage-2', 'stage-3');
const checkArb: fc.Arbitrary<InferCheck> = fc.record({ text: phrase, stageId });
const stepArb: fc.Arbitrary<InferStep> = fc.record({
  title: phrase,
  name: fc.option(phrase, { nil: null }),
  command: phrase.map((p) => `./run ${p}`),
  sectionTitle: fc.option(phrase, { nil: null }),
  stageId: fc.option(stageId, { nil: null }),
});

test('the pooled inference equals ranking every candidate of every check', () => {
  fc.assert(
    fc.property(fc.array(checkArb, { maxLength: 30 }), fc.array(stepArb, { maxLength: 30 }), (checks, steps) => {
      assert.deepEqual(inferBindings(checks, steps), referenceInference(checks, steps));
    }),
    { numRuns: 400 },
  );
});

test('many checks with the same words and many steps outside any stage: same result as the reference', () => {
  const steps: InferStep[] = Array.from({ length: 600 }, (_, i) => ({
    title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`, name: null, command: `./step-${i}`, sectionTitle: i % 3 ? 'Appendix' : null, stageId: i % 4 ? null : `stage-${i % 12}`,
  }));
  const checks: InferCheck[] = Array.from({ length: 900 }, (_, i) => ({ text: `${WORDS[i % 5]} ${WORDS[(i * 3) % WORDS.length]}`, stageId: `stage-${i % 12}` }));
  const result = inferBindings(checks, steps);
  assert.deepEqual(result, referenceInference(checks, steps));
  assert.ok(result.bound.length + result.suggestions.length > 100, 'the case binds or suggests something');
});

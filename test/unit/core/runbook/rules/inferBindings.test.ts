// Binding inference ranks each check's candidate steps in two pools (its own stage, and steps
// outside any stage, ranked once per distinct set of words). Property: on random checks and
// steps it gives exactly what ranking every candidate of every check one by one gives (the
// reference below is the inference as it was before the pools, commit 3f5f03f).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inferBindings, type InferCheck, type InferResult, type InferStep, type Inferred, type Suggestion } from '../../../../../src/core/runbook/rules/inferBindings';
import { confident, describeMatch, likeness, MARGIN, score, stepWords, SUGGEST_THRESHOLD, tokens, WEIGHTS, type Field, type Score } from '../../../../../src/core/runbook/rules/bindingMatcher';

const RELATED = 0.8;

function referenceInference(checks: InferCheck[], steps: InferStep[]): InferResult {
  const words = steps.map((s) => stepWords(s));
  // Which steps hold each word, per stage (a check only looks at its own stage's steps and at
  // steps outside any stage): a word every stage shares never makes the walk quadratic.
  const holders = new Map<string, number[]>();
  const key = (stageId: string | null, word: string) => `${stageId ?? ''}\u0000${word}`;
  words.forEach((w, i) => {
    for (const word of w.keys()) {
      const k = key(steps[i]!.stageId, word);
      const list = holders.get(k);
      if (list) list.push(i);
      else holders.set(k, [i]);
    }
  });
  const best: { check: number; step: number; score: Score; words: string[] }[] = [];
  const disjoint = (a: Score, b: Score): boolean => a.matched.every((m) => !b.matched.some((n) => n.word === m.word));
  const suggestions: Suggestion[] = [];
  // Sums of word weights per step for the check at hand, reset after each check (no allocation per pair).
  const sums = new Float64Array(steps.length);
  const touched: number[] = [];
  checks.forEach((check, ci) => {
    const checkWords = tokens(check.text);
    if (checkWords.length === 0) return;
    touched.length = 0;
    for (const word of checkWords) {
      for (const list of [holders.get(key(check.stageId, word)), holders.get(key(null, word))]) {
        for (const si of list ?? []) {
          if (sums[si] === 0) touched.push(si);
          sums[si] = (sums[si] ?? 0) + WEIGHTS[words[si]!.get(word)!];
        }
      }
    }
    // The best three by their sums (the score is the sum over the same word count), lower index first on a tie.
    const top: number[] = [];
    for (const si of touched) {
      let at = top.length;
      while (at > 0 && (sums[si]! > sums[top[at - 1]!]! || (sums[si] === sums[top[at - 1]!] && si < top[at - 1]!))) at--;
      if (at < 3) {
        top.splice(at, 0, si);
        if (top.length > 3) top.pop();
      }
    }
    for (const si of touched) sums[si] = 0;
    const candidates = top.map((si) => ({ si, s: score(checkWords, words[si] ?? new Map<string, Field>()) }));
    const [first, second] = candidates;
    if (!first) return;
    const tied = second !== undefined && first.s.score - second.s.score < MARGIN;
    if (confident(checkWords, first.s) && !tied) {
      best.push({ check: ci, step: first.si, score: first.s, words: checkWords });
    } else if (second && confident(checkWords, first.s) && confident(checkWords, second.s) && disjoint(first.s, second.s)) {
      // The check names two steps, one for each part of it.
      for (const c of [first, second].sort((a, b) => a.si - b.si)) best.push({ check: ci, step: c.si, score: c.s, words: checkWords });
    } else if (confident(checkWords, first.s) && second) {
      suggestions.push({ check: ci, steps: [first.si, second.si], score: first.s.score, why: 'ambiguous', keptBy: null });
    } else if (first.s.score >= SUGGEST_THRESHOLD && first.s.matched.some((m) => m.field !== 'section') && first.s.matched.length >= Math.min(2, checkWords.length)) {
      suggestions.push({ check: ci, steps: [first.si], score: first.s.score, why: 'below-threshold', keptBy: null });
    }
  });
  const bound: Inferred[] = [];
  const byStep = new Map<number, typeof best>();
  for (const b of best) {
    const claims = byStep.get(b.step);
    if (claims) claims.push(b);
    else byStep.set(b.step, [b]);
  }
  for (const [step, claims] of byStep) {
    claims.sort((a, b) => b.score.score - a.score.score || a.check - b.check);
    const keeper = claims[0]!;
    for (const claim of claims) {
      if (claim === keeper || likeness(claim.words, keeper.words) >= RELATED) {
        const s = steps[step]!;
        bound.push({
          check: claim.check, step, score: claim.score.score,
          reason: `inferred: ${describeMatch(claim.score)} match step "${s.title}"; score ${claim.score.score.toFixed(2)} (binds at 0.50)`,
        });
      } else {
        suggestions.push({ check: claim.check, steps: [step], score: claim.score.score, why: 'reused', keptBy: keeper.check });
      }
    }
  }
  bound.sort((a, b) => a.check - b.check);
  suggestions.sort((a, b) => a.check - b.check);
  return { bound, suggestions };
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

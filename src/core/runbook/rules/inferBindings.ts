// Runs the matcher of bindingMatcher.ts over a document: each manual-reading check that no
// annotation or position binds looks among the steps no check has claimed, in its own stage
// or outside any stage. One step is never bound to two unrelated checks by inference: the
// better-scoring check keeps it and the other is told so (two checks with the same words,
// e.g. "Run smoke tests" in Stage 1 and Stage 3, are related and both bind).
import { confident, describeMatch, likeness, MARGIN, score, stepWords, SUGGEST_THRESHOLD, tokens, type Field, type Score, type StepDescriptor } from './bindingMatcher';

export interface InferCheck {
  text: string;
  stageId: string;
}

export interface InferStep extends StepDescriptor {
  stageId: string | null;
}

export interface Inferred {
  check: number;
  step: number;
  score: number;
  reason: string;
}

export interface Suggestion {
  check: number;
  steps: number[];
  score: number;
  /** 'below-threshold' | 'ambiguous' | 'reused': why it did not bind. */
  why: 'below-threshold' | 'ambiguous' | 'reused';
  /** For 'reused': the check that kept the step. */
  keptBy: number | null;
}

export interface InferResult {
  bound: Inferred[];
  suggestions: Suggestion[];
}

const RELATED = 0.8;

export function inferBindings(checks: InferCheck[], steps: InferStep[]): InferResult {
  const words = steps.map((s) => stepWords(s));
  const byStage = new Map<string | null, number[]>();
  steps.forEach((s, i) => byStage.set(s.stageId, [...(byStage.get(s.stageId) ?? []), i]));
  const loose = byStage.get(null) ?? [];
  const best: { check: number; step: number; score: Score; words: string[] }[] = [];
  const disjoint = (a: Score, b: Score): boolean => a.matched.every((m) => !b.matched.some((n) => n.word === m.word));
  const suggestions: Suggestion[] = [];
  checks.forEach((check, ci) => {
    const checkWords = tokens(check.text);
    if (checkWords.length === 0) return;
    const candidates = [...(byStage.get(check.stageId) ?? []), ...loose]
      .map((si) => ({ si, s: score(checkWords, words[si] ?? new Map<string, Field>()) }))
      .filter((c) => c.s.matched.length > 0)
      .sort((a, b) => b.s.score - a.s.score || a.si - b.si);
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
  for (const b of best) byStep.set(b.step, [...(byStep.get(b.step) ?? []), b]);
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

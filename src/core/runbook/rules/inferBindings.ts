// Runs the matcher of bindingMatcher.ts over a document: each manual-reading check that no
// annotation or position binds looks among the steps no check has claimed, in its own stage
// or outside any stage. One step is never bound to two unrelated checks by inference: the
// better-scoring check keeps it and the other is told so (two checks with the same words,
// e.g. "Run smoke tests" in Stage 1 and Stage 3, are related and both bind).
import { confident, describeMatch, likeness, MARGIN, score, stepWords, SUGGEST_THRESHOLD, tokens, WEIGHTS, type Field, type Score, type StepDescriptor } from './bindingMatcher';

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

/** A step and its sum of word weights for one check. */
interface Ranked {
  si: number;
  sum: number;
}

/** The steps of one pool that hold a word, each with the weight of the field it is in. */
interface Holders {
  steps: number[];
  weights: number[];
}

/** Keeps `top` the best three by sum, the lower step index first on a tie. */
function insertRanked(top: Ranked[], si: number, sum: number): void {
  let at = top.length;
  while (at > 0 && (sum > top[at - 1]!.sum || (sum === top[at - 1]!.sum && si < top[at - 1]!.si))) at--;
  if (at < 3) {
    top.splice(at, 0, { si, sum });
    if (top.length > 3) top.pop();
  }
}

/** The last inference and what it was asked: an edit that changes no check or step asks the same again. */
let last: { checks: InferCheck[]; steps: InferStep[]; result: InferResult } | null = null;

function sameChecks(a: InferCheck[], b: InferCheck[]): boolean {
  return a.length === b.length && a.every((c, i) => c.text === b[i]!.text && c.stageId === b[i]!.stageId);
}

function sameSteps(a: InferStep[], b: InferStep[]): boolean {
  return a.length === b.length && a.every((s, i) => {
    const o = b[i]!;
    return s.title === o.title && s.name === o.name && s.command === o.command && s.sectionTitle === o.sectionTitle && s.stageId === o.stageId;
  });
}

/** Pure: the same checks and steps give the same result (the last one is kept and given again). */
export function inferBindings(checks: InferCheck[], steps: InferStep[]): InferResult {
  if (last && sameChecks(last.checks, checks) && sameSteps(last.steps, steps)) return last.result;
  const result = computeInference(checks, steps);
  last = { checks, steps, result };
  return result;
}

function computeInference(checks: InferCheck[], steps: InferStep[]): InferResult {
  const words = steps.map((s) => stepWords(s));
  // Which steps hold each word, per stage (a check only looks at its own stage's steps and at
  // steps outside any stage): a word every stage shares never makes the walk quadratic. Each
  // holder comes with the weight of the field the word is in, so ranking reads no step's map.
  const pools = new Map<string | null, Map<string, Holders>>();
  words.forEach((w, i) => {
    const stageId = steps[i]!.stageId;
    let pool = pools.get(stageId);
    if (!pool) pools.set(stageId, (pool = new Map()));
    for (const [word, field] of w) {
      const holders = pool.get(word);
      if (holders) {
        holders.steps.push(i);
        holders.weights.push(WEIGHTS[field]);
      } else pool.set(word, { steps: [i], weights: [WEIGHTS[field]] });
    }
  });
  // Sums of word weights per step for the check at hand, reset after each use (no allocation per pair).
  const sums = new Float64Array(steps.length);
  const touched: number[] = [];
  /** The best three steps among the holders of `checkWords` in one pool (a stage, or outside any stage). */
  const topOfPool = (stageId: string | null, checkWords: string[]): Ranked[] => {
    const pool = pools.get(stageId);
    if (!pool) return [];
    touched.length = 0;
    for (const word of checkWords) {
      const holders = pool.get(word);
      if (!holders) continue;
      const { steps: held, weights } = holders;
      for (let h = 0; h < held.length; h++) {
        const si = held[h]!;
        const sum = sums[si]!;
        if (sum === 0) touched.push(si);
        sums[si] = sum + weights[h]!;
      }
    }
    const top: Ranked[] = [];
    for (const si of touched) insertRanked(top, si, sums[si]!);
    for (const si of touched) sums[si] = 0;
    return top;
  };
  // Steps outside any stage are a pool every check looks at: checks with the same words (the same
  // item repeated in many stages) rank that pool once between them.
  const outsideTop = new Map<string, Ranked[]>();
  return decideBindings(checks, steps, words, (check, checkWords) => {
    const wordsKey = checkWords.join('\u0000');
    let outside = outsideTop.get(wordsKey);
    if (!outside) {
      outside = topOfPool(null, checkWords);
      outsideTop.set(wordsKey, outside);
    }
    // A check's own stage and the outside pool are disjoint (a stage id is never empty), so the
    // best three of both together are the best three of their best threes.
    const top: Ranked[] = [];
    for (const r of check.stageId === '' ? outside : [...topOfPool(check.stageId, checkWords), ...outside]) insertRanked(top, r.si, r.sum);
    return top.map((r) => r.si);
  });
}

/** Ranks a check's candidate steps: their indexes, at most three, best first. */
export type RankCandidates = (check: InferCheck, checkWords: string[]) => number[];

/**
 * The decision once each check's best candidates are ranked: bind when confident and not tied
 * (or to two steps when the check names each in other words), else suggest; then a step that
 * several unrelated checks claim stays with the best-scoring one.
 */
export function decideBindings(checks: InferCheck[], steps: InferStep[], words: ReadonlyMap<string, Field>[], rank: RankCandidates): InferResult {
  const best: { check: number; step: number; score: Score; words: string[] }[] = [];
  const disjoint = (a: Score, b: Score): boolean => a.matched.every((m) => !b.matched.some((n) => n.word === m.word));
  const suggestions: Suggestion[] = [];
  checks.forEach((check, ci) => {
    const checkWords = tokens(check.text);
    if (checkWords.length === 0) return;
    const candidates = rank(check, checkWords).map((si) => ({ si, s: score(checkWords, words[si] ?? new Map<string, Field>()) }));
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

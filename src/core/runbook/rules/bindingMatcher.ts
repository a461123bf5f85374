// The inferred binding: which step a check names when the step lives elsewhere in the
// document (001's "Run runtime WS contract tests." is the `cargo test` block titled "Runtime
// WS health" under "4. Monitoring Commands").
//
// Deterministic weighted word overlap. Words are lower-cased, split at punctuation and
// camelCase, stop words and numbers dropped, and stemmed ("tests", "testing" -> "test").
// Each word of the check scores the best field of the step it appears in: the step's title or
// name 1.0, its command 0.6, its section title 0.4; the score is the mean over the check's
// words (0..1). A check binds its best step when
//   score >= BIND_THRESHOLD (0.5), at least two words match (one for a one-word check), one of
//   them in the title or command, and the runner-up scores at least MARGIN (0.1) less.
// Two confident candidates within the margin bind both when they match different words of the
// check ("Create the new index and start the reindex": two steps); otherwise they are ambiguous
// and bind neither. A best step scoring SUGGEST_THRESHOLD (0.3) or more (two words matching)
// that does not bind is offered to the author as "did you mean".

import { memoByText } from '../../text/memoByText';

export const BIND_THRESHOLD = 0.5;
export const SUGGEST_THRESHOLD = 0.3;
export const MARGIN = 0.1;

export type Field = 'title' | 'command' | 'section';
export const WEIGHTS: Record<Field, number> = { title: 1, command: 0.6, section: 0.4 };

const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'into', 'onto', 'in', 'on', 'and', 'or', 'for', 'with', 'at', 'by', 'from', 'is', 'are', 'be',
  'it', 'its', 'that', 'this', 'these', 'those', 'as', 'so', 'than', 'then', 'there', 'here', 'their', 'if', 'when', 'before',
  'after', 'up', 'down', 'out', 'via', 'using', 'use', 'each', 'every', 'all', 'any', 'only', 'per', 'no', 'not', 'do', 'does',
  'can', 'will', 'should', 'must', 'run', 'rerun', 'execute', 'verify', 'validate', 'check', 'ensure', 'confirm', 'make', 'sure',
  'pass', 'green', 'step', 'command', 'new', 'now', 'again', 'remain', 'still', 'have', 'has', 'get', 'set', 'see', 'note',
  'sh', 'bash', 'echo', 'true', 'false', 'null', 'json', 'jq', 'http', 'https', 'www', 'com',
  'match', 'between', 'against', 'compare', 'same', 'equal', 'old', 'while', 'during', 'also', 'we', 'you', 'our',
]);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed') && !word.endsWith('eed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Distinct content words of `text`, stemmed, in order (memoised; never mutated). */
export const tokens = memoByText((text: string): string[] => {
  const seen = new Set<string>();
  for (const raw of text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || /^\d+$/.test(raw) || STOP_WORDS.has(raw)) continue;
    const word = stem(raw);
    if (!STOP_WORDS.has(word)) seen.add(word);
  }
  return [...seen];
});

export interface StepDescriptor {
  title: string;
  /** The step's name annotation, read like its title. */
  name: string | null;
  command: string;
  sectionTitle: string | null;
}

const stepWordCache = new Map<string, ReadonlyMap<string, Field>>();

/** Each word of a step with the best field it appears in (memoised by the step's texts; never mutated). */
export function stepWords(step: StepDescriptor): ReadonlyMap<string, Field> {
  const key = `${step.title}\u0000${step.name ?? ''}\u0000${step.sectionTitle ?? ''}\u0000${step.command}`;
  const known = stepWordCache.get(key);
  if (known) return known;
  if (stepWordCache.size > 20_000) stepWordCache.clear();
  const words = computeStepWords(step);
  stepWordCache.set(key, words);
  return words;
}

function computeStepWords(step: StepDescriptor): Map<string, Field> {
  const words = new Map<string, Field>();
  const add = (text: string | null, field: Field): void => {
    if (!text) return;
    for (const word of tokens(text)) {
      const had = words.get(word);
      if (!had || WEIGHTS[had] < WEIGHTS[field]) words.set(word, field);
    }
  };
  add(step.sectionTitle, 'section');
  add(step.command, 'command');
  add(step.title, 'title');
  add(step.name, 'title');
  return words;
}

export interface Score {
  score: number;
  matched: { word: string; field: Field }[];
}

export function score(checkWords: string[], step: ReadonlyMap<string, Field>): Score {
  const matched: Score['matched'] = [];
  let sum = 0;
  for (const word of checkWords) {
    const field = step.get(word);
    if (!field) continue;
    matched.push({ word, field });
    sum += WEIGHTS[field];
  }
  return { score: checkWords.length === 0 ? 0 : Math.round((sum / checkWords.length) * 100) / 100, matched };
}

/** Whether a score is strong enough to bind on its own (margin aside). */
export function confident(checkWords: string[], s: Score): boolean {
  const strong = s.matched.filter((m) => m.field !== 'section').length;
  return s.score >= BIND_THRESHOLD && s.matched.length >= Math.min(2, checkWords.length) && strong > 0;
}

/** "runtime, ws (title); test (command)". */
export function describeMatch(s: Score): string {
  const byField = (['title', 'command', 'section'] as Field[])
    .map((field) => [field, s.matched.filter((m) => m.field === field).map((m) => m.word)] as const)
    .filter(([, words]) => words.length > 0)
    .map(([field, words]) => `${words.join(', ')} (${field})`);
  return byField.join('; ');
}

/** How alike two checks' words are (Jaccard): 1 for the same words. */
export function likeness(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const set = new Set(a);
  const shared = b.filter((w) => set.has(w)).length;
  return shared / (a.length + b.length - shared);
}

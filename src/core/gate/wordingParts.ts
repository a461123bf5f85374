// What the wording of reasons (wording.ts) and of remedies (remedyWording.ts) share: the words
// of one call (vocabulary, context, style), sentences, and the names of what a reason is about.
import { PLAIN_STYLE } from './wordingStyle';
import type { Vocabulary, WordingContext, WordingOptions } from './wordingStyle';

export interface Words {
  vocabulary: Vocabulary;
  context: WordingContext;
  code: (text: string) => string;
  text: (text: string) => string;
}

export function words(vocabulary: Vocabulary, options: WordingOptions = {}): Words {
  const style = options.style ?? PLAIN_STYLE;
  return { vocabulary, context: options.context ?? {}, code: (t) => style.code(t), text: (t) => style.text(t) };
}

/** A command's first line ("for i in …; do …" stays readable in a sentence). */
export function commandLine(command: string): string {
  const lines = command.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const first = (lines[0] ?? '').replace(/\s*\\$/, '');
  return lines.length > 1 ? `${first} …` : first;
}

export function unsentence(text: string): string {
  return text.trim().replace(/[.:;]+$/, '');
}

export function sentence(w: Words, text: string): string {
  if (w.vocabulary !== 'report') return text;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

// ---- names ------------------------------------------------------------------------------

function stageOf(w: Words, stageId: string) {
  return byId(w.context.stages).get(stageId);
}

/** "Stage 2" (marker and key) where the runbook numbers it, else its label, else its id. */
export function stageShort(w: Words, stageId: string | null, key: string | null = null): string {
  if (stageId === null) return w.text('the run');
  const stage = stageOf(w, stageId);
  if (stage?.marker && stage.key) return w.text(`${stage.marker} ${stage.key}`);
  if (stage) return w.text(stage.label);
  return key ? w.text(`Stage ${key}`) : w.code(stageId);
}

/** What `--stage` takes: the number as written when there is one, else the id. */
export function stageArg(w: Words, stageId: string | null, key: string | null): string {
  return stageOf(w, stageId ?? '')?.key ?? key ?? stageId ?? '';
}

export function checkText(w: Words, checkId: string, fallback?: string): string {
  return unsentence(fallback ?? byId(w.context.checks).get(checkId)?.text ?? checkId);
}

export function gateTitle(w: Words, gateId: string, fallback?: string): string {
  return fallback ?? byId(w.context.gates).get(gateId)?.title ?? gateId;
}

const indexes = new WeakMap<ReadonlyArray<{ id: string }>, { length: number; map: Map<string, unknown> }>();
const NO_ITEMS = new Map<string, never>();

/**
 * A context list by id (the first of each, as find gives), made once per list and again if
 * it grew: a No-Go run of a long runbook has a reason for each of thousands of checks and gates.
 */
export function byId<T extends { id: string }>(items: ReadonlyArray<T> | undefined): ReadonlyMap<string, T> {
  if (!items) return NO_ITEMS;
  const known = indexes.get(items);
  if (known && known.length === items.length) return known.map as Map<string, T>;
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  indexes.set(items, { length: items.length, map });
  return map;
}

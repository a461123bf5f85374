// Stage lines: headings or list items that read `Stage 0: …`, `Stage A (0%)`,
// `### Stage A — internal (0%)`, `Stage E`, `Stage 2+`, `Phase 2 - …`, `Step 3 (…)`,
// `Wave 1`, `Ring 0`, `Canary …`. Not narrative lines ("Phase 1: I shipped the schema"),
// and not prose items ("Step 3 of the plan"). Ids and labels are made here too.
import { shortSlug, stripNumbering, truncate } from './text';

export interface StageMarker {
  /** The word as a report prints it: Stage, Phase, Step, Wave, Ring, Canary. */
  marker: string;
  /** As written: "0", "A", "2+", "2a"; null for "Stage: Canary" or "Canary". */
  key: string | null;
  /** The number in the key ("2+" -> 2), null for letters and named stages. */
  number: number | null;
  title: string;
  /** The line as written, numbering dropped: the label of a named stage. */
  written: string;
}

const MARKER = /^(stage|phase|step|wave|ring|canary)\b[ \t]*/i;
const DIGIT_KEY = /^(\d+(?:\.\d+)?[a-z]?\+?)(?!\w|\.\d)/;
// One capital letter: "Stage A", "Stage E"; not "Stage Alpha" nor the article in "stage a rollback".
const LETTER_KEY = /^([A-Z])(?=$|[\s:.)\-–—(,])/;
const PUNCT = /^[ \t]*([:.)\-–—(]|$)/;

const FIRST_PERSON = /^(?:\S+\s+){0,2}(?:i|we|i've|we've|i'd|we'd|i'm|we're|i'll|we'll|my|our)(?=[\s,.;:!?]|$)/i;
const PAST_TENSE = /^(?:shipped|deployed|migrated|completed|finished|fixed|found|discovered|learned|noticed|started|rolled|reverted|merged|landed|released|moved|switched|ran|did|was|were|had|went|got|saw|tried|broke|caught|cut)\b/i;

/** A stage title that tells what happened ("I shipped…", "Rolled back at 14:02") rather than what to do. */
export function isNarrative(title: string): boolean {
  const t = title.trim().replace(/^["'“‘]/, '');
  return FIRST_PERSON.test(t) || PAST_TENSE.test(t);
}

/**
 * The stage a heading or list item names, or null. List items need a key followed by
 * punctuation or nothing ("Step 3 of the plan" is prose); headings may also read
 * "Phase 1 Preparation", "Stage: Canary" or "Canary analysis".
 */
export function parseStageMarker(text: string, isHeading: boolean): StageMarker | null {
  const line = stripNumbering(text.trim());
  const m = MARKER.exec(line);
  if (!m) return null;
  const word = (m[1] ?? '').toLowerCase();
  const marker = word.charAt(0).toUpperCase() + word.slice(1);
  let rest = line.slice(m[0].length);
  const keyMatch = DIGIT_KEY.exec(rest) ?? LETTER_KEY.exec(rest);
  const key = keyMatch ? (keyMatch[1] ?? null) : null;
  if (keyMatch) rest = rest.slice(keyMatch[0].length);
  const punctMatch = PUNCT.exec(rest);
  const punct = punctMatch ? (punctMatch[1] ?? '') : undefined;
  if (key === null) {
    // "Step-by-step notes" and "Stage directions" are not stages; a "Canary analysis" heading is.
    if (!isHeading || (marker !== 'Canary' && punct !== ':')) return null;
  } else if (!isHeading && punct === undefined) {
    return null;
  }
  if (punctMatch) rest = rest.slice(punctMatch[0].length);
  let title = rest.trim();
  // "Stage 0 (gate preflight): PASS": the parenthesis is the title, the rest a status.
  if (punct === '(') title = title.includes(')') ? title.slice(0, title.indexOf(')')) : title;
  title = title.replace(/^[:\-–—]\s*/, '').trim();
  if (title.length > 0 && isNarrative(title)) return null;
  return { marker, key, number: key !== null && /^\d/.test(key) ? Number.parseFloat(key) : null, title, written: line };
}

/** "0" -> "stage-0", "A" -> "stage-a", "2+" -> "stage-2plus"; named: "canary", "stage-canary". */
export function stageBaseId(marker: StageMarker): string {
  if (marker.key !== null) return `stage-${marker.key.toLowerCase().replace(/\+/g, 'plus').replace(/\./g, '-')}`;
  return shortSlug(`${marker.marker} ${marker.title}`, 4) || marker.marker.toLowerCase();
}

/** As reports print it: "Stage 0 (Gate preflight)", "Stage A — internal (0%)", "Canary (5%)". */
export function stageLabel(marker: StageMarker): string {
  const head = marker.key !== null ? `${marker.marker} ${marker.key}` : marker.marker;
  if (marker.title.length === 0) return head;
  if (marker.key === null) return marker.written;
  return /[()]/.test(marker.title) ? `${head} — ${marker.title}` : `${head} (${marker.title})`;
}

/** Order of keys for the stage-order check: digits by value then suffix ("2" < "2a" < "2+"); letters A..Z. */
const orderKeys = new Map<string, { family: 'digit' | 'letter'; rank: number } | null>();

export function stageOrderKey(key: string): { family: 'digit' | 'letter'; rank: number } | null {
  let order = orderKeys.get(key);
  if (order === undefined) {
    order = computeOrderKey(key);
    if (orderKeys.size < 10_000) orderKeys.set(key, order);
  }
  return order;
}

function computeOrderKey(key: string): { family: 'digit' | 'letter'; rank: number } | null {
  const digits = /^(\d+(?:\.\d+)?)([a-z]?)(\+?)$/.exec(key);
  if (digits) {
    const suffix = digits[2] ? digits[2].charCodeAt(0) - 96 : 0;
    return { family: 'digit', rank: Number(digits[1]) * 100 + suffix + (digits[3] ? 50 : 0) };
  }
  if (/^[A-Z]$/.test(key)) return { family: 'letter', rank: key.charCodeAt(0) };
  return null;
}

/** A stage's title from its list item: "Internal users (0%) — hold 60 minutes" -> "Internal users (0%)". */
export function stageLead(text: string): string {
  return truncate(text.split(/\s+[—–-]\s+|:\s|;\s|\.\s/)[0]?.replace(/[.:]$/, '').trim() ?? text, 60);
}

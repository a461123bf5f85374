// Finds secret forms in bytes. A byte that cannot start any form is passed over with two table
// reads, so ordinary output costs a loop over its bytes; a possible start is tried against the
// forms that can begin with it, leftmost first and longest at one place.
import type { SecretForm, Spelling } from './secretForms';
import { ESC, ESCAPE_INCOMPLETE, escapeLength, MAX_ESCAPE_LENGTH } from './terminalEscape';

/** Bytes of escape sequences and line breaks one match may step over: bounds what is held back. */
export const MAX_SKIPPED = 4 * MAX_ESCAPE_LENGTH;

const CR = 0x0d;
const LF = 0x0a;
const NO_MATCH = -1;
const NEEDS_MORE = -2;

export interface ScanResult {
  /** Start and end offsets of each match, in order, none overlapping. */
  spans: number[];
  /**
   * Bytes before this are settled. After it a form may be under way that needs more input to
   * tell (never when scanning a final text): hold them back and scan them again with what follows.
   */
  settled: number;
}

export class FormMatcher {
  /**
   * The forms that may start with two bytes: formLists[firstPair[first << 8 | second]] (0: none).
   * The last byte of an input, which has no successor yet, uses firstByte the same way.
   */
  private readonly firstPair = new Uint16Array(65536);
  private readonly firstByte = new Uint16Array(256);
  private readonly formLists: SecretForm[][] = [[]];
  /** The most bytes one match can cover (every unit at its longest spelling, plus skips); a scan holds back at most twice this. */
  readonly maxSpan: number;
  private stack = new Int32Array(192);

  constructor(private readonly forms: readonly SecretForm[]) {
    let maxSpan = 0;
    for (const form of forms) {
      const span = form.units.reduce((n, unit) => n + Math.max(...unit.map((s) => s.upper.length)), 0);
      maxSpan = Math.max(maxSpan, span + MAX_SKIPPED);
      for (const [first, second] of startPairs(form)) {
        this.add(this.firstByte, first, form);
        if (second >= 0) this.add(this.firstPair, (first << 8) | second, form);
        else for (let any = 0; any < 256; any++) this.add(this.firstPair, (first << 8) | any, form);
      }
    }
    this.maxSpan = maxSpan;
  }

  /** Adds the form to the list at table[key], sharing lists between keys with the same forms. */
  private add(table: Uint16Array, key: number, form: SecretForm): void {
    const current = this.formLists[table[key]!]!;
    if (current.includes(form)) return;
    const wanted = [...current, form];
    let slot = this.formLists.findIndex((list) => list.length === wanted.length && list.every((f, k) => f === wanted[k]));
    if (slot < 0) slot = this.formLists.push(wanted) - 1;
    table[key] = slot;
  }

  get empty(): boolean {
    return this.forms.length === 0;
  }

  /**
   * Finds matches in bytes[0..end); `final` when no more bytes will follow. Matches that
   * overlap (one secret's end is another's start) become one span, so neither shows through.
   */
  scan(bytes: Uint8Array, end: number, final: boolean): ScanResult {
    const spans: number[] = [];
    const { firstByte, firstPair, formLists } = this;
    let spanStart = -1;
    let spanEnd = -1;
    for (let i = nextStart(firstPair, bytes, 0, end); i < end; i = nextStart(firstPair, bytes, i + 1, end)) {
      // The last byte has no successor yet: the forms that may start with it alone.
      const slot = i + 1 < end ? firstPair[(bytes[i]! << 8) | bytes[i + 1]!]! : firstByte[bytes[i]!]!;
      if (slot === 0) continue;
      if (spanEnd >= 0 && i >= spanEnd) {
        spans.push(spanStart, spanEnd);
        spanStart = spanEnd = -1;
      }
      const candidates = formLists[slot]!;
      let longest = NO_MATCH;
      let needsMore = false;
      for (let f = 0; f < candidates.length; f++) {
        const result = this.matchAt(candidates[f]!, bytes, i, end, final);
        if (result === NEEDS_MORE) needsMore = true;
        else if (result > longest) longest = result;
      }
      if (needsMore) {
        if (spanStart < 0) return { spans, settled: i };
        // An open span may still grow from here: it waits with what follows, unless a chain of
        // overlapping matches (secret "aaaaaaaa" in a run of a) made it long: memory stays
        // bounded, and a match cut there may show a piece shorter than its secret.
        if (end - spanStart <= 2 * this.maxSpan) return { spans, settled: spanStart };
        spans.push(spanStart, spanEnd);
        return { spans, settled: spanEnd };
      }
      if (longest <= i) continue;
      if (spanStart < 0) spanStart = i;
      spanEnd = Math.max(spanEnd, longest);
    }
    if (spanStart >= 0) spans.push(spanStart, spanEnd);
    return { spans, settled: end };
  }

  /**
   * The end of the longest match of `form` at `start`, NO_MATCH, or NEEDS_MORE when the bytes
   * ran out while a match (or a longer one) was still possible. A depth-first walk over
   * (unit, position) states; each state is visited once, so an ambiguous spelling ('%' or
   * '%25' for a '%') cannot blow up.
   */
  private matchAt(form: SecretForm, bytes: Uint8Array, start: number, end: number, final: boolean): number {
    const { units, required, lineBreaks } = form;
    let longest = NO_MATCH;
    let needsMore = false;
    this.depth = 0;
    this.visited = null;
    this.origin = start;
    this.push(0, start, 0);
    while (this.depth > 0) {
      const stack = this.stack;
      const skipped = stack[--this.depth]!;
      const pos = stack[--this.depth]!;
      const unit = stack[--this.depth]!;
      if (unit === units.length) continue;
      if (pos >= end) {
        needsMore ||= !final;
        continue;
      }
      if (unit > 0) {
        const byte = bytes[pos]!;
        if (byte === ESC) {
          const length = escapeLength(bytes, pos, end);
          if (length === ESCAPE_INCOMPLETE) needsMore ||= !final;
          else if (length > 0 && skipped + length <= MAX_SKIPPED) this.push(unit, pos + length, skipped + length);
        } else if (lineBreaks && (byte === LF || byte === CR) && skipped < MAX_SKIPPED) {
          this.push(unit, pos + 1, skipped + 1);
        }
      }
      const spellings = units[unit]!;
      for (let s = 0; s < spellings.length; s++) {
        const spelling = spellings[s]!;
        const matched = spellingLength(spelling, bytes, pos, end);
        if (matched === spelling.upper.length) {
          // A match ends after a unit, never after a skipped escape or line break.
          if (unit + 1 >= required && pos + matched > longest) longest = pos + matched;
          this.push(unit + 1, pos + matched, skipped);
        } else if (pos + matched >= end) needsMore ||= !final;
      }
    }
    return needsMore ? NEEDS_MORE : longest;
  }

  // The walk's stack of (unit, position, skipped bytes) triples, reused across calls.
  private depth = 0;
  private visited: Set<number> | null = null;
  private origin = 0;

  private push(unit: number, pos: number, skipped: number): void {
    if (this.depth > 0) {
      // A second pending state: from here on, states are remembered so none is walked twice.
      if (this.visited === null) {
        this.visited = new Set();
        for (let k = 0; k < this.depth; k += 3) this.visited.add(stateKey(this.stack[k]!, this.stack[k + 1]! - this.origin));
      }
      const key = stateKey(unit, pos - this.origin);
      if (this.visited.has(key)) return;
      this.visited.add(key);
    }
    if (this.depth + 3 > this.stack.length) {
      const grown = new Int32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    this.stack[this.depth++] = unit;
    this.stack[this.depth++] = pos;
    this.stack[this.depth++] = skipped;
  }
}

function stateKey(unit: number, offset: number): number {
  return unit * 0x1000000 + offset;
}

/** The first position from `from` whose two bytes may start a form, or the last byte, or `end`. */
function nextStart(firstPair: Uint16Array, bytes: Uint8Array, from: number, end: number): number {
  const last = end - 1;
  if (from >= last) return from;
  let pair = bytes[from]!;
  for (let i = from; i < last; i++) {
    pair = ((pair << 8) | bytes[i + 1]!) & 0xffff;
    if (firstPair[pair] !== 0) return i;
  }
  return last;
}

/** How many bytes of the spelling match at `pos` (stops at the first mismatch or at `end`). */
function spellingLength(spelling: Spelling, bytes: Uint8Array, pos: number, end: number): number {
  const { upper, lower } = spelling;
  const length = Math.min(upper.length, end - pos);
  let k = 0;
  while (k < length) {
    const byte = bytes[pos + k];
    if (byte !== upper[k] && byte !== lower[k]) break;
    k++;
  }
  return k;
}

/** The (first, second) byte pairs a match of the form may begin with; second -1 for "any". */
function startPairs(form: SecretForm): [number, number][] {
  const pairs: [number, number][] = [];
  const firstUnit = form.units[0] ?? [];
  const next = form.units[1];
  for (const spelling of firstUnit) {
    for (const first of new Set([spelling.upper[0]!, spelling.lower[0]!])) {
      if (spelling.upper.length > 1) {
        for (const second of new Set([spelling.upper[1]!, spelling.lower[1]!])) pairs.push([first, second]);
        continue;
      }
      if (next === undefined || form.required <= 1) {
        pairs.push([first, -1]);
        continue;
      }
      pairs.push([first, ESC]);
      if (form.lineBreaks) pairs.push([first, LF], [first, CR]);
      for (const s of next) pairs.push([first, s.upper[0]!], [first, s.lower[0]!]);
    }
  }
  return pairs;
}

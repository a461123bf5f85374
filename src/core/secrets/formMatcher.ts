// Finds secret forms in bytes. StartFilter rules out almost every position of ordinary output
// with table reads; where a form may begin, the forms that can are tried, leftmost first and
// longest at one place.
import type { SecretForm, Spelling } from './secretForms';
import { StartFilter } from './startFilter';
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
  private readonly starts: StartFilter;
  /** The most bytes one match can cover (every unit at its longest spelling, plus skips); a scan holds back at most twice this. */
  readonly maxSpan: number;
  private stack = new Int32Array(192);

  constructor(private readonly forms: readonly SecretForm[]) {
    this.starts = new StartFilter(forms);
    this.maxSpan = forms.reduce(
      (most, form) => Math.max(most, form.units.reduce((n, unit) => n + Math.max(...unit.map((s) => s.upper.length)), 0) + MAX_SKIPPED),
      0,
    );
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
    const { starts } = this;
    let spanStart = -1;
    let spanEnd = -1;
    for (let i = starts.next(bytes, 0, end); i < end; i = starts.next(bytes, i + 1, end)) {
      const candidates = starts.formsAt(bytes, i, end);
      if (candidates === null) continue;
      if (spanEnd >= 0 && i >= spanEnd) {
        spans.push(spanStart, spanEnd);
        spanStart = spanEnd = -1;
      }
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
    const { units, required, lineBreaks, start: first } = form;
    let longest = NO_MATCH;
    let needsMore = false;
    this.depth = 0;
    this.visited = null;
    this.origin = start;
    this.push(form.start, start, 0);
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
      if (unit > first) {
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

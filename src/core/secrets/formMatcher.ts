// Finds secret forms in bytes. Three table filters (the first two bytes, the third, and bytes no
// form can begin with or follow, stepped over two at a time) pass over ordinary output in a
// tight loop; a possible start is tried against the forms that can begin with it, leftmost
// first and longest at one place.
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
  /** 1 for a byte that no form may begin with or have second. */
  private readonly quiet = new Uint8Array(256).fill(1);
  /** 1 at (slot * 256 + byte) when a form of formLists[slot] may have `byte` third. */
  private readonly thirdByte: Uint8Array;
  /** The most bytes one match can cover (every unit at its longest spelling, plus skips); a scan holds back at most twice this. */
  readonly maxSpan: number;
  private stack = new Int32Array(192);

  constructor(private readonly forms: readonly SecretForm[]) {
    let maxSpan = 0;
    const slotByKey = new Map<string, number>([['', 0]]);
    const keys = [''];
    /** Adds form number `f` to the list at table[key]; equal lists share one slot. */
    const add = (table: Uint16Array, key: number, f: number) => {
      const current = table[key]!;
      if (this.formLists[current]!.includes(forms[f]!)) return;
      const wanted = keys[current] + `${f},`;
      let slot = slotByKey.get(wanted);
      if (slot === undefined) {
        slot = this.formLists.push([...this.formLists[current]!, forms[f]!]) - 1;
        slotByKey.set(wanted, slot);
        keys.push(wanted);
      }
      table[key] = slot;
    };
    const thirds = forms.map(() => new Set<number>());
    forms.forEach((form, f) => {
      const span = form.units.reduce((n, unit) => n + Math.max(...unit.map((s) => s.upper.length)), 0);
      maxSpan = Math.max(maxSpan, span + MAX_SKIPPED);
      for (const [first, second, third] of startPrefixes(form, 3)) {
        this.quiet[first!] = 0;
        if (second === ANY) this.quiet.fill(0);
        else this.quiet[second!] = 0;
        add(this.firstByte, first!, f);
        if (second !== ANY) add(this.firstPair, (first! << 8) | second!, f);
        else for (let any = 0; any < 256; any++) add(this.firstPair, (first! << 8) | any, f);
        if (!mayBeginSkip(second!)) thirds[f]!.add(third!);
      }
    });
    this.maxSpan = maxSpan;
    // The third bytes the forms of each list may have: a second, cheap filter (not applied
    // when the second byte may begin a skip, after which anything can follow).
    this.thirdByte = new Uint8Array(this.formLists.length * 256);
    this.formLists.forEach((list, slot) => {
      for (const form of list) {
        for (const third of thirds[forms.indexOf(form)]!) {
          if (third === ANY) this.thirdByte.fill(1, slot * 256, slot * 256 + 256);
          else this.thirdByte[slot * 256 + third] = 1;
        }
      }
    });
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
    const { firstByte, firstPair, formLists, thirdByte, quiet } = this;
    let spanStart = -1;
    let spanEnd = -1;
    for (let i = nextStart(firstPair, quiet, bytes, 0, end); i < end; i = nextStart(firstPair, quiet, bytes, i + 1, end)) {
      // The last byte has no successor yet: the forms that may start with it alone.
      const slot = i + 1 < end ? firstPair[(bytes[i]! << 8) | bytes[i + 1]!]! : firstByte[bytes[i]!]!;
      if (slot === 0 || (i + 2 < end && !mayBeginSkip(bytes[i + 1]!) && thirdByte[slot * 256 + bytes[i + 2]!] === 0)) continue;
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

/**
 * The first position from `from` whose two bytes may start a form, or the last byte, or `end`.
 * A byte that can neither begin a form nor follow its first byte (`quiet`) rules out both pairs
 * it belongs to, so the loop steps over two bytes at once.
 */
function nextStart(firstPair: Uint16Array, quiet: Uint8Array, bytes: Uint8Array, from: number, end: number): number {
  const last = end - 1;
  let i = from;
  while (i < last) {
    const second = bytes[i + 1]!;
    if (quiet[second] === 1) i += 2;
    else if (firstPair[(bytes[i]! << 8) | second] !== 0) return i;
    else i++;
  }
  return Math.min(i, end);
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

function mayBeginSkip(byte: number): boolean {
  return byte === ESC || byte === LF || byte === CR;
}

/** Any byte may stand at this offset of a start prefix. */
const ANY = -1;

/**
 * The first `depth` bytes a match of the form may begin with, each a byte or ANY (a match that
 * may end sooner, or an escape sequence, leaves the following bytes open).
 */
function startPrefixes(form: SecretForm, depth: number): number[][] {
  const prefixes: number[][] = [];
  const open = (prefix: number[]) => prefixes.push([...prefix, ...new Array<number>(depth - prefix.length).fill(ANY)]);
  const walk = (unit: number, prefix: number[]): void => {
    if (prefix.length >= depth) return void prefixes.push(prefix);
    if (unit >= form.required) open(prefix);
    if (unit === form.units.length) return;
    if (unit > 0) {
      open([...prefix, ESC]);
      if (form.lineBreaks) for (const lineBreak of [LF, CR]) walk(unit, [...prefix, lineBreak]);
    }
    for (const spelling of form.units[unit]!) {
      const spell = (k: number, sofar: number[]): void => {
        if (k === spelling.upper.length) return walk(unit + 1, sofar);
        if (sofar.length >= depth) return void prefixes.push(sofar);
        for (const byte of new Set([spelling.upper[k]!, spelling.lower[k]!])) spell(k + 1, [...sofar, byte]);
      };
      spell(0, prefix);
    }
  };
  walk(0, []);
  return prefixes;
}

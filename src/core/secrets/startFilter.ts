// Where in a byte stream a secret form may begin, decided with table reads so the matcher is
// only called where it has a chance:
//   1. next(): the three bytes at each position, rolled along, must be the beginning of some
//      form (a hashed bit set, escape sequences and line breaks included): one hash and one
//      bit per byte of ordinary output;
//   2. formsAt(): the first two bytes pick the forms that may begin with them, and the first
//      four visible bytes (escape sequences, and for wrapped forms line breaks, left out) must
//      be the beginning of one of them (another hashed bit set).
import type { SecretForm } from './secretForms';
import { ESC, escapeLength } from './terminalEscape';

const CR = 0x0d;
const LF = 0x0a;
/** Any byte may stand at this offset of a beginning. */
const ANY = -1;
/** 2^22 bits (512 KiB): few false hits among the thousands of beginnings of a handful of secrets. */
const TRIPLE_SHIFT = 10;
const TRIPLE_BITS = 2 ** (32 - TRIPLE_SHIFT);
const QUAD_SHIFT = 12;
const QUAD_BITS = 2 ** (32 - QUAD_SHIFT);
const ALL_BYTES = Array.from({ length: 256 }, (_, byte) => byte);
/** The bytes that may follow ESC in a sequence (escapeLength). */
const AFTER_ESC = ALL_BYTES.filter((byte) => byte >= 0x20 && byte <= 0x7e);

// What the forms of a list are checked against in formsAt.
const HAS_PLAIN = 1;
const HAS_WRAPPED = 2;
const UNFILTERED = 4;

export class StartFilter {
  /** Hashed three-byte beginnings of every form. */
  private readonly triples = new Uint32Array(TRIPLE_BITS / 32);
  /** The forms that may begin with two bytes: formLists[firstPair[first << 8 | second]] (0: none). */
  private readonly firstPair = new Uint16Array(65536);
  /** The same for the last byte of an input, which has no successor yet. */
  private readonly firstByte = new Uint16Array(256);
  private readonly formLists: SecretForm[][] = [[]];
  /** Hashed four-byte beginnings of forms without line breaks, and of wrapped ones. */
  private readonly plainQuads = new Uint32Array(QUAD_BITS / 32);
  private readonly wrappedQuads = new Uint32Array(QUAD_BITS / 32);
  /** HAS_PLAIN | HAS_WRAPPED | UNFILTERED per form list. */
  private readonly listChecks: Uint8Array;

  constructor(forms: readonly SecretForm[]) {
    const slotByKey = new Map<string, number>([['', 0]]);
    const members: number[][] = [[]];
    /** Adds form number f to the list at table[key]; equal lists share a slot. */
    const add = (table: Uint16Array, key: number, f: number) => {
      const current = table[key]!;
      if (members[current]!.includes(f)) return;
      const wanted = [...members[current]!, f];
      let slot = slotByKey.get(wanted.join());
      if (slot === undefined) {
        slot = this.formLists.push(wanted.map((k) => forms[k]!)) - 1;
        slotByKey.set(wanted.join(), slot);
        members.push(wanted);
      }
      table[key] = slot;
    };
    const checks = forms.map((form) => (form.lineBreaks ? HAS_WRAPPED : HAS_PLAIN));
    forms.forEach((form, f) => {
      for (const [first, second, third] of beginnings(form, 3, true) as [number, number, number][]) {
        add(this.firstByte, first, f);
        for (const b of second === ANY ? ALL_BYTES : [second]) {
          add(this.firstPair, (first << 8) | b, f);
          for (const c of third !== ANY ? [third] : b === ESC ? AFTER_ESC : ALL_BYTES) setBit(this.triples, hashTriple(first, b, c));
        }
      }
      for (const quad of beginnings(form, 4, false)) {
        // A form that may end within four bytes, or holds an ESC itself, is not filtered here.
        if (quad.includes(ANY) || quad.includes(ESC)) checks[f]! |= UNFILTERED;
        else setBit(form.lineBreaks ? this.wrappedQuads : this.plainQuads, hashQuad(quad[0]!, quad[1]!, quad[2]!, quad[3]!));
      }
    });
    this.listChecks = Uint8Array.from(members, (list) => list.reduce((all, f) => all | checks[f]!, 0));
  }

  /** The first position from `from` whose three bytes may begin a form; the last two are always returned. */
  next(bytes: Uint8Array, from: number, end: number): number {
    if (from + 2 >= end) return from;
    const { triples } = this;
    let window = (bytes[from]! << 8) | bytes[from + 1]!;
    for (let i = from; i + 2 < end; i++) {
      window = ((window << 8) | bytes[i + 2]!) & 0xffffff;
      if (hasBit(triples, hashWindow(window))) return i;
    }
    return end - 2;
  }

  /** The forms that may begin at `at`, or null. */
  formsAt(bytes: Uint8Array, at: number, end: number): readonly SecretForm[] | null {
    const slot = at + 1 < end ? this.firstPair[(bytes[at]! << 8) | bytes[at + 1]!]! : this.firstByte[bytes[at]!]!;
    if (slot === 0) return null;
    const checks = this.listChecks[slot]!;
    if (checks & UNFILTERED) return this.formLists[slot]!;
    if (at + 3 < end && !maySkip(bytes[at + 1]!) && !maySkip(bytes[at + 2]!) && !maySkip(bytes[at + 3]!)) {
      const quad = hashQuad(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
      const plain = (checks & HAS_PLAIN) !== 0 && hasBit(this.plainQuads, quad);
      return plain || ((checks & HAS_WRAPPED) !== 0 && hasBit(this.wrappedQuads, quad)) ? this.formLists[slot]! : null;
    }
    const plain = (checks & HAS_PLAIN) !== 0 && mayBegin(this.plainQuads, visibleQuad(bytes, at, end, false));
    const wrapped = (checks & HAS_WRAPPED) !== 0 && mayBegin(this.wrappedQuads, visibleQuad(bytes, at, end, true));
    return plain || wrapped ? this.formLists[slot]! : null;
  }
}

function maySkip(byte: number): boolean {
  return byte === ESC || byte === LF || byte === CR;
}

function mayBegin(quads: Uint32Array, quad: number): boolean {
  return quad < 0 || hasBit(quads, quad);
}

/**
 * hashQuad of the first four bytes from `at` with complete escape sequences left out (they can
 * only stand between units), and line breaks too for wrapped forms; -1 when the bytes run out
 * first.
 */
function visibleQuad(bytes: Uint8Array, at: number, end: number, wrapped: boolean): number {
  let quad = bytes[at]!;
  let count = 1;
  for (let pos = at + 1; count < 4; ) {
    if (pos >= end) return -1;
    const byte = bytes[pos]!;
    if (byte === ESC) {
      const length = escapeLength(bytes, pos, end);
      if (length < 0) return -1;
      if (length > 0) {
        pos += length;
        continue;
      }
    } else if (wrapped && (byte === LF || byte === CR)) {
      pos++;
      continue;
    }
    quad = (quad << 8) | byte;
    count++;
    pos++;
  }
  return hashQuad(quad >>> 24, (quad >>> 16) & 255, (quad >>> 8) & 255, quad & 255);
}

function hashTriple(a: number, b: number, c: number): number {
  return hashWindow((a << 16) | (b << 8) | c);
}

function hashWindow(threeBytes: number): number {
  return Math.imul(threeBytes, 0x9e3779b1) >>> TRIPLE_SHIFT;
}

function hashQuad(a: number, b: number, c: number, d: number): number {
  return Math.imul((a << 24) | (b << 16) | (c << 8) | d, 0x9e3779b1) >>> QUAD_SHIFT;
}

function setBit(bits: Uint32Array, bit: number): void {
  bits[bit >>> 5]! |= 1 << (bit & 31);
}

function hasBit(bits: Uint32Array, bit: number): boolean {
  return (bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

/**
 * The first `depth` bytes a match of the form may begin with, each a byte or ANY (the match may
 * end sooner; or, `withSkips`, an escape sequence leaves the following bytes open).
 */
function beginnings(form: SecretForm, depth: number, withSkips: boolean): number[][] {
  const found: number[][] = [];
  const open = (prefix: number[]) => found.push([...prefix, ...new Array<number>(depth - prefix.length).fill(ANY)]);
  const walk = (unit: number, prefix: number[]): void => {
    if (prefix.length >= depth) return void found.push(prefix);
    if (unit >= form.required) open(prefix);
    if (unit === form.units.length) return;
    if (withSkips && unit > form.start) {
      open([...prefix, ESC]);
      if (form.lineBreaks) for (const lineBreak of [LF, CR]) walk(unit, [...prefix, lineBreak]);
    }
    for (const spelling of form.units[unit]!) {
      const spell = (k: number, sofar: number[]): void => {
        if (k === spelling.upper.length) return walk(unit + 1, sofar);
        if (sofar.length >= depth) return void found.push(sofar);
        for (const byte of new Set([spelling.upper[k]!, spelling.lower[k]!])) spell(k + 1, [...sofar, byte]);
      };
      spell(0, prefix);
    }
  };
  walk(form.start, []);
  return found;
}

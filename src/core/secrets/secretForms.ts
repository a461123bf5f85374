// The forms in which a secret value reaches a log, as byte patterns the masker looks for:
//   text   the value itself, each character also accepted URL-encoded (%XX in either case, `+`
//          for a space: encodeURIComponent, Python's quote and quote_plus) or JSON-escaped
//          (\", \\, \/, \n, \uXXXX), mixed freely, and line breaks in any convention;
//   hex    the UTF-8 bytes in hex, lower or upper case (wrapped, as `xxd -p` prints it);
//   base64 at each of the three alignments inside a larger base64 text (HTTP Basic's
//          base64("user:" + secret)), standard or URL-safe alphabet, optional padding.
// Terminal escape sequences may stand between characters of every form, and base64 may be
// wrapped (line breaks between its characters). A value's beginning or end on its own (at
// least half of it) is masked too: see textForms.
import { concatBytes } from '../text/bytes';

/** Values shorter than this are not masked at all: masking "a" or "yes" would shred every log. */
export const MIN_SECRET_LENGTH = 4;
/**
 * A derived form (hex, a base64 core) shorter than this is not looked for: short encoded runs
 * occur by chance in hashes and base64 data.
 */
export const MIN_ENCODED_LENGTH = 8;
/** A piece of a value is masked on its own from this many characters (and half the value). */
export const MIN_FRAGMENT_LENGTH = 8;
/** Longer values (certificate chains, big keys) are masked whole and line by line, not piece by piece: JWTs and tokens fit. */
export const MAX_FRAGMENTED_LENGTH = 2048;

/** One way to write one unit: bytes, each position accepting `upper[k]` or `lower[k]`. */
export interface Spelling {
  readonly upper: Uint8Array;
  readonly lower: Uint8Array;
}

export interface SecretForm {
  readonly kind: 'text' | 'fragment' | 'hex' | 'base64';
  /** One entry per character (text), byte (hex) or base64 digit; each lists its spellings. */
  readonly units: readonly (readonly Spelling[])[];
  /** The unit a match begins with (a fragment may begin inside the value). */
  readonly start: number;
  /**
   * A match ends once units[start..required) matched; the units after extend it when present
   * (base64's last digit and padding, the rest of a fragment).
   */
  readonly required: number;
  /** Line breaks may stand between units (base64 wrapped at 64 or 76 columns, xxd -p at 60). */
  readonly lineBreaks: boolean;
}

const encoder = new TextEncoder();
const HEX_UPPER = '0123456789ABCDEF';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function exact(text: string): Spelling {
  const bytes = encoder.encode(text);
  return { upper: bytes, lower: bytes };
}

/** A spelling whose letters may be in either case (hex digits). */
function anyCase(text: string): Spelling {
  return { upper: encoder.encode(text.toUpperCase()), lower: encoder.encode(text.toLowerCase()) };
}

function concat(...parts: Spelling[]): Spelling {
  return { upper: concatBytes(parts.map((s) => s.upper)), lower: concatBytes(parts.map((s) => s.lower)) };
}

function pair(upper: string, lower: string): Spelling {
  return { upper: encoder.encode(upper), lower: encoder.encode(lower) };
}

function hexByte(byte: number): string {
  return HEX_UPPER[byte >> 4]! + HEX_UPPER[byte & 15]!;
}

const JSON_SHORT: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t',
};

/** The spellings of one character of a text form (a key's thousands of characters share a few dozen). */
const spellingsByCharacter = new Map<string, Spelling[]>();
function characterSpellings(char: string): Spelling[] {
  let spellings = spellingsByCharacter.get(char);
  if (spellings === undefined) {
    spellings = spellCharacter(char);
    if (spellingsByCharacter.size < 4096) spellingsByCharacter.set(char, spellings);
  }
  return spellings;
}

function spellCharacter(char: string): Spelling[] {
  const utf8 = encoder.encode(char);
  const spellings = [exact(char), anyCase([...utf8].map((b) => '%' + hexByte(b)).join(''))];
  if (char === ' ') spellings.push(exact('+'));
  const short = JSON_SHORT[char];
  if (short) spellings.push(exact(short));
  const json: Spelling[] = [];
  for (let i = 0; i < char.length; i++) json.push(exact('\\u'), anyCase(char.charCodeAt(i).toString(16).padStart(4, '0')));
  spellings.push(concat(...json));
  return unique(spellings);
}

const LINE_BREAK: Spelling[] = ['\n', '\r\n', '\r', '\\n', '\\r\\n', '\\r'].map(exact)
  .concat(['%0A', '%0D%0A', '%0D'].map(anyCase));

export function textForm(value: string): SecretForm {
  const units: Spelling[][] = [];
  for (const part of value.split(/(\r\n|\r|\n)/)) {
    if (part === '\r\n' || part === '\r' || part === '\n') units.push(LINE_BREAK);
    else for (const char of part) units.push(characterSpellings(char));
  }
  return { kind: 'text', units, start: 0, required: units.length, lineBreaks: false };
}

/**
 * The value's text form and, for values up to MAX_FRAGMENTED_LENGTH, its beginnings and ends
 * of at least half the value (and MIN_FRAGMENT_LENGTH) on their own. Two pipes keep no order
 * between them: a secret printed half to stdout, half to stderr can reach the masker the other
 * way round or joined to later output, and each half is still masked.
 */
export function textForms(value: string): SecretForm[] {
  const whole = textForm(value);
  const length = whole.units.length;
  const least = Math.max(MIN_FRAGMENT_LENGTH, Math.floor(length / 2));
  if (length <= least || length > MAX_FRAGMENTED_LENGTH) return [whole];
  // Any beginning of `least` units or more (the whole value included), then every end.
  const forms: SecretForm[] = [{ ...whole, kind: 'fragment', required: least }];
  for (let start = 1; start <= length - least; start++) forms.push({ ...whole, kind: 'fragment', start });
  return forms;
}

export function hexForm(bytes: Uint8Array): SecretForm | null {
  if (bytes.length * 2 < MIN_ENCODED_LENGTH) return null;
  const units = [...bytes].map((b) => HEX_UNITS[b]!);
  return { kind: 'hex', units, start: 0, required: units.length, lineBreaks: true };
}

function base64Digits(bytes: Uint8Array): number[] {
  const digits: number[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    digits.push(chunk >> 18, (chunk >> 12) & 63, (chunk >> 6) & 63, chunk & 63);
  }
  return digits;
}

/** The spellings of each base64 digit: the URL-safe alphabet differs only in '+' and '/'. */
const BASE64_UNITS: Spelling[][] = [...BASE64].map((char) =>
  char === '+' ? [pair('+', '-')] : char === '/' ? [pair('/', '_')] : [exact(char)],
);
const base64Unit = (digit: number): Spelling[] => BASE64_UNITS[digit]!;

const HEX_UNITS: Spelling[][] = Array.from({ length: 256 }, (_, byte) => [anyCase(hexByte(byte))]);

/**
 * The value's bytes preceded by `offset` (0, 1 or 2) other bytes of a base64 text: the digits
 * that hold only the value's bits are required; the digit after them, with zero bits after the
 * value, and padding extend a match when the value ends the encoded data.
 */
export function base64Form(bytes: Uint8Array, offset: 0 | 1 | 2): SecretForm | null {
  const shifted = new Uint8Array(offset + bytes.length);
  shifted.set(bytes, offset);
  const digits = base64Digits(shifted);
  const first = Math.ceil((8 * offset) / 6);
  const whole = Math.floor((8 * shifted.length) / 6);
  if (whole - first < MIN_ENCODED_LENGTH) return null;
  const units = digits.slice(first, whole).map(base64Unit);
  const rest = shifted.length % 3;
  if (rest > 0) {
    units.push(base64Unit(digits[whole]!));
    for (let pad = rest; pad < 3; pad++) units.push([exact('=')]);
  }
  return { kind: 'base64', units, start: 0, required: whole - first, lineBreaks: true };
}

/** Every form of every value long enough to mask. */
export function secretForms(values: readonly string[]): SecretForm[] {
  const encoded: SecretForm[] = [];
  const wholes = new Set<string>();
  const lines = new Set<string>();
  for (const value of new Set(values)) {
    if (value.length < MIN_SECRET_LENGTH) continue;
    // A value read from a file often carries a final newline that its uses do not.
    for (const whole of new Set([value, value.trim()])) {
      if (whole.length < MIN_SECRET_LENGTH) continue;
      wholes.add(whole);
      const bytes = encoder.encode(whole);
      for (const form of [hexForm(bytes), base64Form(bytes, 0), base64Form(bytes, 1), base64Form(bytes, 2)]) {
        if (form) encoded.push(form);
      }
    }
    // A multi-line value (a PEM key) may come back one line at a time.
    if (/[\r\n]/.test(value)) {
      for (const line of value.split(/\r\n|\r|\n/)) if (line.trim().length >= MIN_SECRET_LENGTH) lines.add(line);
    }
  }
  const texts = [...wholes].flatMap(textForms);
  for (const line of lines) if (!wholes.has(line)) texts.push(textForm(line));
  return [...texts, ...encoded];
}

function unique(spellings: Spelling[]): Spelling[] {
  const seen = new Set<string>();
  return spellings.filter((s) => {
    const key = `${s.upper.join(',')}|${s.lower.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

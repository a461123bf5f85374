// Backslash escapes and character references (`&amp;`, `&#35;`, `&#x23;`), decoded as
// micromark decodes them in text, link destinations, titles and fence info strings.
import { NAMED_ENTITIES } from './entityTable';

const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(#(?:\d{1,7}|[xX][\da-fA-F]{1,6})|[\da-zA-Z]{1,31});/g;
const hasOwn = Object.prototype.hasOwnProperty;

/** The character a reference names, or null when it names none (it then stays as written). */
export function decodeReference(body: string): string | null {
  if (body.charCodeAt(0) !== 35) return hasOwn.call(NAMED_ENTITIES, body) ? (NAMED_ENTITIES[body] ?? null) : null;
  const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
  const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  if (
    code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160) || (code > 55295 && code < 57344)
    || (code > 64975 && code < 65008) || (code & 65535) === 65535 || (code & 65535) === 65534 || code > 1114111
  ) return '\uFFFD';
  return String.fromCodePoint(code);
}

export function decodeString(value: string): string {
  if (value.indexOf('\\') < 0 && value.indexOf('&') < 0) return value;
  return value.replace(ESCAPE_OR_REFERENCE, (whole, escaped: string | undefined, reference: string | undefined) =>
    escaped ?? decodeReference(reference ?? '') ?? whole);
}

/** ASCII punctuation, which a backslash may escape. */
export function isEscapable(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** How micromark matches labels: whitespace runs as one space, trimmed, case-folded. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

// The encodings a secret reaches a log in, written the way the tools that produce them do;
// shared by the masking tests.
const utf8 = (text: string) => new TextEncoder().encode(text);
const hex2 = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');

export const base64 = (bytes: Uint8Array | string) => Buffer.from(typeof bytes === 'string' ? utf8(bytes) : bytes).toString('base64');
export const base64url = (text: string) => Buffer.from(text).toString('base64url');
export const hexLower = (text: string) => Buffer.from(text).toString('hex');
export const hexUpper = (text: string) => hexLower(text).toUpperCase();

/** Python's urllib.parse.quote(text, safe): unreserved characters and `safe` kept, the rest %XX. */
export function pythonQuote(text: string, safe = '/'): string {
  return [...utf8(text)]
    .map((b) => {
      const char = String.fromCharCode(b);
      return b < 0x80 && (/[A-Za-z0-9_.~-]/.test(char) || safe.includes(char)) ? char : '%' + hex2(b);
    })
    .join('');
}

/** Python's quote_plus: quote with nothing safe but spaces, which become '+'. */
export const pythonQuotePlus = (text: string) => pythonQuote(text, ' ').replace(/ /g, '+');
export const lowercasePercent = (encoded: string) => encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/** The inside of a JSON string as JSON.stringify writes it. */
export const jsonInner = (text: string) => JSON.stringify(text).slice(1, -1);
/** As PHP and Go's encoders write it: `/` escaped as `\/`, non-ASCII as \uXXXX (Python's ensure_ascii). */
export const jsonAsciiSlashes = (text: string) =>
  jsonInner(text).replace(/\//g, '\\/').replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

/** Lines of at most `width` characters, as `base64 -w 76` or a PEM body (64) writes them. */
export const wrap = (text: string, width: number, newline = '\n') =>
  text.replace(new RegExp(`(.{${width}})(?=.)`, 'g'), `$1${newline}`);

/** Terminal escape codes inserted inside the value (never at its ends), between characters `at`. */
export function withEscapes(text: string, at: number[], codes = ['\x1b[1;31m', '\x1b[0m']): string {
  const chars = Array.from(text);
  const cuts = new Set(at.filter((i) => i > 0 && i < chars.length));
  let k = 0;
  return chars.map((char, i) => (cuts.has(i) ? codes[k++ % codes.length] + char : char)).join('');
}

/**
 * base64(prefix + secret + suffix) with the digits that hold only the secret's bits replaced by
 * ***, and, when the secret ends the data, its last digit and padding too: what the masker
 * must leave.
 */
export function base64Masked(
  prefix: Uint8Array, secret: string, suffix: Uint8Array,
): { encoded: string; masked: string; first: number; last: number } {
  const value = utf8(secret);
  const all = new Uint8Array(prefix.length + value.length + suffix.length);
  all.set(prefix);
  all.set(value, prefix.length);
  all.set(suffix, prefix.length + value.length);
  const encoded = base64(all);
  const first = Math.ceil((8 * prefix.length) / 6);
  const last = suffix.length === 0 ? encoded.length : Math.floor((8 * (prefix.length + value.length)) / 6);
  return { encoded, masked: encoded.slice(0, first) + '***' + encoded.slice(last), first, last };
}

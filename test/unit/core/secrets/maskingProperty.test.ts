import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { OutputStream } from '../../../../src/core/ports';
import { createSecretMasker, type SecretMasker } from '../../../../src/core/secrets/secretMasker';
import {
  base64Masked, hexLower, hexUpper, jsonAsciiSlashes, jsonInner, lowercasePercent, pythonQuote, pythonQuotePlus,
  withEscapes, wrap,
} from './encodings';

const utf8 = (text: string) => new TextEncoder().encode(text);

// Secrets draw from letters, digits, most punctuation, a space and non-ASCII; the filler between
// them from bytes no secret form can start or continue with (invalid UTF-8 among them), so the
// expected log can be written down exactly.
const SECRET_CHARS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  ...'!"$%&\'*+-./:<=>?@[\\]^_`{|}~ ', 'é', '€', '😀',
];
const secretArb = fc
  .string({ unit: fc.constantFrom(...SECRET_CHARS), minLength: 8, maxLength: 40 })
  .filter((s) => s.trim() === s && new Set(s).size >= 5);
const secretsArb = fc
  .uniqueArray(secretArb, { minLength: 1, maxLength: 5 })
  .filter((all) => all.every((a) => all.every((b) => a === b || !a.includes(b))));
const FILLER_BYTES = [0x09, 0x0a, 0x23, 0x28, 0x29, 0x2c, 0x3b, 0x80, 0x9f, 0xa0, 0xbf, 0xf8, 0xfe, 0xff];
const fillerArb = fc.uint8Array({ minLength: 1, maxLength: 12 }).map((b) => b.map((x) => FILLER_BYTES[x % FILLER_BYTES.length]!));

type Encoding =
  | { kind: 'plain' | 'hex' | 'HEX' | 'component' | 'quote' | 'quote_plus' | 'lower%' | 'json' | 'json-ascii' }
  | { kind: 'halves'; between: Uint8Array }
  | { kind: 'ansi'; at: number[] }
  | { kind: 'base64'; prefix: Uint8Array; suffix: Uint8Array; urlSafe: boolean; width: 0 | 64 | 76; newline: '\n' | '\r\n' };

const encodingArb: fc.Arbitrary<Encoding> = fc.oneof(
  fc.constantFrom(...(['plain', 'hex', 'HEX', 'component', 'quote', 'quote_plus', 'lower%', 'json', 'json-ascii'] as const)).map((kind) => ({ kind })),
  fc.array(fc.nat(60), { minLength: 1, maxLength: 3 }).map((at) => ({ kind: 'ansi' as const, at })),
  fillerArb.map((between) => ({ kind: 'halves' as const, between })),
  fc.record({
    kind: fc.constant('base64' as const),
    prefix: fc.uint8Array({ maxLength: 7 }),
    // Suffix bytes from 0x40 keep the digit after the secret from looking like its last digit.
    suffix: fc.uint8Array({ min: 0x40, maxLength: 5 }),
    urlSafe: fc.boolean(),
    width: fc.constantFrom(0 as const, 64 as const, 76 as const),
    newline: fc.constantFrom('\n' as const, '\r\n' as const),
  }),
);

/** The secret in an encoding, and what the masker must turn it into. */
function encode(secret: string, encoding: Encoding): { input: Uint8Array; expected: Uint8Array } {
  if (encoding.kind === 'halves') return halves(secret, encoding.between);
  const { input, expected } = encodeText(secret, encoding);
  return { input: utf8(input), expected: utf8(expected) };
}

/** Each half of a secret of 16 characters or more on its own (as two streams deliver them). */
function halves(secret: string, between: Uint8Array): { input: Uint8Array; expected: Uint8Array } {
  const chars = Array.from(secret);
  if (chars.length < 16) return { input: utf8(secret), expected: utf8('***') };
  const middle = Math.floor(chars.length / 2);
  return {
    input: Buffer.concat([utf8(chars.slice(0, middle).join('')), between, utf8(chars.slice(middle).join(''))]),
    expected: Buffer.concat([utf8('***'), between, utf8('***')]),
  };
}

function encodeText(secret: string, encoding: Exclude<Encoding, { kind: 'halves' }>): { input: string; expected: string } {
  const whole = (input: string) => ({ input, expected: '***' });
  switch (encoding.kind) {
    case 'plain': return whole(secret);
    case 'hex': return whole(hexLower(secret));
    case 'HEX': return whole(hexUpper(secret));
    case 'component': return whole(encodeURIComponent(secret));
    case 'quote': return whole(pythonQuote(secret));
    case 'quote_plus': return whole(pythonQuotePlus(secret));
    case 'lower%': return whole(lowercasePercent(pythonQuote(secret)));
    case 'json': return whole(jsonInner(secret));
    case 'json-ascii': return whole(jsonAsciiSlashes(secret));
    case 'ansi': return whole(withEscapes(secret, encoding.at.map((i) => i % Array.from(secret).length)));
    case 'base64': return base64Case(secret, encoding);
  }
}

function base64Case(secret: string, e: Extract<Encoding, { kind: 'base64' }>): { input: string; expected: string } {
  const { encoded, first, last } = base64Masked(e.prefix, secret, e.suffix);
  const digits = e.urlSafe ? encoded.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : encoded;
  const lines = e.width === 0 ? digits : wrap(digits, e.width, e.newline);
  // Where each digit landed once wrapped: the masked span runs from the first secret digit
  // through the last (line breaks inside it included).
  const at: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i] !== '\r' && lines[i] !== '\n') at.push(i);
  const from = at[first]!;
  const to = last >= digits.length ? lines.length : at[last - 1]! + 1;
  return { input: lines, expected: lines.slice(0, from) + '***' + lines.slice(to) };
}

/** Streams bytes through one OutputMasker cut at `cuts`, chunks alternating streams by `streams`. */
function streamed(masker: SecretMasker, bytes: Uint8Array, cuts: number[], streams: boolean[]): Uint8Array {
  const output = masker.output();
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  [...points, bytes.length].forEach((point, k) => {
    const stream: OutputStream = streams[k % Math.max(1, streams.length)] ? 'stderr' : 'stdout';
    for (const piece of output.push(bytes.subarray(from, point), stream)) parts.push(piece.bytes);
    from = point;
  });
  for (const piece of output.end()) parts.push(piece.bytes);
  return Buffer.concat(parts);
}

const chunkingArb = fc.tuple(fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }));

test('random secrets x encodings (and halves apart) x chunkings: every secret masked, every other byte kept', () => {
  const caseArb = secretsArb.chain((secrets) =>
    fc.record({
      secrets: fc.constant(secrets),
      head: fillerArb,
      items: fc.array(fc.tuple(fc.nat(secrets.length - 1), encodingArb, fillerArb), { minLength: 1, maxLength: 6 }),
      chunking: chunkingArb,
    }),
  );
  fc.assert(
    fc.property(caseArb, ({ secrets, head, items, chunking: [cuts, streams] }) => {
      const input: Uint8Array[] = [head];
      const expected: Uint8Array[] = [head];
      for (const [which, encoding, filler] of items) {
        const encoded = encode(secrets[which]!, encoding);
        input.push(encoded.input, filler);
        expected.push(encoded.expected, filler);
      }
      const out = streamed(createSecretMasker(secrets), Buffer.concat(input), cuts, streams);
      assert.deepEqual(Buffer.from(out), Buffer.concat(expected));
    }),
    { numRuns: 400 },
  );
});

test('streamed masking equals whole masking for any bytes and any chunking', () => {
  fc.assert(
    fc.property(
      secretsArb,
      fc.array(fc.oneof(fc.uint8Array({ maxLength: 20 }), fc.nat(4).map((k) => k)), { maxLength: 12 }),
      chunkingArb,
      (secrets, parts, [cuts, streams]) => {
        // Secrets, their halves and random bytes, in any order.
        const pieces = parts.map((p) => (typeof p === 'number' ? utf8(secrets[p % secrets.length]!.slice(0, p % 2 ? 5 : undefined)) : p));
        const bytes = Buffer.concat(pieces);
        const masker = createSecretMasker(secrets);
        assert.deepEqual(Buffer.from(streamed(masker, bytes, cuts, streams)), Buffer.from(masker.maskBytes(bytes)));
      },
    ),
    { numRuns: 400 },
  );
});

test('where no secret occurs, the log is the output byte for byte (invalid UTF-8 included)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), chunkingArb, (bytes, [cuts, streams]) => {
      const none = createSecretMasker([]);
      assert.deepEqual(Buffer.from(streamed(none, bytes, cuts, streams)), Buffer.from(bytes));
      // With secrets active that the bytes cannot contain (no byte of them is below 0x80).
      const high = bytes.map((b) => b | 0x80);
      const some = createSecretMasker(['correct horse battery staple', 'ghp_0123456789abcdef']);
      assert.deepEqual(Buffer.from(streamed(some, high, cuts, streams)), Buffer.from(high));
    }),
    { numRuns: 300 },
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OutputStream } from '../../../../src/core/ports';
import { createSecretMasker, type MaskedPiece } from '../../../../src/core/secrets/secretMasker';
import { base64, base64Masked, hexLower, jsonAsciiSlashes, pythonQuotePlus, withEscapes, wrap } from './encodings';

const SECRET = 'hunter2~~~s3cr3t/value?';
const masker = createSecretMasker([SECRET]);
const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

type Chunk = [OutputStream, Uint8Array];

/** Streams the chunks through one OutputMasker: the log (both streams in order) and each stream's text. */
function run(chunks: Chunk[], values: string[] = [SECRET]) {
  const output = createSecretMasker(values).output();
  const pieces: MaskedPiece[] = [];
  for (const [stream, bytes] of chunks) pieces.push(...output.push(bytes, stream));
  pieces.push(...output.end());
  const log = Buffer.concat(pieces.map((p) => p.bytes));
  const of = (stream: OutputStream) => text(Buffer.concat(pieces.filter((p) => p.stream === stream).map((p) => p.bytes)));
  return { log, logText: text(log), stdout: of('stdout'), stderr: of('stderr') };
}

const split = (bytes: Uint8Array, cut: number, first: OutputStream = 'stdout', second: OutputStream = first): Chunk[] =>
  [[first, bytes.subarray(0, cut)], [second, bytes.subarray(cut)]];

const STREAMED_FORMS: [string, string, string][] = [
  ['plain', `token ${SECRET} end`, 'token *** end'],
  ['base64', `auth ${base64(SECRET)} end`, 'auth *** end'],
  ['hex', `hex ${hexLower(SECRET)} end`, 'hex *** end'],
  ['quote_plus', `q=${pythonQuotePlus(SECRET)}&x=1`, 'q=***&x=1'],
  ['JSON', `{"t":"${jsonAsciiSlashes(SECRET)}"}`, '{"t":"***"}'],
  ['ANSI inside', `colour ${withEscapes(SECRET, [4, 12])} end`, 'colour *** end'],
];

for (const [name, input, expected] of STREAMED_FORMS) {
  test(`the ${name} form split across two chunks at every offset`, () => {
    const bytes = utf8(input);
    for (let cut = 0; cut <= bytes.length; cut++) {
      assert.equal(run(split(bytes, cut)).logText, expected, `cut at ${cut}`);
    }
  });

  test(`the ${name} form split between stdout and stderr at every offset`, () => {
    const bytes = utf8(input);
    for (let cut = 1; cut < bytes.length; cut++) {
      const result = run(split(bytes, cut, 'stdout', 'stderr'));
      assert.equal(result.logText, expected, `cut at ${cut}`);
      assert.equal(result.stdout + result.stderr, expected, 'each stream keeps its own part');
      assert.ok(!result.stderr.includes(SECRET.slice(-8)) && !result.stdout.includes(SECRET.slice(0, 8)), 'no half shows');
    }
  });
}

test('the *** goes to the stream the secret began on; the rest of each stream stays its own', () => {
  const result = run([['stdout', utf8('out: hunter2~~~s3')], ['stderr', utf8('cr3t/value? err\n')]]);
  assert.equal(result.stdout, 'out: ***');
  assert.equal(result.stderr, ' err\n');
  assert.equal(result.logText, 'out: *** err\n');
});

test('one byte at a time, through both streams alternately', () => {
  const bytes = utf8(`a ${SECRET} b ${base64('user:' + SECRET)} c`);
  const chunks: Chunk[] = [...bytes].map((b, i) => [i % 2 ? 'stderr' : 'stdout', Uint8Array.of(b)]);
  const { masked } = base64Masked(utf8('user:'), SECRET, new Uint8Array(0));
  assert.equal(run(chunks).logText, `a *** b ${masked} c`);
});

test('base64 wrapped at 76 columns, streamed line by line', () => {
  const { encoded, masked } = base64Masked(utf8('x'.repeat(47)), SECRET, utf8('@'.repeat(60)));
  const lines = wrap(encoded, 76).split('\n').map((line, i, all) => (i < all.length - 1 ? line + '\n' : line));
  const out = run(lines.map((line) => ['stdout', utf8(line)]));
  assert.equal(out.logText.replace(/\n/g, ''), masked);
});

test('a chunk that cannot start a secret passes at once, uncopied', () => {
  const output = masker.output();
  const chunk = utf8('ordinary output line\n');
  const pieces = output.push(chunk, 'stdout');
  assert.equal(pieces.length, 1);
  assert.equal(pieces[0]!.bytes, chunk);
  assert.equal(output.heldBytes, 0);
});

test('only what may still become a secret is held back, and only until the next chunk', () => {
  const output = masker.output();
  assert.equal(text(Buffer.concat(output.push(utf8('login as hunter'), 'stdout').map((p) => p.bytes))), 'login as ');
  assert.equal(output.heldBytes, 'hunter'.length);
  assert.equal(text(Buffer.concat(output.push(utf8('s and foxes\n'), 'stdout').map((p) => p.bytes))), 'hunters and foxes\n');
  assert.equal(output.heldBytes, 0);
});

test('held bytes stay bounded whatever the output', () => {
  const output = masker.output();
  const core = base64(SECRET).slice(0, 12);
  let most = 0;
  output.push(utf8(core), 'stdout');
  for (let i = 0; i < 5000; i++) {
    output.push(utf8('\n'), i % 2 ? 'stdout' : 'stderr');
    most = Math.max(most, output.heldBytes);
  }
  for (let i = 0; i < 2000; i++) {
    output.push(utf8(SECRET.slice(0, 20)), 'stdout');
    most = Math.max(most, output.heldBytes);
  }
  assert.ok(most <= 2 * 1200, `held at most ${most} bytes`);
  assert.ok(most > 0);
});

test('invalid UTF-8 around and between secrets is kept byte for byte', () => {
  const bytes = Uint8Array.from([0xff, 0xc3, ...utf8(SECRET), 0x80, 0xe2, 0x82, ...utf8(SECRET), 0xed, 0xa0, 0x80]);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const { log } = run(split(bytes, cut, 'stdout', 'stderr'));
    assert.deepEqual([...log], [0xff, 0xc3, ...utf8('***'), 0x80, 0xe2, 0x82, ...utf8('***'), 0xed, 0xa0, 0x80], `cut at ${cut}`);
  }
});

test('without secrets every chunk passes as it came', () => {
  const output = createSecretMasker([]).output();
  const chunk = Uint8Array.from([0xff, 0x00, 0x41]);
  assert.equal(output.push(chunk, 'stderr')[0]!.bytes, chunk);
  assert.deepEqual(output.end(), []);
});

test('halves on two streams are masked in either order, and joined to other output', () => {
  const token = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
  const [first, second] = [token.slice(0, 20), token.slice(20)];
  const cases: [string, Chunk[], string][] = [
    ['stdout then stderr', [['stdout', utf8(first)], ['stderr', utf8(second + '\n')]], '***\n'],
    ['stderr first', [['stderr', utf8(second + '\n')], ['stdout', utf8(first)]], '***\n***'],
    ['first half joined to later output', [['stdout', utf8(first + 'done\n')], ['stderr', utf8(second + '\n')]], '***done\n***\n'],
    ['second half after earlier lines', [['stdout', utf8(first)], ['stderr', utf8('warning: x\n' + second + '\n')]], '***warning: x\n***\n'],
  ];
  for (const [name, chunks, expected] of cases) assert.equal(run(chunks, [token]).logText, expected, name);
});

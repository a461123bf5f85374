import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createSecretMasker, MIN_ENCODED_LENGTH, MIN_SECRET_LENGTH,
} from '../../../../src/core/secrets/secretMasker';
import {
  base64, base64Masked, base64url, hexLower, hexUpper, jsonAsciiSlashes, jsonInner, lowercasePercent,
  pythonQuote, pythonQuotePlus, withEscapes, wrap,
} from './encodings';

// Space, reserved URL characters, JSON specials and non-ASCII make every encoding differ.
const SECRET = 'Tr0ub4dor & 3!/~"\\%+é_s3cr3t?>';
const masker = createSecretMasker([SECRET]);
const maskedInside = (encoded: string) => masker.mask(`before ${encoded} after`);

const WHOLE_FORMS: [string, string][] = [
  ['plain', SECRET],
  ['base64', base64(SECRET)],
  ['base64 without padding', base64(SECRET).replace(/=+$/, '')],
  ['base64url', base64url(SECRET)],
  ['encodeURIComponent', encodeURIComponent(SECRET)],
  ["Python quote (keeps '/', encodes '!')", pythonQuote(SECRET)],
  ["Python quote_plus ('+' for spaces)", pythonQuotePlus(SECRET)],
  ['lowercase %xx', lowercasePercent(encodeURIComponent(SECRET))],
  ['hex', hexLower(SECRET)],
  ['HEX', hexUpper(SECRET)],
  ['JSON string', jsonInner(SECRET)],
  ['JSON with \\/ and \\uXXXX', jsonAsciiSlashes(SECRET)],
  ['ANSI codes inside', withEscapes(SECRET, [3, 9, 17])],
  ['an OSC hyperlink inside', withEscapes(SECRET, [5], ['\x1b]8;;https://example.com\x1b\\'])],
];

for (const [name, encoded] of WHOLE_FORMS) {
  test(`masks the ${name} form`, () => {
    assert.notEqual(encoded, name === 'plain' ? '' : SECRET, 'the form differs from the value');
    assert.equal(maskedInside(encoded), 'before *** after');
  });
}

test('the URL, JSON and hex fixtures really are distinct encodings', () => {
  const forms = WHOLE_FORMS.map(([, encoded]) => encoded);
  assert.equal(new Set(forms).size, forms.length);
});

test('base64 inside a larger base64 text, at each of the three alignments', () => {
  for (const prefix of ['', 'u', 'us', 'user:', 'deploy:']) {
    const { encoded, masked } = base64Masked(new TextEncoder().encode(prefix), SECRET, new TextEncoder().encode('@tail'));
    assert.equal(masker.mask(encoded), masked, `prefix ${JSON.stringify(prefix)}`);
  }
});

test('HTTP Basic as curl -u deploy:$TOKEN -v prints it', () => {
  const header = `> Authorization: Basic ${base64('deploy:' + SECRET)}\r\n`;
  const { masked } = base64Masked(new TextEncoder().encode('deploy:'), SECRET, new Uint8Array(0));
  assert.equal(masker.mask(header), `> Authorization: Basic ${masked}\r\n`);
  assert.ok(!masked.includes(base64(SECRET).slice(2, 10)));
});

test('base64 wrapped at 64 and 76 columns, with \\n or \\r\\n, at every alignment', () => {
  const filler = 'x'.repeat(40);
  for (const width of [64, 76]) {
    for (const newline of ['\n', '\r\n']) {
      for (let shift = 0; shift < 3; shift++) {
        const { encoded, masked, first, last } = base64Masked(
          new TextEncoder().encode(filler.slice(shift)), SECRET, new TextEncoder().encode('@' + filler),
        );
        assert.ok(first < width && width < last, 'the line break falls inside the secret');
        const wrapped = wrap(encoded, width, newline);
        const out = masker.mask(wrapped);
        assert.equal(out.split(newline).join(''), masked, `width ${width}, shift ${shift}`);
      }
    }
  }
});

test('a multi-line value (a PEM key) in JSON, with other line endings, and line by line', () => {
  const key = '-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END KEY-----';
  const keyMasker = createSecretMasker([key]);
  assert.equal(keyMasker.mask(`{"key":"${jsonInner(key)}"}`), '{"key":"***"}');
  assert.equal(keyMasker.mask(key.replace(/\n/g, '\r\n')), '***');
  assert.equal(keyMasker.mask('line: MIIBOgIBAAJBAKj34GkxFhD9.'), 'line: ***.');
});

test('a value read from a file with its final newline is masked without it too', () => {
  const fromFile = createSecretMasker(['ghp_abcdefghij0123456789\n']);
  assert.equal(fromFile.mask('token=ghp_abcdefghij0123456789;'), 'token=***;');
  assert.equal(fromFile.mask(base64('ghp_abcdefghij0123456789')), '***');
});

test('values shorter than the minimum are not masked', () => {
  assert.equal(MIN_SECRET_LENGTH, 4);
  assert.equal(createSecretMasker(['abc']).mask('abc abcd'), 'abc abcd');
  assert.equal(createSecretMasker(['abc']).active, false);
});

test('a short value is masked plain, but not in encoded forms shorter than the minimum', () => {
  assert.equal(MIN_ENCODED_LENGTH, 8);
  const short = createSecretMasker(['k3y!x']);
  assert.equal(short.mask('k3y!x'), '***');
  assert.equal(short.mask(hexLower('k3y!x')), '***', 'hex: 10 digits');
  // base64 of 5 bytes at offset 1 keeps only 4 whole digits: too short to look for.
  const { encoded } = base64Masked(Uint8Array.of(0x41), 'k3y!x', Uint8Array.of(0x41));
  assert.equal(short.mask(encoded), encoded);
});

test('the longest match wins where two start at the same place; overlapping secrets become one span', () => {
  const two = createSecretMasker(['abcd', 'abcdefgh']);
  assert.equal(two.mask('xabcdefghx abcdx'), 'x***x ***x');
  const overlapping = createSecretMasker(['first-secret', 'secret-second']);
  assert.equal(overlapping.mask('<first-secret-second>'), '<***>');
});

test('an ambiguous spelling (a value of % and \\) is matched without blowing up', () => {
  const odd = createSecretMasker(['%%%%\\\\\\\\%%%%\\\\\\\\%%%%']);
  assert.equal(odd.mask('=%%%%\\\\\\\\%%%%\\\\\\\\%%%%='), '=***=');
  assert.equal(odd.mask('=' + encodeURIComponent('%%%%\\\\\\\\%%%%\\\\\\\\%%%%') + '='), '=***=');
  const near = '%25'.repeat(2000) + '%';
  assert.equal(odd.mask(near), near);
});

test('mask(text) returns the text itself when nothing matches, and ordinary text is untouched', () => {
  const text = 'deploy finished: 12 services, 0 errors, 100% done \\o/';
  assert.equal(masker.mask(text), text);
  assert.equal(createSecretMasker([]).mask(text), text);
});

test('maskBytes keeps every other byte, invalid UTF-8 included', () => {
  const bytes = Uint8Array.from([0xff, 0xfe, ...new TextEncoder().encode(` ${SECRET} `), 0xc3, 0x28, 0x80]);
  const out = masker.maskBytes(bytes);
  assert.deepEqual([...out], [0xff, 0xfe, ...new TextEncoder().encode(' *** '), 0xc3, 0x28, 0x80]);
});

test('an escape code or line break right after the first or second character (the start filters)', () => {
  for (const at of [1, 2, 3]) {
    assert.equal(maskedInside(withEscapes(SECRET, [at])), 'before *** after', `escape at ${at}`);
    const digits = base64(SECRET);
    const broken = digits.slice(0, at) + '\n' + digits.slice(at);
    assert.equal(maskedInside(broken), 'before *** after', `line break at ${at}`);
  }
});

test('a beginning or an end of at least half the value is masked on its own', () => {
  const token = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
  const pieces = createSecretMasker([token]);
  assert.equal(pieces.mask(`a ${token.slice(0, 20)} b`), 'a *** b');
  assert.equal(pieces.mask(`a ${token.slice(20)} b`), 'a *** b');
  assert.equal(pieces.mask(`a ${token.slice(0, 31)}|${token.slice(31)} b`), `a ***|${token.slice(31)} b`, 'the shorter piece shows');
  assert.equal(pieces.mask(`a ${token.slice(5, 35)} b`), `a ${token.slice(5, 35)} b`, 'a middle piece is not looked for');
  assert.equal(pieces.mask(`a ${encodeURIComponent(token.slice(20))} b`), 'a *** b', 'a piece URL-encoded too');
});

test('pieces of a value of 8 characters or less, or over 2048, are not looked for', () => {
  assert.equal(createSecretMasker(['p4ssw0rd']).mask('p4ssw0r.'), 'p4ssw0r.', 'pieces start at 8 characters');
  assert.equal(createSecretMasker(['p4ssw0rd!xyz']).mask('p4ssw0rd.'), '***.');
  const key = 'k3Y'.repeat(700);
  assert.equal(createSecretMasker([key]).mask(key.slice(0, 1500)), key.slice(0, 1500));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createSecretMasker, MIN_SECRET_LENGTH, partitionSecrets, secretPatterns, unmaskedSecretNames,
} from '../../../../src/core/run/secretMasker';

const SECRET = 'hunter2~~~s3cr3t/value?';
const b64 = Buffer.from(SECRET).toString('base64');
const b64url = Buffer.from(SECRET).toString('base64url');
const urlEncoded = encodeURIComponent(SECRET);

test('masks the value and its base64, base64url and URL-encoded forms', () => {
  const masker = createSecretMasker([SECRET]);
  const text = `a ${SECRET} b ${b64} c ${b64url} d ${urlEncoded} e`;
  assert.equal(masker.mask(text), 'a *** b *** c *** d *** e');
  assert.ok(b64 !== b64url && urlEncoded !== SECRET, 'the fixture exercises distinct forms');
});

test('values shorter than the minimum are skipped and reported', () => {
  assert.equal(MIN_SECRET_LENGTH, 4);
  assert.deepEqual(partitionSecrets(['abc', 'abcd', '', 'abc']), { masked: ['abcd'], skipped: ['abc'] });
  assert.equal(createSecretMasker(['abc']).mask('abc abcd'), 'abc abcd');
  assert.equal(createSecretMasker(['abc']).active, false);
  assert.deepEqual(unmaskedSecretNames(['PIN', 'TOKEN', 'UNSET'], { PIN: '123', TOKEN: 'long-enough' }), ['PIN']);
});

test('the longest pattern wins where two start at the same place', () => {
  const masker = createSecretMasker(['abcd', 'abcdefgh']);
  assert.equal(masker.mask('xabcdefghx abcdx'), 'x***x ***x');
  assert.deepEqual(secretPatterns(['abcd']).slice().sort((a, b) => b.length - a.length), secretPatterns(['abcd']));
});

test('a value split across chunks is masked at every split point', () => {
  const masker = createSecretMasker([SECRET]);
  const text = `start ${SECRET} middle ${b64} end`;
  for (let cut = 0; cut <= text.length; cut++) {
    const stream = masker.stream();
    const out = stream.push(text.slice(0, cut)) + stream.push(text.slice(cut)) + stream.flush();
    assert.equal(out, 'start *** middle *** end', `cut at ${cut}`);
  }
});

test('streamed masking equals whole-text masking for any chunking', () => {
  const alphabet = fc.constantFrom('a', 'b', 'c', 'k', 'e', 'y', '-', ' ', '\n');
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.string({ unit: alphabet }), fc.constant('key-abc'), fc.constant('a-key-a')), { maxLength: 12 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      (pieces, cuts) => {
        const masker = createSecretMasker(['key-abc', 'a-key-a']);
        const text = pieces.join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const stream = masker.stream();
        let out = '';
        let from = 0;
        for (const point of [...points, text.length]) {
          out += stream.push(text.slice(from, point));
          from = point;
        }
        out += stream.flush();
        assert.equal(out, masker.mask(text));
        assert.ok(!out.includes('key-abc') && !out.includes('a-key-a'));
      },
    ),
    { numRuns: 300 },
  );
});

test('an inactive masker passes text through untouched', () => {
  const stream = createSecretMasker([]).stream();
  assert.equal(stream.push('abc'), 'abc');
  assert.equal(stream.flush(), '');
});

test('verbatim tells whether a push returned exactly its input', () => {
  const stream = createSecretMasker(['secret-value']).stream();
  assert.equal(stream.push('plain line\n'), 'plain line\n');
  assert.equal(stream.verbatim, true);
  assert.equal(stream.push('ends with sec'), 'ends with ');
  assert.equal(stream.verbatim, false);
  assert.equal(stream.push('ret-value!\n'), '***!\n');
  assert.equal(stream.verbatim, false);
  assert.equal(stream.push('a secret-value b'), 'a *** b');
  assert.equal(stream.verbatim, false);
});

test('each line of a multi-line secret is masked on its own too', () => {
  const key = '-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END KEY-----';
  const masker = createSecretMasker([key]);
  assert.equal(masker.mask(key.replace(/\n/g, '\r\n')), '***\r\n***\r\n***');
  assert.equal(masker.mask(key), '***');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { incompleteTail, Utf8Stream } from '../../../../src/core/run/utf8Stream';

test('a character split across chunks is decoded whole, at every split point', () => {
  const bytes = new TextEncoder().encode('é€😀 ok');
  for (let cut = 0; cut <= bytes.length; cut++) {
    const stream = new Utf8Stream();
    const text = stream.decode(bytes.subarray(0, cut)) + stream.decode(bytes.subarray(cut)) + stream.end();
    assert.equal(text, 'é€😀 ok', `cut at ${cut}`);
  }
});

test('invalid bytes become replacement characters; an unfinished character at the end too', () => {
  const stream = new Utf8Stream();
  assert.equal(stream.decode(Uint8Array.from([0x61, 0xff, 0x62, 0xe2, 0x82])), 'a\ufffdb');
  assert.equal(stream.end(), '\ufffd');
});

test('incompleteTail counts only an unfinished lead sequence', () => {
  assert.equal(incompleteTail(Uint8Array.from([0x61])), 0);
  assert.equal(incompleteTail(Uint8Array.from([0xe2, 0x82])), 2);
  assert.equal(incompleteTail(Uint8Array.from([0xe2, 0x82, 0xac])), 0);
  assert.equal(incompleteTail(Uint8Array.from([0xf0, 0x9f, 0x98])), 3);
});

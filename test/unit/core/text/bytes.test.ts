import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concatBytes } from '../../../../src/core/text/bytes';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

test('concatBytes joins the arrays in order, empty ones included', () => {
  assert.deepEqual(concatBytes([bytes(1, 2), bytes(), bytes(3), bytes(4, 5)]), bytes(1, 2, 3, 4, 5));
  assert.deepEqual(concatBytes([]), bytes());
});

test('concatBytes gives a single array back as it is, and copies otherwise', () => {
  const one = bytes(7, 8);
  assert.equal(concatBytes([one]), one);
  const joined = concatBytes([one, bytes(9)]);
  joined[0] = 0;
  assert.deepEqual(one, bytes(7, 8));
});

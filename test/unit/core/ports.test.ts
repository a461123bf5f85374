import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';

test('toolchain: tsx runs TypeScript tests that import ESM-only packages', () => {
  assert.deepEqual(parse('a: 1'), { a: 1 });
});

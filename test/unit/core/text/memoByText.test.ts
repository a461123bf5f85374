import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoByText } from '../../../../src/core/text/memoByText';

test('a text is computed once, and every caller gets the same result', () => {
  const calls: string[] = [];
  const words = memoByText((text) => {
    calls.push(text);
    return text.split(' ');
  });
  const first = words('run the tests');
  assert.equal(words('run the tests'), first);
  assert.deepEqual(words('a b'), ['a', 'b']);
  assert.deepEqual(calls, ['run the tests', 'a b']);
});

test('past its limit the memo starts over: memory stays bounded', () => {
  const calls: string[] = [];
  const upper = memoByText((text) => {
    calls.push(text);
    return text.toUpperCase();
  }, 2);
  for (const text of ['a', 'b', 'c']) upper(text);
  upper('a'); // still known: three texts are not past a limit of 2 until the fourth arrives
  upper('d'); // past it: cleared, then d
  upper('a');
  assert.deepEqual(calls, ['a', 'b', 'c', 'd', 'a']);
});

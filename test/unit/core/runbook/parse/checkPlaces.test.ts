import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckPlaces } from '../../../../../src/core/runbook/parse/checkPlaces';

const lines = (from: number, to: number) => ({ startLine: from, startColumn: 1, endLine: to, endColumn: 10 });

test('a fence inside a check item is nested in it; right after it (one blank line) it is adjacent', () => {
  const places = new CheckPlaces();
  places.opened({ range: lines(3, 6), index: 0 });
  assert.deepEqual(places.fence(lines(4, 6), false), { index: 0, how: 'nested' });
  const after = new CheckPlaces();
  after.opened({ range: lines(3, 3), index: 1 });
  assert.deepEqual(after.fence(lines(5, 7), false), { index: 1, how: 'adjacent' });
});

test('no adjacency past two lines, for a manual step, after another block, or after a heading', () => {
  const far = new CheckPlaces();
  far.opened({ range: lines(3, 3), index: 0 });
  assert.equal(far.fence(lines(6, 8), false), null);
  const manual = new CheckPlaces();
  manual.opened({ range: lines(3, 3), index: 0 });
  assert.equal(manual.fence(lines(4, 4), true), null);
  const between = new CheckPlaces();
  between.opened({ range: lines(3, 3), index: 0 });
  between.other(lines(4, 4));
  assert.equal(between.watching, false);
  assert.equal(between.fence(lines(5, 7), false), null);
  const heading = new CheckPlaces();
  heading.opened({ range: lines(3, 6), index: 0 });
  heading.reset();
  assert.equal(heading.enclosing(lines(4, 4)), null);
});

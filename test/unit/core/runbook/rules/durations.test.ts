import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationMs, findDurations } from '../../../../../src/core/runbook/rules/durations';

const H = 3_600_000;
const M = 60_000;
// [text, what is found as written, calendar ms, business days]
const DURATIONS: [string, string, number | null, number | null][] = [
  ['for at least 60 minutes', '60 minutes', 60 * M, null],
  ['one business day', 'one business day', null, 1],
  ['2 working days', '2 working days', null, 2],
  ['soak 1800 s', '1800 s', 1_800_000, null],
  ['after 48h green', '48h', 48 * H, null],
  ['for 24 hours', '24 hours', 24 * H, null],
  ['a 30-minute soak', '30-minute', 30 * M, null],
  ['two days', 'two days', 48 * H, null],
  ['an hour', 'an hour', H, null],
  ['1.5h', '1.5h', 1.5 * H, null],
  ['10m', '10m', 10 * M, null],
  ['one week', 'one week', 7 * 24 * H, null],
];

test('durations as runbooks write them', () => {
  for (const [text, written, ms, days] of DURATIONS) {
    const [found] = findDurations(text);
    assert.ok(found, text);
    assert.deepEqual([found.text, found.ms, found.businessDays], [written, ms, days], text);
  }
});

test('not durations: percentages, latencies in ms, versions, words without a unit', () => {
  for (const text of ['5%', '600 ms', 'p95', 'v1.2', 'two steps', 'a m', '5xx', 'one region']) assert.deepEqual(findDurations(text), [], text);
});

test('durationMs reads a whole window and nothing else', () => {
  assert.equal(durationMs('15m'), 15 * M);
  assert.equal(durationMs(' 10 minutes '), 10 * M);
  assert.equal(durationMs('one business day'), null);
  assert.equal(durationMs('10m later'), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHold } from '../../../../../src/core/runbook/rules/holds';

const H = 3_600_000;
// [check text, hold text, calendar ms, business days]
const HOLDS: [string, string, number | null, number | null][] = [
  ['Keep scope limited to explicit internal cohort for at least 60 minutes.', 'at least 60 minutes', H, null],
  ['Hold for at least one business day if SLOs remain green.', 'at least one business day', null, 1],
  ['Keep rollback window active for 24 hours.', '24 hours', 24 * H, null],
  ['soak 1800 s', 'soak 1800 s', 1_800_000, null],
  ['Promote after 48h green', 'after 48h green', 48 * H, null],
  ['Soak for two hours', 'Soak for two hours', 2 * H, null],
  ['Wait 15 min then check', '15 min', 900_000, null],
  ['Stay at 25% for one working day', 'one working day', null, 1],
  ['a 30-minute soak at 5%', '30-minute', 1_800_000, null],
  ['Expand in two steps with a required hold period between each step.', 'required hold period', null, null],
];

test('holds: the duration a check waits, as written', () => {
  for (const [text, written, ms, days] of HOLDS) assert.deepEqual(findHold(text), { text: written, durationMs: ms, businessDays: days }, text);
});

test('not holds: deadlines, validity, thresholds windows, frequencies, waiting for a person, holding something', () => {
  for (const text of [
    'Rotate certificates that expire within 30 days', 'Confirm the new certificate is valid for 90 days', 'write failures > 1% for 10m',
    'Check every 5 minutes', 'Wait for approval from the on-call', 'Hold the release until QA signs off', 'Route only internal users to WS-only lane.',
    'Time to detect under 5 minutes', 'Write the postmortem within 5 business days', 'The backfill finished in 42 minutes',
  ]) assert.equal(findHold(text), null, text);
});

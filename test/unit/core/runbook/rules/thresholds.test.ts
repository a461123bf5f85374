import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanThresholds } from '../../../../../src/core/runbook/rules/thresholds';

// [text, metric, comparator, value, unit, window, windowMs]
const THRESHOLDS: [string, string | null, string, number, string | null, string | null, number | null][] = [
  ['5xx below 1%', '5xx', '<', 1, '%', null, null],
  ['p95 <= 600 ms', 'p95', '<=', 600, 'ms', null, null],
  ['> 25 events for 10m', null, '>', 25, 'events', '10m', 600_000],
  ['`OpenAgentsRuntimeKhalaProjectionLagP95High`: p95 lag > 25 events for 10m.', 'p95 lag', '>', 25, 'events', '10m', 600_000],
  ['write failures > 1% for 10m', 'write failures', '>', 1, '%', '10m', 600_000],
  ['any replay error over 15m', 'replay error', '>', 0, null, '15m', 900_000],
  ['> 3 drift incidents over 10m', null, '>', 3, 'drift incidents', '10m', 600_000],
  ['Error rate below 0.5% for the canary window', 'Error rate', '<', 0.5, '%', null, null],
  ['p99 latency under 300 ms', 'p99 latency', '<', 300, 'ms', null, null],
  ['Availability >= 99.9% over 30d', 'Availability', '>=', 99.9, '%', '30d', 30 * 86_400_000],
  ['throughput at least 1,200 rps', 'throughput', '>=', 1200, 'rps', null, null],
  ['p95 ≤ 450 ms', 'p95', '<=', 450, 'ms', null, null],
];

test('thresholds: comparator, value, unit and window', () => {
  for (const [text, metric, comparator, value, unit, window, windowMs] of THRESHOLDS) {
    const { thresholds, problems } = scanThresholds(text);
    assert.equal(thresholds.length, 1, text);
    const t = thresholds[0]!;
    assert.deepEqual([t.metric, t.comparator, t.value, t.unit, t.window, t.windowMs], [metric, comparator, value, unit, window, windowMs], text);
    assert.deepEqual(problems, [], text);
  }
});

test('two thresholds in one line, in order', () => {
  const { thresholds } = scanThresholds('error rate remains below 1% and p95 <= 600 ms over 10 minutes');
  assert.deepEqual(thresholds.map((t) => t.text), ['error rate remains below 1%', 'p95 <= 600 ms over 10 minutes']);
});

test('words with no number are prose, not thresholds, and not problems', () => {
  for (const text of [
    'WS auth/topic errors (`401/403`) and `410 stale_cursor` rates remain under agreed incident thresholds.',
    'Replay bootstrap latency remains within budget for each surface.', '`slow_consumer_evicted` remains below threshold',
    'Expand 25% -> 50%', 'kubectl -n <namespace> get pods',
  ]) assert.deepEqual(scanThresholds(text), { thresholds: [], windows: [], problems: [] }, text);
});

test('a symbol with no number is a malformed threshold', () => {
  const { thresholds, problems } = scanThresholds('Queue depth <= lots');
  assert.deepEqual(thresholds, []);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /no number after "<="/);
});

test('the window of a threshold is reported so that holds skip it', () => {
  assert.deepEqual(scanThresholds('write failures > 1% for 10m').windows, [{ index: 24, length: 3 }]);
});

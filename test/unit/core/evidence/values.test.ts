import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { evaluateOutcomeForGate, evaluateThreshold, evaluateThresholds, readJsonValue } from '../../../../src/core/evidence/values';
import type { Comparator, Threshold } from '../../../../src/core/runbook/model';

const threshold = (comparator: Comparator, value: number, unit: string | null = null, metric: string | null = null): Threshold => ({
  text: `${metric ?? ''} ${comparator} ${value}${unit ?? ''}`.trim(), metric, comparator, value, unit, window: null, windowMs: null,
});

const metrics = JSON.stringify({ topics: [{ topic: 'a', p95_delivery_ms: 180 }, { topic: 'b', p95_delivery_ms: 420 }], slow_consumer_evicted: 3, ratio: '0.4', ok: true, name: 'fanout' });

test('a value read with JMESPath from plain JSON output', () => {
  assert.deepEqual(readJsonValue(metrics, 'slow_consumer_evicted'), { ok: true, value: 3 });
  assert.deepEqual(readJsonValue(metrics, 'max(topics[].p95_delivery_ms)'), { ok: true, value: 420 });
  assert.deepEqual(readJsonValue(metrics, 'length(topics)'), { ok: true, value: 2 });
  assert.deepEqual(readJsonValue(metrics, 'ratio'), { ok: true, value: '0.4' });
});

test('noise around the JSON: progress lines, jq\'s pretty print, log lines after, ANSI colours', () => {
  const output = [
    '[1/2] fetching fanout metrics (topic_limit=20)',
    'connected {runtime} in 0.2s',
    '\u001b[1;39m{',
    '  \u001b[0m\u001b[34;1m"slow_consumer_evicted"\u001b[0m\u001b[1;39m: \u001b[0;39m3\u001b[0m,',
    '  "topics": [ { "topic": "run:42", "note": "braces } and ] in a string" } ]',
    '\u001b[1;39m}\u001b[0m',
    'done [ok]',
  ].join('\n');
  assert.deepEqual(readJsonValue(output, 'slow_consumer_evicted'), { ok: true, value: 3 });
  assert.deepEqual(readJsonValue(output, 'topics[0].note'), { ok: true, value: 'braces } and ] in a string' });
});

test('several documents: the last complete one; an unfinished one at the end is ignored', () => {
  assert.deepEqual(readJsonValue('{"n": 1}\n{"n": 2}\n{"n": 3}\n', 'n'), { ok: true, value: 3 });
  assert.deepEqual(readJsonValue('{"n": 1}\n{"n": 2, "topics": [', 'n'), { ok: true, value: 1 });
  assert.deepEqual(readJsonValue('level=info msg={"n": 5} took 3ms\n', 'n'), { ok: true, value: 5 });
});

test('no object at all: the last line as a JSON scalar (jq -r .count)', () => {
  assert.deepEqual(readJsonValue('fetching...\n3\n', '@'), { ok: true, value: 3 });
});

test('errors say what to fix', () => {
  assert.deepEqual(readJsonValue(metrics, 'topics['), { ok: false, error: 'invalid JMESPath expression `topics[`: Syntax error: expected Star, got: EOF' });
  assert.deepEqual(readJsonValue('curl: (7) Failed to connect\n', 'slow_consumer_evicted'), { ok: false, error: '`slow_consumer_evicted`: no JSON value in the output' });
  assert.deepEqual(readJsonValue(metrics, 'missing_field'), { ok: false, error: '`missing_field` selects nothing in the JSON output (null)' });
  assert.deepEqual(readJsonValue(metrics, 'topics'), { ok: false, error: '`topics` selects an array, not one value (try length(…), max(…) or an index)' });
  assert.deepEqual(readJsonValue(metrics, 'topics[0]'), { ok: false, error: '`topics[0]` selects an object, not one value (try length(…), max(…) or an index)' });
  assert.match((readJsonValue(metrics, 'abs(topics)') as { error: string }).error, /^`abs\(topics\)`: Invalid type: abs\(\) expected argument 1 to be type \(number\)/);
});

test('a document whose start was cut off (the output tail keeps only the end) is refused, not half-read', () => {
  const tail = '"topic": "a", "lag": 1 }, { "topic": "b", "lag": 2 }\n  ],\n  "slow_consumer_evicted": 3\n}\n';
  assert.deepEqual(readJsonValue(tail, 'topic'), {
    ok: false, error: '`topic`: the JSON in the output is cut off at its start (only the end of the output was kept)',
  });
});

test('every comparator, green and red', () => {
  const cases: Array<[Comparator, number, number, 'green' | 'red']> = [
    ['<', 3, 10, 'green'], ['<', 10, 10, 'red'],
    ['<=', 10, 10, 'green'], ['<=', 11, 10, 'red'],
    ['>', 26, 25, 'green'], ['>', 25, 25, 'red'],
    ['>=', 25, 25, 'green'], ['>=', 24, 25, 'red'],
    ['=', 0, 0, 'green'], ['=', 1, 0, 'red'],
    ['!=', 1, 0, 'green'], ['!=', 0, 0, 'red'],
  ];
  for (const [comparator, value, limit, expected] of cases) {
    assert.equal(evaluateThreshold(value, threshold(comparator, limit)).status, expected, `${value} ${comparator} ${limit}`);
  }
});

test('the reading a gate records: "`slow_consumer_evicted` = 3, threshold < 10: green"', () => {
  const below10 = threshold('<', 10, null, 'slow_consumer_evicted');
  assert.deepEqual(evaluateThreshold(3, below10), { status: 'green', detail: '`slow_consumer_evicted` = 3, threshold < 10: green' });
  assert.deepEqual(evaluateThresholds('slow-consumer-gate', 'slow_consumer_evicted', { ok: true, value: 3 }, [below10]), {
    gateId: 'slow-consumer-gate', expression: 'slow_consumer_evicted', value: 3, comparator: '<', threshold: below10,
    status: 'green', detail: '`slow_consumer_evicted` = 3, threshold < 10: green',
  });
  assert.equal(evaluateThresholds('g', 'slow_consumer_evicted', { ok: true, value: 12 }, [below10]).detail, '`slow_consumer_evicted` = 12, threshold < 10: red');
});

test('numbers only: numeric strings count; units are the expression\'s business ("1%" compares against 1)', () => {
  const below1pct = threshold('<', 1, '%');
  assert.deepEqual(evaluateThreshold('0.4', below1pct, 'ratio'), { status: 'green', detail: '`ratio` = 0.4, threshold < 1%: green' });
  assert.equal(evaluateThreshold(0.004, below1pct).status, 'green', 'a ratio must be scaled by the expression; 0.004 < 1 holds');
  assert.equal(evaluateThreshold(2.5, below1pct).status, 'red');
  assert.deepEqual(evaluateThreshold('fast', threshold('<=', 600, 'ms'), 'p95'), { status: 'blocked', detail: '`p95` = "fast", threshold <= 600 ms: blocked (not a number)' });
  assert.equal(evaluateThreshold(true, threshold('=', 1)).status, 'blocked');
  assert.equal(evaluateThreshold('0.4%', below1pct).status, 'blocked', 'a unit in the value is not read');
});

test('several thresholds: green only when all hold; red names the one not met', () => {
  const window = [threshold('>=', 1, 'events'), threshold('<=', 25, 'events')];
  assert.deepEqual(
    [evaluateThresholds('g', 'lag', { ok: true, value: 20 }, window).status, evaluateThresholds('g', 'lag', { ok: true, value: 20 }, window).detail],
    ['green', '`lag` = 20, thresholds >= 1 events and <= 25 events: green'],
  );
  const red = evaluateThresholds('g', 'lag', { ok: true, value: 30 }, window);
  assert.deepEqual([red.status, red.comparator, red.threshold, red.detail], ['red', '<=', window[1], '`lag` = 30, thresholds >= 1 events and <= 25 events: red (not met: <= 25 events)']);
});

test('nothing to read or nothing to hold it against blocks the gate', () => {
  const below10 = threshold('<', 10);
  assert.deepEqual(evaluateThresholds('g', 'x', { ok: false, error: '`x`: no JSON value in the output' }, [below10]), {
    gateId: 'g', expression: 'x', value: null, comparator: '<', threshold: below10, status: 'blocked', detail: '`x`: no JSON value in the output: blocked',
  });
  assert.deepEqual(evaluateThresholds('g', 'x', { ok: true, value: 3 }, []), {
    gateId: 'g', expression: 'x', value: 3, comparator: null, threshold: null, status: 'blocked', detail: '`x` = 3, but the gate has no threshold to hold it against: blocked',
  });
});

test('a gate bound to a step without value= follows the step\'s verdict', () => {
  assert.deepEqual(['passed', 'failed', 'blocked', 'skipped', 'interrupted', 'cancelled'].map((s) => evaluateOutcomeForGate(s as 'passed')), [
    'green', 'red', 'blocked', 'blocked', 'blocked', 'blocked',
  ]);
});

test('the metrics fixture printed with noise: green and red gates', () => {
  const script = fileURLToPath(new URL('../../../fixtures/harness/print-metrics.sh', import.meta.url));
  const { stdout, status } = spawnSync(script, { encoding: 'utf8' });
  assert.equal(status, 0);
  const gate = (expression: string, t: Threshold) => evaluateThresholds('g', expression, readJsonValue(stdout, expression), [t]);
  assert.equal(gate('slow_consumer_evicted', threshold('<', 10)).detail, '`slow_consumer_evicted` = 3, threshold < 10: green');
  assert.equal(gate('stale_cursor_rate_pct', threshold('<', 1, '%')).status, 'green');
  assert.equal(gate('error_rate_pct', threshold('<', 1, '%')).detail, '`error_rate_pct` = 2.5, threshold < 1%: red');
  assert.equal(gate('max(topics[].p95_delivery_ms)', threshold('<=', 300, 'ms')).detail, '`max(topics[].p95_delivery_ms)` = 420, threshold <= 300 ms: red');
});

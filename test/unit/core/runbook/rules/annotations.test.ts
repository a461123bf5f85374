import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnnotations, parseDuration, splitInfo } from '../../../../../src/core/runbook/rules/annotations';

test('splitInfo separates the language from Runme attributes, glued or spaced', () => {
  assert.deepEqual(splitInfo('bash', '{"name":"x"}'), { language: 'bash', attributes: '{"name":"x"}' });
  assert.deepEqual(splitInfo('bash{name=x}', null), { language: 'bash', attributes: '{name=x}' });
  assert.deepEqual(splitInfo('Bash', '{ name=x }'), { language: 'bash', attributes: '{ name=x }' });
  assert.deepEqual(splitInfo(null, null), { language: '', attributes: '' });
});

test('JSON and key=value forms give the same annotations', () => {
  const json = parseAnnotations('{"name":"health","excludeFromRunAll":true,"timeout":"30s","expect-exit":2,"destructive":true}');
  const attrs = parseAnnotations('{ name=health excludeFromRunAll=true timeout=30s expect-exit=2 destructive }');
  const expected = { name: 'health', excludeFromRunAll: true, timeoutMs: 30_000, expectExit: 2, destructive: true };
  assert.deepEqual(json.annotations, expected);
  assert.deepEqual(attrs.annotations, expected);
  assert.deepEqual(json.problems, []);
  assert.deepEqual(attrs.problems, []);
  assert.deepEqual(parseAnnotations('{ "name": "spaced" }').annotations, { name: 'spaced' }, 'JSON with spaces after the brace');
  assert.deepEqual(parseAnnotations('{}').annotations, {}, 'an empty object');
  assert.deepEqual(parseAnnotations('{ name="not json" }').annotations, { name: 'not json' }, 'a quoted value in key=value form');
});

test('optional=true means required=false; quoted values and commas are read', () => {
  const { annotations, problems } = parseAnnotations(`{ name="two words", optional=true, cwd='a b' }`);
  assert.deepEqual(annotations, { name: 'two words', required: false, cwd: 'a b' });
  assert.deepEqual(problems, []);
});

test('secret=true marks every input; secret=A,B names them', () => {
  assert.equal(parseAnnotations('{ secret=true }').allSecret, true);
  assert.deepEqual(parseAnnotations('{ secret="A, $B" }').annotations.secret, ['A', 'B']);
  assert.deepEqual(parseAnnotations('{"secret":["X"]}').annotations.secret, ['X']);
});

test('Runme ids are accepted silently; unknown keys and bad values are problems, not throws', () => {
  assert.deepEqual(parseAnnotations('{"id":"01HF7BT3","name":"a"}').problems, []);
  const codes = parseAnnotations('{ colour=red timeout=soon expect-exit=300 interactive=maybe expect=/[/ }').problems.map((p) => p.code);
  assert.deepEqual(codes, ['unknown-annotation-key', 'invalid-annotation-value', 'invalid-annotation-value', 'invalid-annotation-value', 'invalid-annotation-value']);
  assert.equal(parseAnnotations('{"name": }').problems[0]?.code, 'malformed-annotation');
  assert.equal(parseAnnotations('{ name=x').problems[0]?.code, 'malformed-annotation');
  assert.equal(parseAnnotations('{ = }').problems[0]?.code, 'malformed-annotation');
});

test('an unquoted /regex/ may hold spaces', () => {
  assert.equal(parseAnnotations('{ expect=/lag [0-4]s/ name=x }').annotations.expect, '/lag [0-4]s/');
});

test('durations: units, bare milliseconds, and a hint for a suspiciously small bare number', () => {
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('10m'), 600_000);
  assert.equal(parseDuration('1.5h'), 5_400_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration(1200), 1200);
  assert.equal(parseDuration('soon'), undefined);
  assert.equal(parseAnnotations('{ timeout=90 }').problems[0]?.code, 'suspicious-timeout');
});

test('our keys: check and gate lists, value, results, on-failure; run for items', () => {
  const { annotations, run, problems } = parseAnnotations('{ check=stage-0.2,stage-1.1 gate=error-budget-gate value="metrics.slow_consumer_evicted" results=out/results.tsv on-failure=stop run=x,y }');
  assert.deepEqual(annotations, { check: ['stage-0.2', 'stage-1.1'], gate: ['error-budget-gate'], value: 'metrics.slow_consumer_evicted', results: 'out/results.tsv', onFailure: 'stop' });
  assert.deepEqual(run, ['x', 'y']);
  assert.deepEqual(problems, []);
  assert.deepEqual(parseAnnotations('{"check":["a","b"],"gate":"g"}').annotations, { check: ['a', 'b'], gate: ['g'] });
  assert.deepEqual(parseAnnotations('{ secret=DB_URL,API_PASS name=z }').annotations, { secret: ['DB_URL', 'API_PASS'], name: 'z' });
  assert.deepEqual(parseAnnotations('{ name=x,cwd=y }').annotations, { name: 'x', cwd: 'y' }, 'a comma still separates keys');
});

test('our keys, malformed: a problem each, never a throw', () => {
  const cases: [string, string][] = [
    ['{ on-failure=sometimes }', 'invalid-annotation-value'],
    ['{ results=/etc/passwd }', 'invalid-annotation-value'],
    ['{ results="" }', 'invalid-annotation-value'],
    ['{ value="" }', 'invalid-annotation-value'],
    ['{ check="" }', 'invalid-annotation-value'],
    ['{ gate }', 'invalid-annotation-value'],
    ['{"name":"a\\u001b]0;pwned\\u0007b"}', 'invalid-annotation-value'], // an id that would retitle the terminal
  ];
  for (const [text, code] of cases) assert.deepEqual(parseAnnotations(text).problems.map((p) => p.code), [code], text);
});

test('keys are reported as written, to tell check keys from step keys on an item', () => {
  assert.deepEqual(parseAnnotations('run=a optional name=n timeout=5m').keys, ['run', 'optional', 'name', 'timeout']);
});

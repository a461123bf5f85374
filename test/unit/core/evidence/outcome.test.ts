import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideOutcome, formatDuration, type ProcessEnd } from '../../../../src/core/evidence/outcome';
import { testSummary } from '../../../../src/core/evidence/testSummary';

function end(partial: Partial<ProcessEnd>): ProcessEnd {
  return {
    command: 'run-it', exitCode: 0, signal: null, timedOut: false, cancelled: false, spawnError: null,
    timeoutMs: 600_000, stdoutTail: '', stderrTail: '', combinedTail: '', ...partial,
  };
}
const out = (text: string, partial: Partial<ProcessEnd> = {}) =>
  decideOutcome(end({ stdoutTail: text, combinedTail: text, ...partial }));

test('cargo test results are summed over test binaries', () => {
  const text = [
    'test result: ok. 40 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.5s',
    'test result: ok. 9 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.1s',
  ].join('\n');
  assert.deepEqual(out(text), { status: 'passed', outcome: '49 passed' });
  assert.deepEqual(out('test result: FAILED. 3 passed; 2 failed; 0 ignored;', { exitCode: 101 }), {
    status: 'failed', outcome: 'exit 101: 3 passed, 2 failed',
  });
});

test('test runner summaries', () => {
  assert.equal(testSummary('Finished in 0.1 seconds\n4 tests, 0 failures\n'), '4 tests, 0 failures');
  assert.equal(testSummary('1 doctest, 10 tests, 1 failure, 2 excluded\n'), '1 doctest, 10 tests, 1 failure, 2 excluded');
  assert.equal(testSummary('Tests:       1 failed, 5 passed, 6 total\nTime: 1s'), '1 failed, 5 passed, 6 total');
  assert.equal(testSummary(' Test Files  2 passed (2)\n      Tests  1 failed | 4 passed (5)\n'), '1 failed, 4 passed');
  assert.equal(testSummary('\n  5 passing (12ms)\n  1 failing\n'), '5 passing, 1 failing');
  assert.equal(testSummary('# tests 5\n# suites 1\n# pass 4\n# fail 1\n'), '4 passed, 1 failed');
  assert.equal(testSummary('ℹ tests 3\nℹ pass 3\nℹ fail 0\n'), '3 passed');
  assert.equal(testSummary('======= 3 passed, 1 failed in 0.12s ========'), '3 passed, 1 failed');
  assert.equal(testSummary('ok  \texample.com/a\t0.01s\nok  \texample.com/b\t(cached)\n'), '2 packages ok');
  assert.equal(testSummary('--- FAIL: TestX\nFAIL\texample.com/c\t0.02s\n'), '0 packages ok, 1 failed (example.com/c)');
  assert.equal(testSummary('nothing to see'), null);
});

test('curl failures name the HTTP status and the path', () => {
  const v = decideOutcome(end({
    command: 'curl -fsS "$CONTROL_BASE_URL/healthz"', exitCode: 22,
    stderrTail: 'curl: (22) The requested URL returned error: 404\n',
  }));
  assert.deepEqual(v, { status: 'failed', outcome: 'exit 22: 404 on /healthz' });
  const full = decideOutcome(end({
    command: 'curl -f https://example.invalid/readyz?x=1', exitCode: 22,
    stderrTail: 'curl: (22) The requested URL returned error: 503 Service Unavailable',
  }));
  assert.equal(full.outcome, 'exit 22: 503 on /readyz');
});

test('unreachable hosts and missing commands are blocked, not failed', () => {
  assert.deepEqual(decideOutcome(end({
    command: 'curl -fsS https://nowhere.invalid/', exitCode: 6, stderrTail: 'curl: (6) Could not resolve host: nowhere.invalid\n',
  })), { status: 'blocked', outcome: 'exit 6: could not resolve host nowhere.invalid' });
  assert.equal(decideOutcome(end({
    command: 'curl http://127.0.0.1:9/', exitCode: 7,
    stderrTail: "curl: (7) Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server\n",
  })).status, 'blocked');
  assert.deepEqual(decideOutcome(end({ exitCode: 127, stderrTail: 'bash: line 1: gcloudx: command not found\n' })), {
    status: 'blocked', outcome: 'exit 127: command not found: gcloudx',
  });
  assert.equal(decideOutcome(end({ exitCode: 1, stderrTail: 'Error: connect ECONNREFUSED 127.0.0.1:5432' })).status, 'blocked');
  assert.deepEqual(decideOutcome(end({ spawnError: 'working directory not found: /w/x' })), {
    status: 'blocked', outcome: 'could not start: working directory not found: /w/x',
  });
});

test('other failures show the last meaningful stderr line', () => {
  assert.deepEqual(decideOutcome(end({ exitCode: 2, stderrTail: 'Error: [oa-khala] Cannot find service\n----\n\n' })), {
    status: 'failed', outcome: 'exit 2: Error: [oa-khala] Cannot find service',
  });
  assert.deepEqual(decideOutcome(end({ exitCode: 3 })), { status: 'failed', outcome: 'exit 3: no output' });
  assert.deepEqual(decideOutcome(end({ exitCode: null, signal: 'SIGSEGV' })), { status: 'failed', outcome: 'killed by SIGSEGV' });
});

test('timeouts, cancels, expected exit codes and expected output', () => {
  assert.deepEqual(decideOutcome(end({ exitCode: null, timedOut: true, timeoutMs: 600_000 })), {
    status: 'failed', outcome: 'timed out after 10m',
  });
  assert.deepEqual(decideOutcome(end({ exitCode: null, cancelled: true })), { status: 'failed', outcome: 'cancelled' });
  assert.equal(decideOutcome(end({ exitCode: 1, expectExit: 1 })).status, 'passed');
  assert.deepEqual(decideOutcome(end({ exitCode: 0, expectExit: 1 })), { status: 'failed', outcome: 'exit 0: expected exit 1' });
  assert.deepEqual(decideOutcome(end({ exitCode: 0, expect: 'ready', expectMatched: false })), {
    status: 'failed', outcome: 'exit 0: expected output ready not found',
  });
  assert.equal(decideOutcome(end({ exitCode: 0, expect: 'ready', expectMatched: true })).status, 'passed');
});

test('a pass without a test summary shows the last stdout line, else the exit code', () => {
  assert.equal(out('building\n\u001b[32mdeployed revision r-42\u001b[0m\n').outcome, 'deployed revision r-42');
  assert.equal(out('').outcome, 'exit 0');
});

test('durations read like a person wrote them', () => {
  assert.deepEqual([500, 1000, 30_000, 600_000, 90_000, 3_600_000].map(formatDuration), ['500ms', '1s', '30s', '10m', '1m30s', '1h']);
});

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
  assert.equal(testSummary('4 tests, 0 failures\n'), '4 tests, 0 failures');
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

test('other failures show the last error line, its tag dropped, else the last meaningful line', () => {
  assert.deepEqual(decideOutcome(end({ exitCode: 2, stderrTail: 'Error: [oa-khala] Cannot find service\n----\n\n' })), {
    status: 'failed', outcome: 'exit 2: [oa-khala] Cannot find service',
  });
  assert.deepEqual(decideOutcome(end({ exitCode: 2, stderrTail: 'about to fail\n' })), { status: 'failed', outcome: 'exit 2: about to fail' });
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

test('ExUnit: the counts line as reports quote it, with "finished in" when mix printed it (seed 004)', () => {
  const mix = [
    'Running ExUnit with seed: 12345, max_cases: 16',
    '....',
    'Finished in 4.0 seconds (0.00s async, 4.0s sync)',
    '4 tests, 0 failures',
    '',
  ].join('\n');
  assert.deepEqual(out(mix), { status: 'passed', outcome: '4 tests, 0 failures, finished in 4.0s' });
  assert.equal(testSummary('Finished in 0.07 seconds\n2 tests, 0 failures\n'), '2 tests, 0 failures, finished in 0.07s');
  assert.deepEqual(out('Finished in 1.6 seconds (0.1s async, 1.5s sync)\n3 tests, 1 failure\n', { exitCode: 2 }), {
    status: 'failed', outcome: 'exit 2: 3 tests, 1 failure, finished in 1.6s',
  });
});

test('pytest -q, a raw TAP stream and prove have summaries too', () => {
  assert.equal(testSummary('..F.\n3 passed, 1 failed in 0.05s\n'), '3 passed, 1 failed');
  assert.equal(testSummary('TAP version 14\n1..4\nok 1 - a\nnot ok 2 - b\nok 3 - c # SKIP no db\nnot ok 4 - d # TODO later\n'), '2 passed, 1 failed, 1 skipped');
  assert.equal(testSummary('1..3\nok 1 - a\nBail out! database down\n'), '1 passed, bailed out: database down');
  assert.equal(testSummary('t/a.t .. ok\nAll tests successful.\nFiles=1, Tests=5,  0 wallclock secs\nResult: PASS\n'), '5 tests');
  assert.equal(testSummary('t/a.t (Wstat: 256 Tests: 5 Failed: 2)\nFiles=1, Tests=5,  0 wallclock secs\nResult: FAIL\n'), '5 tests, 2 failed');
  assert.equal(testSummary('ok so far\nnot ok, says the reviewer\n'), null, 'no plan: not TAP');
});

test('a failing script shows its last error line: gcloud\'s "Cannot find service" (seed 000)', () => {
  const stderr = [
    'ERROR: (gcloud.run.services.describe) Cannot find service [oa-khala-backend-nonprod]',
    'health check failed',
    '',
  ].join('\n');
  assert.deepEqual(decideOutcome(end({ command: './check-nonprod-health.sh', exitCode: 1, stderrTail: stderr, combinedTail: `Checking Khala backend health...\n${stderr}` })), {
    status: 'failed', outcome: 'exit 1: Cannot find service [oa-khala-backend-nonprod]',
  });
  assert.equal(decideOutcome(end({ exitCode: 1, stderrTail: 'fatal: not a git repository\n+ exit 1\n' })).outcome, 'exit 1: not a git repository');
  assert.equal(decideOutcome(end({ exitCode: 1, stderrTail: 'Permission denied (publickey).\nbye\n' })).outcome, 'exit 1: Permission denied (publickey).');
  // Errors on stdout only (a script that echoes its failures).
  assert.equal(decideOutcome(end({ exitCode: 1, combinedTail: 'step 1 ok\nerror: migration job runtime-migrate is missing\nsummary printed\n' })).outcome,
    'exit 1: migration job runtime-migrate is missing');
});

test('a command that is not there blocks, whatever the exit code and the shell', () => {
  const blocked = (stderrTail: string, exitCode = 1) => decideOutcome(end({ exitCode, stderrTail }));
  assert.deepEqual(blocked('./check.sh: line 3: gcloud: command not found\n'), { status: 'blocked', outcome: 'exit 1: command not found: gcloud' });
  assert.deepEqual(blocked('zsh: command not found: kubectl\n', 127), { status: 'blocked', outcome: 'exit 127: command not found: kubectl' });
  assert.deepEqual(blocked('sh: 1: jq: not found\n', 127), { status: 'blocked', outcome: 'exit 127: command not found: jq' });
  assert.deepEqual(blocked('/bin/sh: ./missing.sh: No such file or directory\n', 127), { status: 'blocked', outcome: 'exit 127: command not found: ./missing.sh' });
  assert.deepEqual(blocked('bash: ./check.sh: Permission denied\n', 126), { status: 'blocked', outcome: 'exit 126: could not run: bash: ./check.sh: Permission denied' });
});

test('connection refused, DNS failures and unreachable hosts block with the line that says so', () => {
  const v = (stderrTail: string, command = 'psql -h db.internal') => decideOutcome(end({ command, exitCode: 2, stderrTail }));
  assert.deepEqual(v('psql: error: connection to server at "db.internal" (10.0.0.5), port 5432 failed: Connection refused\n'), {
    status: 'blocked', outcome: 'exit 2: connection to server at "db.internal" (10.0.0.5), port 5432 failed: Connection refused',
  });
  assert.deepEqual(v('Error: getaddrinfo ENOTFOUND metrics.internal\n    at GetAddrInfoReqWrap.onlookup\n'), {
    status: 'blocked', outcome: 'exit 2: getaddrinfo ENOTFOUND metrics.internal',
  });
  assert.equal(v('Get "https://x.internal/healthz": dial tcp: lookup x.internal: no such host\n').status, 'blocked');
  assert.equal(v('ssh: connect to host 10.0.0.9 port 22: No route to host\n').status, 'blocked');
  assert.equal(v('connect: Network is unreachable\n').status, 'blocked');
  assert.deepEqual(decideOutcome(end({
    command: 'curl -fsS http://127.0.0.1:9/healthz', exitCode: 7,
    stderrTail: "curl: (7) Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server\n",
  })), { status: 'blocked', outcome: "exit 7: Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server" });
});

test('a test run that failed stays failed even when its output mentions a refused connection', () => {
  const text = 'test db::tests::connect ... FAILED\nError: connect ECONNREFUSED 127.0.0.1:5432\ntest result: FAILED. 48 passed; 1 failed; 0 ignored;\n';
  assert.deepEqual(out(text, { exitCode: 101, stderrTail: 'Error: connect ECONNREFUSED 127.0.0.1:5432\n' }), {
    status: 'failed', outcome: 'exit 101: 48 passed, 1 failed',
  });
});

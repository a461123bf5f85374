// The harness fixtures the end-to-end tests put on PATH, run for real here: what they print
// and write must read back as the seeds say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { harnessVerdict, parseResultsFile, resultsFileCandidates } from '../../../../src/core/evidence/harness';
import { decideOutcome } from '../../../../src/core/evidence/outcome';

const fixtures = fileURLToPath(new URL('../../../fixtures/harness/', import.meta.url));

function run(script: string, env: Record<string, string> = {}, args: string[] = []) {
  const cwd = mkdtempSync(join(tmpdir(), 'rg-harness-'));
  const result = spawnSync(join(fixtures, script), args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { cwd, exit: result.status, stdout: result.stdout, stderr: result.stderr, cleanup: () => rmSync(cwd, { recursive: true, force: true }) };
}

/** What the run engine does with a finished harness step: first candidate that reads, parsed. */
function harnessOf(cwd: string, stdout: string) {
  const [path] = resultsFileCandidates(stdout);
  assert.ok(path, `the output names a results file:\n${stdout}`);
  return parseResultsFile(path, readFileSync(join(cwd, path), 'utf8'));
}

for (const [flag, exit] of [['0', 0], ['1', 1]] as const) {
  test(`validate-cutover.sh with FAIL_ON_REQUIRED_FAILURE=${flag} exits ${exit} and its results fail the step (seed 002)`, (t) => {
    const harness = run('validate-cutover.sh', { FAIL_ON_REQUIRED_FAILURE: flag });
    t.after(harness.cleanup);
    assert.equal(harness.exit, exit);
    assert.match(harness.stdout, /^- `docs\/reports\/rust-cutover-validation\/\d{8}T\d{6}Z\/SUMMARY\.md`$/m);
    assert.match(harness.stdout, /^- `docs\/reports\/rust-cutover-validation\/\d{8}T\d{6}Z\/logs\/`$/m);
    const results = harnessOf(harness.cwd, harness.stdout);
    assert.match(results.file, /results\.tsv$/);
    assert.equal(results.error, null);
    assert.equal(results.rows.length, 12);
    assert.deepEqual(harnessVerdict(results.rows, harness.exit), { status: 'failed', outcome: '7 required failures, 4 required passes, 1 optional skipped' });
  });
}

test('run-junit.sh exits 0 but its JUnit report holds a required failure', (t) => {
  const runner = run('junit/run-junit.sh');
  t.after(runner.cleanup);
  assert.equal(runner.exit, 0);
  const results = harnessOf(runner.cwd, runner.stdout);
  assert.deepEqual([results.file, results.format, results.error], ['out/junit.xml', 'junit', null]);
  assert.deepEqual(harnessVerdict(results.rows, 0), {
    status: 'failed', outcome: '1 required failure, 3 required passes, 1 optional pass, 1 optional skipped',
  });
  assert.equal(results.rows.find((r) => r.status === 'failed')!.detail, 'expected 200, got 404 on /readyz');
});

test('results.tap: one required failure, a skip and a todo', () => {
  const results = parseResultsFile('results.tap', readFileSync(join(fixtures, 'results.tap'), 'utf8'));
  assert.deepEqual(harnessVerdict(results.rows, 0), {
    status: 'failed', outcome: '1 required failure, 3 required passes, 1 optional failure, 1 optional skipped',
  });
});

test('fake-cargo prints a passing cargo summary of 49 tests (seed 000: "49 passed"), or fails with N failures', (t) => {
  const ok = run('fake-cargo', {}, ['test', '-p', 'openagents-runtime-service']);
  t.after(ok.cleanup);
  assert.equal(ok.exit, 0);
  assert.match(ok.stdout, /^test result: ok\. 49 passed; 0 failed; /m);
  const end = { command: 'cargo test', signal: null, timedOut: false, cancelled: false, spawnError: null, timeoutMs: 600_000 };
  assert.deepEqual(decideOutcome({ ...end, exitCode: ok.exit, stdoutTail: ok.stdout, stderrTail: ok.stderr, combinedTail: ok.stderr + ok.stdout }), {
    status: 'passed', outcome: '49 passed',
  });
  const failing = run('fake-cargo', { FAKE_CARGO_FAILURES: '2' }, ['test']);
  t.after(failing.cleanup);
  assert.deepEqual(decideOutcome({ ...end, exitCode: failing.exit, stdoutTail: failing.stdout, stderrTail: failing.stderr, combinedTail: failing.stdout }), {
    status: 'failed', outcome: 'exit 101: 47 passed, 2 failed',
  });
});

test('check-nonprod-health.sh fails with gcloud\'s "Cannot find service" (seed 000)', (t) => {
  const probe = run('check-nonprod-health.sh');
  t.after(probe.cleanup);
  const verdict = decideOutcome({
    command: './check-nonprod-health.sh', exitCode: probe.exit, signal: null, timedOut: false, cancelled: false, spawnError: null,
    timeoutMs: 600_000, stdoutTail: probe.stdout, stderrTail: probe.stderr, combinedTail: probe.stdout + probe.stderr,
  });
  assert.deepEqual(verdict, { status: 'failed', outcome: 'exit 1: Cannot find service [oa-khala-backend-nonprod]' });
});

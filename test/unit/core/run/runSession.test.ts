import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MANUAL_PENDING } from '../../../../src/core/run/runSession';
import type { OutputStream } from '../../../../src/core/ports';
import { runbook, step } from '../../fakes/runbooks';
import { harness } from './sessionHarness';

test('every step of the runbook is in the record, pending until run', () => {
  const { session } = harness(runbook([step('a', 'echo a'), step('b', 'echo b')]));
  const record = session.record;
  assert.deepEqual(record.steps.map((s) => [s.stepId, s.status, s.cwd]), [['a', 'pending', '.'], ['b', 'pending', '.']]);
  assert.equal(record.runId, '20260221T192746Z');
  assert.equal(record.startedAt, '2026-02-21T19:27:46.000Z');
});

test('running one step records evidence, streams output and writes run.json at each change', async () => {
  const { session, store, runner, seen } = harness(runbook([step('health', 'echo ok; echo warn >&2')]), {
    'echo ok; echo warn >&2': { output: [['stdout', 'ok\n'], ['stderr', 'warn\n']], exitCode: 0 },
  });
  const record = await session.run({ stepIds: ['health'] });
  const ev = record.steps[0]!;
  assert.equal(ev.status, 'passed');
  assert.equal(ev.exitCode, 0);
  assert.equal(ev.outcome, 'ok');
  assert.equal(ev.logPath, 'logs/health.log');
  assert.equal(ev.logSha256, 'sha256-of-logs/health.log');
  assert.match(store.texts.get('results.tsv') ?? '', /^health\thealth\ttrue\tpassed\t0\t100\t/m, 'artifacts written without finish()');
  assert.equal(ev.startedAt, '2026-02-21T19:27:46.100Z');
  assert.equal(ev.durationMs, 100);
  assert.equal(store.logText('logs/health.log'), 'ok\nwarn\n');
  assert.deepEqual(seen.output, ['health/stdout:ok\n', 'health/stderr:warn\n']);
  assert.deepEqual(seen.started.map((s) => s.status), ['running']);
  assert.deepEqual(seen.finished.map((s) => s.status), ['passed']);
  assert.deepEqual(store.records.map((r) => r.steps[0]!.status), ['pending', 'running', 'passed']);
  assert.deepEqual(runner.requests[0], {
    command: 'echo ok; echo warn >&2', shell: 'bash', cwd: '/workspace', env: { PATH: '/usr/bin' }, timeoutMs: 600_000,
  });
});

test('the first failing required step stops its stage; other stages go on', async () => {
  const rb = runbook([
    step('a', 'ok-1'),
    step('b', 'fail', { required: false }),
    step('c', 'fail-required'),
    step('d', 'ok-2'),
    step('e', 'ok-3', { stageId: 'stage-1' }),
  ]);
  const { session, status, runner } = harness(rb, {
    fail: { exitCode: 1 }, 'fail-required': { exitCode: 2, output: [['stderr', 'boom\n']] },
  });
  const record = await session.run({ all: true });
  assert.deepEqual(status(), { a: 'passed', b: 'failed', c: 'failed', d: 'skipped', e: 'passed' });
  assert.equal(record.steps[2]!.outcome, 'exit 2: boom');
  assert.equal(record.steps[3]!.outcome, 'required step c did not pass');
  assert.deepEqual(runner.requests.map((r) => r.command), ['ok-1', 'fail', 'fail-required', 'ok-3']);
});

test('steps outside any stage are independent checks: a failure does not skip the next', async () => {
  const rb = runbook([step('probe-1', 'fail', { stageId: null }), step('probe-2', 'ok', { stageId: null })]);
  const { session, status } = harness(rb, { fail: { exitCode: 1 } });
  await session.run({ all: true });
  assert.deepEqual(status(), { 'probe-1': 'failed', 'probe-2': 'passed' });
});

test('missing inputs, interactive and destructive steps are blocked without starting', async () => {
  const rb = runbook([
    step('needs', 'echo $TOKEN $REGION', { inputs: ['TOKEN', 'REGION'], stageId: 's1' }),
    step('tty', 'vim', { annotations: { interactive: true }, stageId: 's2' }),
    step('drop', 'drop db', { annotations: { destructive: true }, stageId: 's3' }),
  ]);
  const { session, runner } = harness(rb, {}, { env: { REGION: 'eu' } });
  const record = await session.run({ stepIds: ['needs', 'tty', 'drop'] });
  assert.deepEqual(record.steps.map((s) => [s.status, s.outcome]), [
    ['blocked', 'missing input: TOKEN'],
    ['blocked', 'interactive: needs a terminal (run it by hand, or allow interactive steps)'],
    ['blocked', 'destructive: confirmation required'],
  ]);
  assert.equal(runner.requests.length, 0);
});

test('a destructive step runs once confirmed, and the callback sees the step', async () => {
  const asked: string[] = [];
  const rb = runbook([step('drop', 'drop db', { annotations: { destructive: true } })]);
  const { session, runner } = harness(rb, {}, {
    confirmDestructive: async (s) => {
      asked.push(s.id);
      return true;
    },
  });
  const record = await session.run({ stepIds: ['drop'] });
  assert.equal(record.steps[0]!.status, 'passed');
  assert.deepEqual(asked, ['drop']);
  assert.equal(runner.requests.length, 1);
});

test('a cwd outside the workspace blocks the step; relative cwds resolve against the runbook', async () => {
  const rb = runbook([
    step('out', 'ls', { annotations: { cwd: '../../etc' }, stageId: 's1' }),
    step('in', 'ls', { annotations: { cwd: '../apps/runtime' }, stageId: 's2' }),
  ]);
  const { session, runner } = harness(rb);
  const record = await session.run({ all: true });
  assert.deepEqual(record.steps.map((s) => s.status), ['blocked', 'passed']);
  assert.equal(record.steps[0]!.outcome, 'cwd outside the workspace: ../../etc');
  assert.equal(record.steps[1]!.cwd, 'apps/runtime');
  assert.equal(runner.requests[0]!.cwd, '/workspace/apps/runtime');
});

test('manual items wait for a verdict, which a host records with a note', async () => {
  const rb = runbook([step('hold', '', { language: 'manual', title: 'Hold 60 minutes' }), step('next', 'echo next')]);
  const { session, runner, seen } = harness(rb);
  let record = await session.run({ all: true });
  assert.deepEqual(record.steps.map((s) => [s.status, s.outcome]), [['pending', MANUAL_PENDING], ['passed', 'exit 0']]);
  assert.equal(runner.requests.length, 1);
  const ev = await session.recordManualVerdict('hold', 'passed', 'dashboard  green\nfor 60m');
  assert.equal(ev.status, 'passed');
  assert.equal(ev.note, 'dashboard green for 60m');
  assert.equal(ev.outcome, 'manual: dashboard green for 60m');
  record = session.record;
  assert.equal(record.steps[0]!.status, 'passed');
  assert.equal(seen.finished.at(-1)!.stepId, 'hold');
  await assert.rejects(session.recordManualVerdict('next', 'passed', ''), /runs a command/);
  await assert.rejects(session.recordManualVerdict('nope', 'passed', ''), /unknown step/);
});

test('secrets never reach the record, the log or the listeners', async () => {
  const secret = 'p4ssw0rd-value';
  const rb = runbook([step('login', `login --token $API_TOKEN`, { inputs: ['API_TOKEN'] })], {
    inputs: [{ name: 'API_TOKEN', secret: true, stepIds: ['login'] }],
  });
  const { session, store, seen } = harness(rb, {
    'login --token $API_TOKEN': {
      output: [['stdout', `token=${secret.slice(0, 5)}`], ['stdout', `${secret.slice(5)}\n`], ['stderr', `bad ${secret}\n`]],
      exitCode: 1,
    },
  }, { env: { API_TOKEN: secret, PIN: '12' } });
  const record = await session.run({ stepIds: ['login'] });
  const everything = JSON.stringify(store.records) + store.logText('logs/login.log') + seen.output.join('') + JSON.stringify(record);
  assert.ok(!everything.includes(secret));
  assert.equal(record.steps[0]!.outcome, 'exit 1: bad ***');
  assert.equal(store.logText('logs/login.log'), 'token=***\nbad ***\n');
  assert.equal(record.steps[0]!.command, 'login --token $API_TOKEN');
});

test('values too short to mask are named in the record, never shown', () => {
  const rb = runbook([step('a', 'echo $PIN')], { inputs: [{ name: 'PIN', secret: true, stepIds: ['a'] }] });
  const { session } = harness(rb, {}, { env: { PIN: '123' } });
  assert.deepEqual(session.record.unmaskedSecrets, ['PIN']);
});

test('a re-run replaces the step evidence; the scope accumulates', async () => {
  let exit = 1;
  const rb = runbook([step('flaky', 'flaky')]);
  const { session, runner } = harness(rb);
  runner.run = async (_request, _onOutput) => ({ exitCode: exit, signal: null, timedOut: false, cancelled: false, spawnError: null });
  assert.equal((await session.run({ stepIds: ['flaky'] })).steps[0]!.status, 'failed');
  exit = 0;
  const record = await session.run({ stageIds: ['0'] });
  assert.equal(record.steps[0]!.status, 'passed');
  assert.deepEqual(record.scope, { all: false, stageIds: ['stage-0'], stepIds: ['flaky'] });
});

test('cancelling stops the current step and starts no more', async () => {
  const rb = runbook([step('wait', 'wait-forever'), step('after', 'echo after', { stageId: 'stage-1' })]);
  const { session, runner, status } = harness(rb, { 'wait-forever': { hang: true } });
  const controller = new AbortController();
  const running = session.run({ all: true }, controller.signal);
  await new Promise((resolve) => setTimeout(resolve, 10));
  controller.abort();
  const record = await running;
  assert.deepEqual(status(), { wait: 'failed', after: 'pending' });
  assert.equal(record.steps[0]!.outcome, 'cancelled');
  assert.equal(runner.requests.length, 1);
});

test('background steps keep running and are ended by finish()', async () => {
  const rb = runbook([step('server', 'serve', { annotations: { background: true } }), step('probe', 'probe')]);
  const { session, runner, store } = harness(rb, { serve: { hang: true, output: [['stdout', 'listening\n']] } });
  const record = await session.run({ all: true });
  assert.deepEqual(record.steps.map((s) => [s.status, s.outcome]), [['running', 'running in background'], ['passed', 'exit 0']]);
  await session.run({ stepIds: ['server'] });
  assert.equal(runner.requests.filter((r) => r.command === 'serve').length, 1, 'not started twice');
  const finished = await session.finish();
  assert.equal(runner.disposed, 1);
  assert.deepEqual([finished.steps[0]!.status, finished.steps[0]!.outcome], ['passed', 'ran in background until the run finished']);
  assert.equal(store.logText('logs/server.log'), 'listening\n');
  assert.ok(finished.endedAt);
  assert.match(store.texts.get('results.tsv')!, /^id\ttitle\trequired\tstatus/);
  assert.match(store.texts.get('SUMMARY.md')!, /Overall: `passed` \(`0` required failures, `2` required passes\)\./);
});

test('expect and expectExit annotations decide the verdict', async () => {
  const rb = runbook([
    step('says', 'say', { annotations: { expect: '/ready in \\d+ms/' }, stageId: 's1' }),
    step('silent', 'say', { annotations: { expect: 'nope' }, stageId: 's2' }),
    step('fails', 'fail', { annotations: { expectExit: 3 }, stageId: 's3' }),
  ]);
  const { session } = harness(rb, {
    say: { output: [['stdout', 'ready in '], ['stdout', '42ms\n']] },
    fail: { exitCode: 3 },
  });
  const record = await session.run({ all: true });
  assert.deepEqual(record.steps.map((s) => s.status), ['passed', 'failed', 'passed']);
  assert.equal(record.steps[1]!.outcome, 'exit 0: expected output nope not found');
});

test('strict makes optional steps required; a throwing listener does not break the run', async () => {
  const rb = runbook([step('opt', 'boom', { required: false })]);
  const { session } = harness(rb, {}, { strict: true });
  session.addListener({ onStepStarted: () => { throw new Error('listener bug'); } });
  const record = await session.run({ all: true });
  assert.equal(record.steps[0]!.required, true);
  assert.equal(record.steps[0]!.status, 'passed');
});

test('a runner that throws leaves the step blocked with the reason', async () => {
  const rb = runbook([step('x', 'x')]);
  const { session, runner } = harness(rb);
  runner.run = async () => {
    throw new Error('spawn EACCES');
  };
  const record = await session.run({ all: true });
  assert.deepEqual([record.steps[0]!.status, record.steps[0]!.outcome], ['blocked', 'could not start: spawn EACCES']);
});

test('inputs given after the session started unblock a step and are masked from then on', async () => {
  const rb = runbook([step('use', 'use $API_TOKEN', { inputs: ['API_TOKEN'] })], {
    inputs: [{ name: 'API_TOKEN', secret: true, stepIds: ['use'] }],
  });
  const { session, store } = harness(rb, { 'use $API_TOKEN': { output: [['stdout', 'got late-secret-value\n']] } });
  assert.equal((await session.run({ stepIds: ['use'] })).steps[0]!.status, 'blocked');
  session.provideInputs({ API_TOKEN: 'late-secret-value' });
  const record = await session.run({ stepIds: ['use'] });
  assert.equal(record.steps[0]!.status, 'passed');
  assert.equal(store.logText('logs/use.log'), 'got ***\n');
});

test('an edited runbook: pending steps take the new text, evidence of run steps stays', async () => {
  const { session } = harness(runbook([step('a', 'echo one'), step('b', 'echo two')]));
  await session.run({ stepIds: ['a'] });
  session.updateRunbook(runbook([step('a', 'echo ONE'), step('b', 'echo TWO'), step('c', 'echo three')]));
  const record = session.record;
  assert.deepEqual(record.steps.map((s) => [s.stepId, s.status, s.command]), [
    ['a', 'passed', 'echo one'],
    ['b', 'pending', 'echo TWO'],
    ['c', 'pending', 'echo three'],
  ]);
});

test('a slow listener holds the output back (back-pressure) without losing any of it', async () => {
  const chunks: Array<[OutputStream, string]> = Array.from({ length: 20 }, (_, i) => ['stdout', `line ${i}\n`]);
  const { session, store } = harness(runbook([step('chatty', 'chatty')]), { chatty: { output: chunks } });
  const received: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  session.addListener({
    onOutput: async (_id, text) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      received.push(text);
      inFlight--;
    },
  });
  await session.run({ all: true });
  assert.equal(received.join(''), chunks.map(([, text]) => text).join(''));
  assert.equal(maxInFlight, 1);
  assert.equal(store.logText('logs/chatty.log'), received.join(''));
});

test('a log that fails mid-step is named in the outcome', async () => {
  const { session, store } = harness(runbook([step('x', 'x')]), { x: { output: [['stdout', 'a\n'], ['stdout', 'b\n']] } });
  const open = store.openLog.bind(store);
  store.openLog = async (id) => {
    const log = await open(id);
    return { ...log, relativePath: log.relativePath, append: () => { throw new Error('ENOSPC: no space left on device'); }, close: log.close };
  };
  const record = await session.run({ all: true });
  assert.equal(record.steps[0]!.status, 'passed');
  assert.equal(record.steps[0]!.outcome, 'b (log incomplete: ENOSPC: no space left on device)');
});

test('stepEvidence returns one step as a copy that follows the run', async () => {
  const { session } = harness(runbook([step('a', 'echo a'), step('b', 'echo b')]), {
    'echo a': { output: [['stdout', 'a\n']], exitCode: 0 },
  });
  assert.equal(session.stepEvidence('a')?.status, 'pending');
  assert.equal(session.stepEvidence('nope'), undefined);
  await session.run({ stepIds: ['a'] });
  const copy = session.stepEvidence('a')!;
  assert.equal(copy.status, 'passed');
  copy.status = 'failed';
  assert.equal(session.stepEvidence('a')?.status, 'passed', 'a caller cannot change the record');
  assert.equal(session.stepEvidence('b')?.status, 'pending');
});

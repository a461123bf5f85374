import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { CancelledBySignal, installSignalHandlers, signalExitCode, type CancelSignal } from '../../../src/cli/signals';
import { fixtureEnv, groupMembers, numberAfter, pidAlive, sleep } from '../node/processHelpers';

class FakeHost extends EventEmitter {
  exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
}

test('first signal aborts with a reason naming it; the second kills everything and exits 128+n', () => {
  const host = new FakeHost();
  const controller = new AbortController();
  const said: string[] = [];
  let killed = 0;
  const uninstall = installSignalHandlers({ controller, killNow: () => void killed++, notify: (line) => said.push(line), host });
  host.emit('SIGTERM');
  assert.equal(controller.signal.aborted, true);
  assert.ok(controller.signal.reason instanceof CancelledBySignal);
  assert.equal((controller.signal.reason as Error).message, 'cancelled by SIGTERM');
  assert.deepEqual([killed, host.exits], [0, []]);
  host.emit('SIGINT');
  assert.deepEqual([killed, host.exits], [1, [130]]);
  assert.deepEqual(said, [
    'runbook-gate: SIGTERM: cancelling the run, ending its steps and writing the report (a second signal quits at once)',
    'runbook-gate: SIGINT again: killing every step process and quitting now',
  ]);
  uninstall();
  assert.deepEqual(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => host.listenerCount(s)), [0, 0, 0]);
});

test('exit codes: 128 + the signal number', () => {
  assert.deepEqual((['SIGHUP', 'SIGINT', 'SIGTERM'] as CancelSignal[]).map(signalExitCode), [129, 130, 143]);
});

test('a notifier that throws (the terminal is gone) does not stop the cancel', () => {
  const host = new FakeHost();
  const controller = new AbortController();
  installSignalHandlers({ controller, killNow: () => undefined, notify: () => { throw new Error('EIO'); }, host });
  host.emit('SIGHUP');
  assert.equal((controller.signal.reason as Error).message, 'cancelled by SIGHUP');
});

/** A real runner host (test/unit/node/processRunnerChild.ts) with the CLI's signal handlers. */
function startHost(command: string, graceMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/unit/node/processRunnerChild.ts', `signals-${randomUUID()}`, command, 'signals', String(graceMs)], {
    env: { ...process.env, ...fixtureEnv() }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = async (pattern: RegExp) => {
    for (const deadline = Date.now() + 20_000; !pattern.test(out); await sleep(20)) {
      if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${out}\n${err}`);
    }
  };
  return { child, out: () => out, err: () => err, exited, until };
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 80 && pidAlive(pid); i++) await sleep(25);
  return !pidAlive(pid);
}

const STEP = 'echo "pgid $$"; setsid sleep 60 & echo "daemon $!"; fx-sleep-forever';

for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
  test(`${signal} to a real CLI process cancels the step, ends its processes and lets the run finish`, async () => {
    const host = startHost(STEP, 300);
    await host.until(/sleeping/);
    host.child.kill(signal);
    assert.equal(await host.exited, 0, host.err());
    const outcome = JSON.parse(/outcome (.*)/.exec(host.out())![1]!) as { cancelled: boolean; timedOut: boolean };
    assert.deepEqual([outcome.cancelled, outcome.timedOut], [true, false]);
    assert.match(host.out(), new RegExp(`reason cancelled by ${signal}\\n`));
    assert.deepEqual(groupMembers(numberAfter(host.out(), 'pgid')), []);
    assert.equal(await gone(numberAfter(host.out(), 'daemon')), true);
  });
}

test('a second signal kills every step process at once and exits 128+n, even mid-grace', async () => {
  // The grandchild and the daemon ignore SIGTERM; the grace period (60 s) would keep the
  // first cancel waiting: the second signal does not wait.
  const host = startHost('echo "pgid $$"; setsid sh -c \'trap "" TERM; echo "daemon $$"; while :; do sleep 1; done\' & fx-grandchild', 60_000);
  await host.until(/grandchild \d+/);
  await host.until(/daemon \d+/);
  host.child.kill('SIGTERM');
  await sleep(300);
  assert.equal(pidAlive(numberAfter(host.out(), 'grandchild')), true, 'still in its grace period');
  host.child.kill('SIGINT');
  assert.equal(await host.exited, 130);
  assert.match(host.err(), /SIGINT again: killing every step process and quitting now/);
  assert.equal(await gone(numberAfter(host.out(), 'grandchild')), true);
  assert.equal(await gone(numberAfter(host.out(), 'daemon')), true);
  assert.deepEqual(groupMembers(numberAfter(host.out(), 'pgid')), []);
});

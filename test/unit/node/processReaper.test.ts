// Processes that leave the step's process group (setsid, setpgid, double fork) are found by
// the marks in their environment and ended: at step end, at run end, and after the runner
// itself was killed with -9.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { OutputStream, ProcessRequest } from '../../../src/core/ports';
import { ExecaProcessRunner } from '../../../src/node/execaRunner';
import { COOKIE_VARIABLE, STEP_VARIABLE, findMarked } from '../../../src/node/processReaper';
import { fixtureEnv, numberAfter, pidAlive, sleep, tempWorkspace } from './processHelpers';

const workspace = tempWorkspace();
test.after(() => rmSync(workspace, { recursive: true, force: true }));

function request(command: string, extra: Partial<ProcessRequest> = {}): ProcessRequest {
  return { command, shell: 'bash', cwd: workspace, env: fixtureEnv(), timeoutMs: 30_000, cookie: `test-${randomUUID()}`, ...extra };
}

function collector() {
  let text = '';
  return { text: () => text, onOutput: (chunk: Uint8Array, _stream: OutputStream) => void (text += Buffer.from(chunk).toString()) };
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 80 && pidAlive(pid); i++) await sleep(25);
  return !pidAlive(pid);
}

function cookieHolders(cookie: string): number[] {
  return findMarked({ name: COOKIE_VARIABLE, value: cookie }) ?? [];
}

test('daemons that left the step\'s process group are ended when the step ends', async () => {
  const out = collector();
  const outcome = await new ExecaProcessRunner({ killGraceMs: 300 }).run(request([
    'setsid sleep 60 & echo "setsid $!"',
    // Double fork into a new session: the middle process exits, the daemon is orphaned.
    'setsid sh -c \'sleep 60 & echo "double-fork $!"\'',
    // Its own process group (job control), same session.
    'set -m; sleep 60 & echo "setpgid $!"; set +m',
    'sleep 0.3',
  ].join('\n')), out.onOutput);
  assert.equal(outcome.exitCode, 0);
  for (const label of ['setsid', 'double-fork', 'setpgid']) {
    assert.equal(await gone(numberAfter(out.text(), label)), true, `${label} daemon still running`);
  }
});

test('a stubborn escaped daemon (ignores SIGTERM) is killed after the grace period', async () => {
  const out = collector();
  await new ExecaProcessRunner({ killGraceMs: 300 }).run(
    request('setsid sh -c \'trap "" TERM; echo "stubborn $$"; while :; do sleep 1; done\' &\nsleep 0.3'),
    out.onOutput,
  );
  assert.equal(await gone(numberAfter(out.text(), 'stubborn')), true);
});

test('each attempt has its own step mark; the run cookie is the request\'s', async () => {
  const runner = new ExecaProcessRunner();
  const cookie = `test-${randomUUID()}`;
  const first = collector();
  const second = collector();
  await runner.run(request(`echo "$${COOKIE_VARIABLE} $${STEP_VARIABLE}"`, { cookie }), first.onOutput);
  await runner.run(request(`echo "$${COOKIE_VARIABLE} $${STEP_VARIABLE}"`, { cookie }), second.onOutput);
  const [cookie1, step1] = first.text().trim().split(' ');
  const [cookie2, step2] = second.text().trim().split(' ');
  assert.deepEqual([cookie1, cookie2], [cookie, cookie]);
  assert.match(step1!, /^[0-9a-f-]{36}$/);
  assert.notEqual(step1, step2);
});

test('a background step outlives its own end and other steps\' ends; disposeAll() ends it', async () => {
  const runner = new ExecaProcessRunner({ killGraceMs: 300 });
  const cookie = `test-${randomUUID()}`;
  const bg = collector();
  const outcome = await runner.run(request('setsid sleep 60 & echo "server $!"', { cookie, background: true }), bg.onOutput);
  assert.equal(outcome.exitCode, 0, 'its shell is done');
  const server = numberAfter(bg.text(), 'server');
  await runner.run(request('true', { cookie }), () => undefined);
  assert.equal(pidAlive(server), true, 'another step ending leaves it alone');
  await runner.disposeAll();
  assert.equal(await gone(server), true);
});

test('reap(cookie) at run end ends what is left of the run and says how many', async () => {
  const cookie = `test-${randomUUID()}`;
  const out = collector();
  const runner = new ExecaProcessRunner({ killGraceMs: 300 });
  await runner.run(request('setsid sleep 60 & echo "server $!"', { cookie, background: true }), out.onOutput);
  assert.equal(cookieHolders(cookie).length, 1);
  assert.equal(await runner.reap(cookie), 1);
  assert.equal(await gone(numberAfter(out.text(), 'server')), true);
  assert.equal(await runner.reap(cookie), 0, 'nothing left the second time');
  assert.equal(await runner.reap(''), 0, 'an empty cookie matches nothing');
});

test('reap finds the leftovers of a runner killed with -9, and spares those of a live runner', async () => {
  const cookie = `test-${randomUUID()}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/unit/node/processRunnerChild.ts', cookie, 'setsid sleep 60 & echo "daemon $!"; echo "shell $$"; sleep 60', 'plain', '300'], {
    env: { ...process.env, ...fixtureEnv() }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  for (const deadline = Date.now() + 20_000; !/shell \d+/.test(text); await sleep(25)) {
    if (Date.now() > deadline) throw new Error(`the runner host did not start the step: ${text}`);
  }
  const daemon = numberAfter(text, 'daemon');
  const shell = numberAfter(text, 'shell');

  // A `mark` in a second terminal: the runner that started them is alive, they are its business.
  const other = new ExecaProcessRunner({ killGraceMs: 300 });
  assert.equal(await other.reap(cookie), 0);
  assert.equal(pidAlive(daemon), true);

  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const left = cookieHolders(cookie);
  assert.ok(left.includes(daemon) && left.includes(shell), `left running: ${left.join(', ')}`);
  // A later `report` or `resume` of that run: everything carrying its cookie is ended and counted.
  assert.equal(await other.reap(cookie), left.length);
  assert.equal(await gone(daemon), true);
  assert.equal(await gone(shell), true);
  assert.deepEqual(cookieHolders(cookie), []);
});

test('reap never ends the process that calls it nor its ancestors, even when they carry the cookie', async () => {
  const cookie = `test-${randomUUID()}`;
  // A runbook-gate started by a shell that carries the run's cookie (say, inside a step of
  // that run whose runner is gone) reaps the run: its sibling goes, its shell and itself stay.
  const script = [
    "import { ExecaProcessRunner } from './src/node/execaRunner.ts';",
    `const count = await new ExecaProcessRunner({ killGraceMs: 300 }).reap(${JSON.stringify(cookie)});`,
    "process.stdout.write(`reaped ${count}\\n`);",
  ].join('\n');
  const shell = spawnSync('bash', ['-c', `sleep 60 & echo "sibling $!"\n${JSON.stringify(process.execPath)} --import tsx --input-type=module -e ${shellQuote(script)}\necho "shell still here"`], {
    env: { ...process.env, [COOKIE_VARIABLE]: cookie }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 30_000,
  });
  assert.equal(shell.status, 0);
  assert.match(shell.stdout, /^sibling \d+\nreaped 1\nshell still here\n$/);
  assert.equal(await gone(numberAfter(shell.stdout, 'sibling')), true);
});

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

test('a host that exits with a step running takes the step\'s escaped daemons down too', async () => {
  const script = [
    "import { ExecaProcessRunner } from './src/node/execaRunner.ts';",
    "void new ExecaProcessRunner().run({ command: 'setsid sleep 60 & echo \"daemon $!\"; sleep 60', shell: 'bash', cwd: process.cwd(), env: { PATH: process.env.PATH }, timeoutMs: 60000, cookie: 'exit-test' },",
    "  (chunk) => { process.stdout.write(chunk); if (String(chunk).includes('daemon')) process.exit(0); });",
  ].join('\n');
  const host = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, ...fixtureEnv() }, encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'inherit'],
  });
  assert.equal(host.status, 0);
  assert.equal(await gone(numberAfter(host.stdout, 'daemon')), true);
});

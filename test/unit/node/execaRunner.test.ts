import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { OutputStream, ProcessRequest } from '../../../src/core/ports';
import { ExecaProcessRunner } from '../../../src/node/execaRunner';
import { fixtureEnv, groupMembers, numberAfter, pidAlive, sleep, tempWorkspace } from './processHelpers';

const workspace = tempWorkspace();
test.after(() => rmSync(workspace, { recursive: true, force: true }));

function request(command: string, extra: Partial<ProcessRequest> = {}): ProcessRequest {
  return { command, shell: 'bash', cwd: workspace, env: fixtureEnv(), timeoutMs: 30_000, cookie: 'execa-runner-test', ...extra };
}

function collector() {
  const chunks: Array<{ stream: OutputStream; bytes: Buffer }> = [];
  const text = (stream?: OutputStream) =>
    Buffer.concat(chunks.filter((c) => !stream || c.stream === stream).map((c) => c.bytes)).toString('utf8');
  return { chunks, text, onOutput: (chunk: Uint8Array, stream: OutputStream) => void chunks.push({ stream, bytes: Buffer.from(chunk) }) };
}

test('exit codes and both streams come back', async () => {
  const out = collector();
  const runner = new ExecaProcessRunner();
  assert.deepEqual(await runner.run(request('fx-exit2'), out.onOutput), {
    exitCode: 2, signal: null, timedOut: false, cancelled: false, spawnError: null,
    shell: 'bash', shellFlags: ['-e', '-o', 'pipefail', '-o', 'errtrace', '+sigpipe-tolerant'],
  });
  assert.equal(out.text(), 'about to fail\n');
  const err = collector();
  assert.equal((await runner.run(request('fx-stderr'), err.onOutput)).exitCode, 1);
  assert.equal(err.text('stderr'), 'warning: something odd\nerror: disk quota exceeded on /var/data\n');
  assert.equal(err.text('stdout'), 'working on it\n');
});

test('raw bytes reach the handler unchanged (invalid UTF-8, NUL)', async () => {
  const out = collector();
  await new ExecaProcessRunner().run(request('fx-invalid-utf8'), out.onOutput);
  const bytes = Buffer.concat(out.chunks.map((c) => c.bytes));
  assert.deepEqual(bytes, Buffer.from('before \xff\xfe middle \xc3\x28 after \x00 end\n', 'latin1'));
});

test('stdin is closed, env is what was given plus the marks, multi-line steps stop at the first failure', async () => {
  const out = collector();
  const runner = new ExecaProcessRunner();
  assert.equal((await runner.run(request('cat; echo "[$ONLY_THIS]" "[${HOME_X:-unset}]"; env | cut -d= -f1 | grep RUNBOOK_GATE | sort', { env: fixtureEnv({ ONLY_THIS: 'yes' }) }), out.onOutput)).exitCode, 0);
  assert.equal(out.text(), '[yes] [unset]\nRUNBOOK_GATE_COOKIE\nRUNBOOK_GATE_OWNER\nRUNBOOK_GATE_STEP\n');
  const multi = collector();
  assert.equal((await runner.run(request('echo one\nfalse\necho two'), multi.onOutput)).exitCode, 1);
  assert.equal(multi.text(), 'one\n');
  const pipe = collector();
  assert.equal((await runner.run(request('fx-exit2 | cat'), pipe.onOutput)).exitCode, 2, 'pipefail under bash');
});

test('a reader that stops early does not fail the step; a failing producer does (bash)', async () => {
  const runner = new ExecaProcessRunner();
  const early = collector();
  assert.equal((await runner.run(request('yes | head -1'), early.onOutput)).exitCode, 0);
  assert.equal(early.text(), 'y\n');
  assert.equal((await runner.run(request('false | cat\necho no'), () => undefined)).exitCode, 1);
  const sh = await runner.run(request('false | cat', { shell: 'sh' }), () => undefined);
  assert.deepEqual([sh.exitCode, sh.shell, sh.shellFlags], [0, 'sh', ['-e']], 'sh has no pipefail');
});

test('a missing cwd or shell is a spawn error, not an exit code', async () => {
  const runner = new ExecaProcessRunner();
  const noCwd = await runner.run(request('true', { cwd: `${workspace}/nope` }), () => undefined);
  assert.equal(noCwd.spawnError, `working directory not found: ${workspace}/nope`);
  const noShell = await runner.run(request('true', { shell: 'no-such-shell-xyz' }), () => undefined);
  assert.equal(noShell.spawnError, 'shell not found: no-such-shell-xyz');
  assert.equal(noShell.exitCode, null);
  assert.deepEqual([noShell.shell, noShell.shellFlags], ['no-such-shell-xyz', []]);
});

test('a timeout ends the whole process group', async () => {
  const out = collector();
  const outcome = await new ExecaProcessRunner({ killGraceMs: 300 }).run(
    request('echo "pgid $$"; fx-sleep-forever', { timeoutMs: 400 }),
    out.onOutput,
  );
  assert.equal(outcome.timedOut, true);
  assert.equal(outcome.cancelled, false);
  assert.equal(outcome.exitCode, null);
  assert.deepEqual(groupMembers(numberAfter(out.text(), 'pgid')), []);
});

test('cancel ends a grandchild that ignores SIGTERM (SIGKILL after the grace period)', async () => {
  const out = collector();
  const controller = new AbortController();
  const running = new ExecaProcessRunner({ killGraceMs: 300 }).run(request('echo "pgid $$"; fx-grandchild'), out.onOutput, controller.signal);
  while (!/grandchild \d+/.test(out.text())) await sleep(20);
  const grandchild = numberAfter(out.text(), 'grandchild');
  assert.ok(pidAlive(grandchild));
  controller.abort();
  const outcome = await running;
  assert.equal(outcome.cancelled, true);
  assert.equal(outcome.timedOut, false);
  assert.equal(pidAlive(grandchild), false);
  assert.deepEqual(groupMembers(numberAfter(out.text(), 'pgid')), []);
});

test('processes a step leaves behind are ended when its shell exits', async () => {
  const out = collector();
  const outcome = await new ExecaProcessRunner({ killGraceMs: 300 }).run(request('sleep 60 & echo "left $!"'), out.onOutput);
  assert.equal(outcome.exitCode, 0);
  assert.equal(pidAlive(numberAfter(out.text(), 'left')), false);
});

test('background processes run until disposeAll()', async () => {
  const out = collector();
  const runner = new ExecaProcessRunner({ killGraceMs: 300 });
  const running = runner.run(request('echo "pgid $$"; fx-sleep-forever', { background: true, timeoutMs: 50 }), out.onOutput);
  while (!out.text().includes('sleeping')) await sleep(20);
  await sleep(150); // longer than timeoutMs: background steps have none
  const pgid = numberAfter(out.text(), 'pgid');
  assert.notDeepEqual(groupMembers(pgid), []);
  await runner.disposeAll();
  const outcome = await running;
  assert.equal(outcome.cancelled, true);
  assert.deepEqual(groupMembers(pgid), []);
});

test('an already aborted signal starts nothing', async () => {
  const outcome = await new ExecaProcessRunner().run(request('echo hi'), () => undefined, AbortSignal.abort());
  assert.equal(outcome.cancelled, true);
  assert.equal(outcome.exitCode, null);
});

test('back-pressure: a slow handler still receives every byte of 50 MB', async () => {
  let bytes = 0;
  let calls = 0;
  const outcome = await new ExecaProcessRunner().run(request('fx-big'), (chunk) => {
    bytes += chunk.length;
    if (++calls % 50 === 0) return sleep(1).then(() => undefined);
  });
  assert.equal(outcome.exitCode, 0);
  // base64 of 39321600 zero bytes, wrapped at 76 columns
  assert.equal(bytes, 52428800 + Math.ceil(52428800 / 76));
});

test('a host that exits with a step still running takes the step down with it', async () => {
  const script = [
    "import { ExecaProcessRunner } from './src/node/execaRunner.ts';",
    'const runner = new ExecaProcessRunner();',
    "void runner.run({ command: 'echo \"pgid $$\"; fx-sleep-forever', shell: 'sh', cwd: process.cwd(), env: { PATH: process.env.PATH }, timeoutMs: 60000, cookie: '' },",
    "  (chunk) => { process.stdout.write(chunk); if (String(chunk).includes('sleeping')) process.exit(0); });",
  ].join('\n');
  const { execFileSync } = await import('node:child_process');
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, ...fixtureEnv() }, encoding: 'utf8', timeout: 20_000,
  });
  const pgid = numberAfter(output, 'pgid');
  for (let i = 0; i < 40 && groupMembers(pgid).length > 0; i++) await sleep(25);
  assert.deepEqual(groupMembers(pgid), []);
});

test('output still buffered when the process exits is all delivered, even to a slow handler', async () => {
  let bytes = 0;
  const outcome = await new ExecaProcessRunner().run(request('fx-big 2000000'), async (chunk) => {
    bytes += chunk.length;
    await sleep(30);
  });
  assert.equal(outcome.exitCode, 0);
  assert.equal(bytes, 2000000 + Math.ceil(2000000 / 76));
});

test('a descendant that escaped with a cleared environment (no marks) does not keep the step waiting', async () => {
  const out = collector();
  // env -i: nothing marks it, so it outlives the step (docs/shell-semantics.md); it holds the
  // step's stdout, and the runner stops waiting once the pipe has been idle a while.
  const outcome = await new ExecaProcessRunner({ killGraceMs: 200 }).run(
    request(`setsid env -i /bin/sh -c 'echo "escaped $$"; exec sleep 30' & sleep 0.2; echo done`),
    out.onOutput,
  );
  assert.equal(outcome.exitCode, 0);
  const escaped = numberAfter(out.text(), 'escaped');
  assert.equal(pidAlive(escaped), true);
  process.kill(-escaped, 'SIGKILL');
  for (let i = 0; i < 40 && groupMembers(escaped).length > 0; i++) await sleep(25);
  assert.deepEqual(groupMembers(escaped), []);
});

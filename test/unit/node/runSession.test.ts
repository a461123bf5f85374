// RunSession over the real runner and file store, against fixture scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RunSession } from '../../../src/core/run/runSession';
import type { Runbook } from '../../../src/core/runbook/model';
import { ExecaProcessRunner } from '../../../src/node/execaRunner';
import { createRunStore } from '../../../src/node/fileRunStore';
import { runbook, step } from '../fakes/runbooks';
import { fixtureEnv, groupMembers, tempWorkspace } from './processHelpers';

const workspace = tempWorkspace();
test.after(() => rmSync(workspace, { recursive: true, force: true }));
const clock = { now: () => new Date() };

async function session(rb: Runbook, env: Record<string, string> = {}) {
  const store = await createRunStore({ runsRoot: `runs/${Math.random().toString(36).slice(2)}`, workspaceRoot: workspace, clock });
  const output: string[] = [];
  const s = new RunSession({
    runbook: rb, runbookPath: 'RUNBOOK.md', runbookDir: workspace, workspaceRoot: workspace,
    env: fixtureEnv(env), shell: 'bash', defaultTimeoutMs: 60_000, strict: false,
    environment: { host: 'h', toolVersion: '0', gitCommit: null, gitBranch: null },
    runner: new ExecaProcessRunner({ killGraceMs: 300 }), store, clock,
  });
  s.addListener({ onOutput: (_id, text) => void output.push(text) });
  return { session: s, store, output };
}

function everyFile(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
}

test('secret values are masked everywhere: plain, base64, base64url, URL-encoded, split across writes', async () => {
  const token = 'tok_9f8e7d6c5b4a/+~x';
  const rb = runbook([step('echo', 'fx-echo-env DEPLOY_TOKEN; exit 3', { inputs: ['DEPLOY_TOKEN'] })], {
    inputs: [{ name: 'DEPLOY_TOKEN', secret: true, stepIds: ['echo'] }],
  });
  const { session: s, store, output } = await session(rb, { DEPLOY_TOKEN: token });
  await s.run({ all: true });
  const record = await s.finish();
  const forms = [token, Buffer.from(token).toString('base64'), Buffer.from(token).toString('base64url'), encodeURIComponent(token)];
  const files = everyFile(store.dir);
  const seen = output.join('');
  for (const form of forms) {
    assert.ok(!files.includes(form), `run directory leaks ${form}`);
    assert.ok(!seen.includes(form), `listener output leaks ${form}`);
  }
  const log = readFileSync(join(store.dir, 'logs/echo.log'), 'utf8');
  assert.equal(
    log,
    'plain DEPLOY_TOKEN=***\nbase64 ***\nbase64url ***\nurl https://example.invalid/?q=***\nsplit *** done\nstderr DEPLOY_TOKEN=***\n',
  );
  assert.equal(record.steps[0]!.outcome, 'exit 3: stderr DEPLOY_TOKEN=***');
});

test('invalid UTF-8 is kept as raw bytes in the log and shown with replacement characters', async () => {
  // A registered secret (not printed here) must not cost the raw bytes.
  const rb = runbook([step('bin', 'fx-invalid-utf8')], { inputs: [{ name: 'SOME_TOKEN', secret: true, stepIds: [] }] });
  const { session: s, store, output } = await session(rb, { SOME_TOKEN: 'not-printed-anywhere' });
  const record = await s.run({ all: true });
  const log = readFileSync(join(store.dir, 'logs/bin.log'));
  assert.deepEqual(log, Buffer.from('before \xff\xfe middle \xc3\x28 after \x00 end\n', 'latin1'));
  assert.equal(output.join(''), 'before \ufffd\ufffd middle \ufffd( after \0 end\n');
  assert.equal(record.steps[0]!.outcome, 'before \ufffd\ufffd middle \ufffd( after \ufffd end');
});

test('50 MB of output: all of it in the log with its digest, a short outcome in the record', async () => {
  const { session: s, store } = await session(runbook([step('big', 'fx-big; echo "all done"')]));
  const record = await s.run({ all: true });
  const ev = record.steps[0]!;
  const log = readFileSync(join(store.dir, ev.logPath!));
  assert.equal(log.length, 52428800 + Math.ceil(52428800 / 76) + 'all done\n'.length);
  assert.equal(ev.logSha256, createHash('sha256').update(log).digest('hex'));
  assert.equal(ev.outcome, 'all done');
  assert.ok(readFileSync(join(store.dir, 'run.json')).length < 10_000);
});

test('command not found and a refused connection are blocked; a failing script is failed', async () => {
  const rb = runbook([
    step('missing', 'no-such-command-xyz --version', { stageId: 's1' }),
    step('refused', 'curl -fsS http://127.0.0.1:9/healthz', { stageId: 's2' }),
    step('fails', 'fx-stderr', { stageId: 's3' }),
  ]);
  const { session: s, store } = await session(rb);
  await s.run({ all: true });
  const record = await s.finish();
  assert.deepEqual(record.steps.map((e) => [e.status, e.exitCode]), [['blocked', 127], ['blocked', 7], ['failed', 1]]);
  assert.equal(record.steps[0]!.outcome, 'exit 127: command not found: no-such-command-xyz');
  assert.equal(record.steps[2]!.outcome, 'exit 1: error: disk quota exceeded on /var/data');
  const tsv = readFileSync(join(store.dir, 'results.tsv'), 'utf8').split('\n');
  assert.equal(tsv[0], 'id\ttitle\trequired\tstatus\texit_code\tduration_ms\tstarted\tlog');
  assert.match(tsv[3]!, /^fails\tfails\ttrue\tfailed\t1\t\d+\t\S+\tlogs\/fails\.log$/);
  assert.match(readFileSync(join(store.dir, 'SUMMARY.md'), 'utf8'), /Overall: `failed` \(`1` required failures, `0` required passes, `2` required blocked\)\./);
});

test('a step past its timeout fails as "timed out" and leaves nothing running', async () => {
  const rb = runbook([step('slow', 'echo "pgid $$"; fx-sleep-forever', { annotations: { timeoutMs: 300 } })]);
  const { session: s, output } = await session(rb);
  const record = await s.run({ all: true });
  assert.deepEqual([record.steps[0]!.status, record.steps[0]!.outcome], ['failed', 'timed out after 300ms']);
  const pgid = Number(/pgid (\d+)/.exec(output.join(''))![1]);
  assert.deepEqual(groupMembers(pgid), []);
});

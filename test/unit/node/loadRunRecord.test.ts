import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { loadRunRecord } from '../../../src/node/loadRunRecord';
import { groupMembers, sleep, tempWorkspace } from './processHelpers';

const workspace = tempWorkspace();
test.after(() => rmSync(workspace, { recursive: true, force: true }));

test('a run killed with SIGKILL mid-step reloads with the step interrupted and its partial log', async () => {
  const pidFile = join(workspace, 'step.pid');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/unit/node/crashRunChild.ts', workspace, pidFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let pgid = 0;
  try {
    // Killed once the step is running for sure: its pid file written and run.json saying so.
    const deadline = Date.now() + 20_000;
    const runJson = () => join(stdout.trim().split('\n')[0] ?? '', 'run.json');
    const stepRunning = () =>
      existsSync(runJson()) && JSON.parse(readFileSync(runJson(), 'utf8')).steps[1]?.status === 'running';
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '' || !stepRunning()) {
      assert.ok(Date.now() < deadline, 'the child run never reached the step');
      await sleep(25);
    }
    pgid = Number(readFileSync(pidFile, 'utf8').trim());
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  } finally {
    child.kill('SIGKILL');
    // The step's process group outlives a SIGKILLed runner; end it here.
    if (pgid > 0) try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
  }
  while (pgid > 0 && groupMembers(pgid).length > 0) await sleep(25);

  const runDir = stdout.trim().split('\n')[0]!;
  const before = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
  assert.equal(before.steps[1].status, 'running');

  const record = await loadRunRecord(runDir);
  const [first, partial] = record.steps;
  assert.equal(first!.status, 'passed');
  assert.equal(partial!.status, 'interrupted');
  assert.equal(partial!.outcome, 'interrupted: the run ended while this step was running');
  assert.equal(partial!.logPath, 'logs/partial.log');
  const log = readFileSync(join(runDir, partial!.logPath!));
  assert.equal(log.toString(), 'partial output before the crash\n');
  assert.equal(partial!.logSha256, createHash('sha256').update(log).digest('hex'));
  const rewritten = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
  assert.equal(rewritten.steps[1].status, 'interrupted');
  assert.match(readFileSync(join(runDir, 'results.tsv'), 'utf8'), /^partial\tpartial\ttrue\tinterrupted\t/m);
  assert.match(readFileSync(join(runDir, 'SUMMARY.md'), 'utf8'), /Overall: `failed` \(`1` required failures, `1` required passes\)\./);
});

test('a directory without a readable run.json is an error a user can act on', async () => {
  const dir = join(workspace, 'empty-run');
  mkdirSync(dir);
  await assert.rejects(loadRunRecord(dir), /not a run directory \(cannot read .*run\.json\)/);
  writeFileSync(join(dir, 'run.json'), '{"version": 7}');
  await assert.rejects(loadRunRecord(dir), /unsupported run\.json/);
});

test('a run whose writer is still alive is left as it is', async () => {
  const dir = join(workspace, 'live-run');
  mkdirSync(dir);
  const record = {
    version: 1, runId: 'live', runbookPath: 'R.md', runbookTitle: 'R', startedAt: '2026-02-21T19:27:46.000Z', endedAt: null,
    strict: false, scope: { all: true, stageIds: [], stepIds: [] },
    environment: { host: 'h', toolVersion: '0', gitCommit: null, gitBranch: null },
    steps: [{ stepId: 's', title: 's', stageId: null, required: true, status: 'running', command: 'x', cwd: '.', startedAt: null,
      endedAt: null, durationMs: null, exitCode: null, outcome: '', logPath: null, logSha256: null }],
    writer: { pid: process.pid, host: hostname() },
  };
  writeFileSync(join(dir, 'run.json'), JSON.stringify(record));
  assert.equal((await loadRunRecord(dir)).steps[0]!.status, 'running');
  writeFileSync(join(dir, 'run.json'), JSON.stringify({ ...record, writer: { pid: process.pid, host: 'another-host' } }));
  assert.equal((await loadRunRecord(dir)).steps[0]!.status, 'interrupted');
});

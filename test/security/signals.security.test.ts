// Issue 7, High: a CI cancel (SIGTERM, SIGHUP) or kill -9 must not leave a step running, a
// record "running" or a run without a report.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from '../../src/core/run/record';
import { alive, runDirs, startCli, until, workspace, cli } from './harness';

// The step records its own pid and starts a daemon that leaves its process group (setsid).
const RUNBOOK = [
  '# Long step', '', '## Stage 0: Wait', '', '```bash {"name":"wait"}',
  'echo $$ > step.pid',
  "setsid sh -c 'echo $$ > daemon.pid; exec sleep 120' &",
  'echo waiting; sleep 120', '```', '',
].join('\n');

function readRecord(dir: string): RunRecord {
  return JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunRecord;
}

for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
  test(`${signal} to the CLI mid-step: the step and its escaped daemon end, the record is closed as cancelled, the report is written`, async () => {
    const ws = workspace();
    try {
      ws.write('long.md', RUNBOOK);
      const { child, done } = startCli(['run', 'long.md', '--stage', '0'], ws.root);
      await until(() => existsSync(join(ws.root, 'step.pid')) && existsSync(join(ws.root, 'daemon.pid')), 'the step and its daemon to start');
      const stepPid = Number(ws.read('step.pid'));
      const daemonPid = Number(ws.read('daemon.pid'));
      child.kill(signal);
      const result = await done;
      assert.equal(result.code, 1, result.stderr);
      assert.equal(alive(stepPid), false, 'the step process is gone');
      assert.equal(alive(daemonPid), false, 'the setsid daemon is gone when the CLI has exited');
      const [dir] = runDirs(ws.root);
      const record = readRecord(dir!);
      assert.equal(record.sessions[0]!.end, `signal:${signal}`);
      assert.deepEqual([record.steps[0]!.status, record.steps[0]!.attempts[0]!.status], ['cancelled', 'cancelled']);
      assert.equal(record.checks[0]!.status, 'cancelled', 'cancelled, never failed');
      const reports = readdirSync(join(ws.root, 'docs/status'));
      assert.equal(reports.length, 1);
      const report = readFileSync(join(ws.root, 'docs/status', reports[0]!), 'utf8');
      assert.match(report, /^1\. Stage 0 \(Wait\): NOT RUN$/m, 'a cancelled step never makes its stage FAIL');
    } finally {
      ws.cleanup();
    }
  });
}

test('a second signal ends every step process at once and exits 128+n', async () => {
  const ws = workspace();
  try {
    // This step ignores SIGTERM, so the first signal's orderly cancel has to wait for its grace period.
    ws.write('stubborn.md', ['# Stubborn', '', '## Stage 0: Wait', '', '```bash {"name":"wait"}', "trap '' TERM", 'echo $$ > step.pid', 'sleep 120', '```', ''].join('\n'));
    const { child, done } = startCli(['run', 'stubborn.md', '--stage', '0'], ws.root);
    await until(() => existsSync(join(ws.root, 'step.pid')), 'the step to start');
    const stepPid = Number(ws.read('step.pid'));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    const result = await done;
    assert.equal(result.code, 143);
    await until(() => !alive(stepPid), 'the step to be gone', 5000);
  } finally {
    ws.cleanup();
  }
});

test('kill -9 of the CLI: a later `report RUN_DIR` ends what it left running, closes the attempt as interrupted and says so', async () => {
  const ws = workspace();
  try {
    ws.write('long.md', RUNBOOK);
    const { child, done } = startCli(['run', 'long.md', '--stage', '0'], ws.root);
    await until(() => existsSync(join(ws.root, 'step.pid')) && existsSync(join(ws.root, 'daemon.pid')), 'the step and its daemon to start');
    const daemonPid = Number(ws.read('daemon.pid'));
    child.kill('SIGKILL');
    await done;
    assert.equal(alive(daemonPid), true, 'kill -9 leaves the daemon (nothing could stop it)');
    const [dir] = runDirs(ws.root);
    assert.equal(readRecord(dir!).steps[0]!.status, 'running');

    const report = await cli(['report', dir!], ws.root);
    assert.equal(report.code, 1, report.stderr);
    assert.match(report.stderr, /ended \d+ process\(es\) left running by an interrupted session/);
    await until(() => !alive(daemonPid), 'the daemon to be reaped', 5000);
    const record = readRecord(dir!);
    assert.equal(record.sessions[0]!.end, 'interrupted');
    assert.ok((record.sessions[0]!.reaped ?? 0) >= 1, 'the record says how many were ended');
    assert.equal(record.steps[0]!.attempts[0]!.status, 'interrupted');
    assert.match(record.steps[0]!.attempts[0]!.logSha256 ?? '', /^[0-9a-f]{64}$/, 'the partial log kept, with its digest');
  } finally {
    ws.cleanup();
  }
});

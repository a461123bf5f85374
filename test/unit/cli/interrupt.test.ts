// Ctrl-C: the running step is cancelled, the run record is finished, the CLI exits 1.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mainTs, scratchWorkspace, tsxLoader } from './cliHarness';

const ws = scratchWorkspace();
after(() => ws.cleanup());

test('SIGINT cancels the running step, finishes run.json and exits 1', async () => {
  writeFileSync(join(ws.root, 'slow.md'), ['# Slow', '', '## Stage 0: Wait', '', '```bash {"name":"slow"}', 'echo started; sleep 60', '```', ''].join('\n'));
  const child = spawn(process.execPath, ['--import', tsxLoader, mainTs, 'run', 'slow.md'], { cwd: ws.root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  let interrupted = false;
  const code = await new Promise<number | null>((resolve) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!interrupted && /^\[slow\] started$/m.test(stderr)) {
        interrupted = true; // one Ctrl-C: a second one quits at once (exit 130)
        child.kill('SIGINT');
      }
    });
    child.on('close', (c) => resolve(c));
  });
  assert.equal(code, 1, stderr);
  assert.match(stdout, /^Decision: No-Go$/m);
  const runDir = /^Run directory: (.+)$/m.exec(stdout)?.[1] ?? '';
  const record = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as { endedAt: string | null; steps: Array<{ stepId: string; status: string; outcome: string }> };
  assert.notEqual(record.endedAt, null);
  // The session records a cancelled step as failed/"cancelled" (or interrupted); never passed or running.
  const slow = record.steps[0];
  assert.equal(slow?.stepId, 'slow');
  assert.ok(slow?.status === 'interrupted' || (slow?.status === 'failed' && slow.outcome === 'cancelled'), JSON.stringify(slow));
  assert.match(stdout, /Note: The run was cancelled \(Ctrl-C\)/);
});

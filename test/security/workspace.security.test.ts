// Issue 7, Medium: nothing runs or is written outside the workspace (symlinks resolved), no
// process outlives its step, and the shell's semantics are the documented ones.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRecord } from '../../src/core/run/record';
import { alive, cli, runDirs, workspace } from './harness';

function record(root: string): RunRecord {
  const [dir] = runDirs(root);
  return JSON.parse(readFileSync(join(dir!, 'run.json'), 'utf8')) as RunRecord;
}

test('a cwd annotation that leaves the workspace through a symlink is blocked, and nothing runs there', async () => {
  const ws = workspace();
  const outside = mkdtempSync(join(tmpdir(), 'rg-outside-'));
  try {
    symlinkSync(outside, join(ws.root, 'elsewhere'));
    ws.write('escape.md', ['# Escape', '', '## Stage 0: Out', '', '```bash {"name":"touch","cwd":"elsewhere"}', 'touch written-here', '```', ''].join('\n'));
    const result = await cli(['run', 'escape.md', '--stage', '0'], ws.root);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(existsSync(join(outside, 'written-here')), false);
    const step = record(ws.root).steps[0]!;
    assert.equal(step.status, 'blocked');
    assert.match(step.outcome, /outside the workspace/);
    assert.deepEqual(step.attempts, [], 'it never started');
  } finally {
    rmSync(outside, { recursive: true, force: true });
    ws.cleanup();
  }
});

test('a runs folder that is a symlink pointing outside is refused before anything runs', async () => {
  const ws = workspace();
  const outside = mkdtempSync(join(tmpdir(), 'rg-outside-'));
  try {
    symlinkSync(outside, join(ws.root, 'runs-link'));
    ws.write('ok.md', ['# Ok', '', '## Stage 0: Ok', '', '```bash {"name":"ok"}', 'touch ran', '```', ''].join('\n'));
    const result = await cli(['run', 'ok.md', '--stage', '0', '--out', 'runs-link'], ws.root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^runbook-gate: --out is outside the workspace/m);
    assert.equal(existsSync(join(ws.root, 'ran')), false, 'nothing ran');
    assert.equal(existsSync(join(outside, '.runbook-gate')), false);
  } finally {
    rmSync(outside, { recursive: true, force: true });
    ws.cleanup();
  }
});

test('a daemon a step leaves behind (setsid) is ended when the step ends', async () => {
  const ws = workspace();
  try {
    ws.write('daemon.md', ['# Daemon', '', '## Stage 0: Start', '', '```bash {"name":"start"}', "setsid sh -c 'echo $$ > daemon.pid; exec sleep 120' &", 'sleep 0.5; echo started', '```', ''].join('\n'));
    const result = await cli(['run', 'daemon.md', '--stage', '0'], ws.root);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(alive(Number(ws.read('daemon.pid'))), false);
  } finally {
    ws.cleanup();
  }
});

test('shell semantics: a reader that stops early passes (yes | head), a failing producer piped on fails, the shell and flags are evidence', async () => {
  const ws = workspace();
  try {
    ws.write('pipes.md', [
      '# Pipes', '', '## Stage 0: Pipes', '',
      '- Early reader', '', '  ```bash {"name":"early-reader"}', '  yes | head -1', '  ```', '',
      '- Failing producer', '', '  ```bash {"name":"failing-producer"}', '  false | cat', '  echo not reached', '  ```', '',
    ].join('\n'));
    await cli(['run', 'pipes.md', '--stage', '0'], ws.root);
    const steps = record(ws.root).steps;
    assert.deepEqual(steps.map((s) => [s.id, s.status]), [['early-reader', 'passed'], ['failing-producer', 'failed']]);
    const attempt = steps[0]!.attempts[0]!;
    assert.equal(attempt.shell, 'bash');
    assert.ok(attempt.shellFlags.includes('pipefail') && attempt.shellFlags.includes('+sigpipe-tolerant'), attempt.shellFlags.join(' '));
    assert.doesNotMatch(readFileSync(join(runDirs(ws.root)[0]!, steps[1]!.attempts[0]!.logPath!), 'utf8'), /not reached/);
  } finally {
    ws.cleanup();
  }
});

test('a catastrophic expect regex is evaluated in linear time: the step is judged, the run finishes', async () => {
  const ws = workspace();
  try {
    ws.write('redos.md', [
      '# ReDoS', '', '## Stage 0: Output', '', '```bash {"name":"many-a","expect":"/(a+)+$/"}', "node -e \"process.stdout.write('a'.repeat(100000) + 'b')\"", '```', '',
    ].join('\n'));
    const result = await cli(['run', 'redos.md', '--stage', '0'], ws.root);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(record(ws.root).steps[0]!.status, 'failed', 'the output does not end in a');
  } finally {
    ws.cleanup();
  }
});

// The CLI called in-process (main with a captured context): cases a child process cannot
// show, e.g. Node 20 itself rejects a missing `--env-file` before any script runs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/cli';
import type { CliContext } from '../../../src/cli/context';
import { scratchWorkspace } from './cliHarness';

const ws = scratchWorkspace();
after(() => ws.cleanup());

function context(): CliContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd: ws.root, env: { PATH: process.env.PATH, HOME: process.env.HOME }, interactive: false,
    signal: new AbortController().signal,
    stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, out, err,
  };
}

test('a missing --env-file is an input error (exit 2, one line)', async () => {
  const ctx = context();
  assert.equal(await main(['run', 'examples/release-checklist.md', '--env-file', 'nope.env'], ctx), 2);
  assert.deepEqual(ctx.err, ['runbook-gate: env file not found: nope.env\n']);
});

test('--env-file values reach the steps; secret values are masked in output, record and report', async () => {
  writeFileSync(join(ws.root, 'greet.md'), [
    '# Greeting', '', '## Stage 0: Greet', '', '```bash {"name":"greet"}', 'echo "hello $GREETING with $API_TOKEN"', '```', '',
  ].join('\n'));
  writeFileSync(join(ws.root, 'test.env'), 'GREETING=world\nAPI_TOKEN="s3cr3t-value-123"\n');
  const ctx = context();
  const code = await main(['run', 'greet.md', '--env-file', 'test.env', '--report', 'greet-report.md'], ctx);
  assert.equal(code, 0, ctx.err.join(''));
  const streamed = ctx.err.join('');
  assert.match(streamed, /^\[greet\] hello world with /m);
  assert.doesNotMatch(streamed, /s3cr3t-value-123/);
  const report = readFileSync(join(ws.root, 'greet-report.md'), 'utf8');
  assert.match(report, /^1\. Stage 0 \(Greet\): PASS$/m);
  assert.doesNotMatch(report, /s3cr3t-value-123/);
  const runDir = /^Run directory: (.+)$/m.exec(ctx.out.join(''))?.[1] ?? '';
  assert.doesNotMatch(readFileSync(join(ws.root, runDir, 'run.json'), 'utf8'), /s3cr3t-value-123/);
  assert.doesNotMatch(readFileSync(join(ws.root, runDir, 'logs/greet.1.log'), 'utf8'), /s3cr3t-value-123/);
});

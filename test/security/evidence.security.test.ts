// Issue 7, Medium: evidence is never overwritten — reports of other runs, logs of other steps
// or attempts — and every recorded SHA-256 matches its file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from '../../src/core/run/record';
import { cli, runDirs, workspace } from './harness';

const runbook = (title: string, command: string) => ['# ' + title, '', '## Stage 0: Check', '', '```bash {"name":"check"}', command, '```', ''].join('\n');
const reportsIn = (root: string) => readdirSync(join(root, 'docs/status')).sort();
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('a same-day re-run never replaces the earlier run\'s report: a No-Go is not silently replaced by a Go', async () => {
  const ws = workspace();
  try {
    ws.write('deploy.md', runbook('Deploy', 'test -f ready'));
    assert.equal((await cli(['run', 'deploy.md', '--stage', '0'], ws.root)).code, 1);
    ws.write('ready', 'now it is\n');
    assert.equal((await cli(['run', 'deploy.md', '--stage', '0'], ws.root)).code, 0);
    const reports = reportsIn(ws.root);
    assert.equal(reports.length, 2, reports.join(', '));
    const texts = reports.map((name) => ws.read(`docs/status/${name}`));
    assert.deepEqual(texts.map((t) => /^(Go|No-Go) for /m.exec(t)?.[1]).sort(), ['Go', 'No-Go']);
  } finally {
    ws.cleanup();
  }
});

test('two runs started in the same second get their own run directories and reports', async () => {
  const ws = workspace();
  try {
    ws.write('deploy.md', runbook('Deploy', 'echo ok'));
    const results = await Promise.all([cli(['run', 'deploy.md', '--stage', '0'], ws.root), cli(['run', 'deploy.md', '--stage', '0'], ws.root)]);
    assert.deepEqual(results.map((r) => r.code), [0, 0]);
    assert.equal(runDirs(ws.root).length, 2);
    assert.equal(reportsIn(ws.root).length, 2);
  } finally {
    ws.cleanup();
  }
});

test('svc1/deploy.md and svc2/deploy.md write different reports', async () => {
  const ws = workspace();
  try {
    ws.write('svc1/deploy.md', runbook('Deploy', 'echo one'));
    ws.write('svc2/deploy.md', runbook('Deploy', 'echo two'));
    await cli(['run', 'svc1/deploy.md', '--stage', '0'], ws.root);
    await cli(['run', 'svc2/deploy.md', '--stage', '0'], ws.root);
    const reports = reportsIn(ws.root);
    assert.equal(reports.length, 2, reports.join(', '));
    assert.ok(reports.some((r) => r.includes('svc1')) && reports.some((r) => r.includes('svc2')), reports.join(', '));
  } finally {
    ws.cleanup();
  }
});

test('steps whose ids read alike keep their own logs, every attempt is kept, and each recorded SHA-256 is its file\'s', async () => {
  const ws = workspace();
  try {
    ws.write('steps.md', [
      '# Steps', '', '## Stage 0: Two', '',
      '```bash {"name":"a/b"}', 'echo from a/b', '```', '',
      '```bash {"name":"a-b"}', 'echo from a-b', '```', '',
    ].join('\n'));
    await cli(['run', 'steps.md', '--stage', '0'], ws.root);
    await cli(['run', 'steps.md', '--resume', '--step', 'a/b'], ws.root);
    const [dir] = runDirs(ws.root);
    const record = JSON.parse(readFileSync(join(dir!, 'run.json'), 'utf8')) as RunRecord;
    const attempts = record.steps.flatMap((s) => s.attempts.map((a) => ({ id: s.id, n: a.n, log: a.logPath!, sha: a.logSha256 })));
    assert.deepEqual(attempts.map((a) => [a.id, a.n]), [['a/b', 1], ['a/b', 2], ['a-b', 1]]);
    assert.equal(new Set(attempts.map((a) => a.log)).size, 3, 'three logs, none shared');
    for (const a of attempts) {
      assert.equal(sha256(join(dir!, a.log)), a.sha, `${a.log}'s digest`);
      assert.match(readFileSync(join(dir!, a.log), 'utf8'), a.id === 'a/b' ? /from a\/b/ : /from a-b/);
    }
  } finally {
    ws.cleanup();
  }
});

test('a log keeps the output byte for byte, invalid UTF-8 included, and its digest is the output\'s', async () => {
  const ws = workspace();
  try {
    ws.write('bytes.md', runbook('Bytes', "printf 'caf\\xe9 \\xff\\xfe end\\n'"));
    await cli(['run', 'bytes.md', '--stage', '0'], ws.root);
    const [dir] = runDirs(ws.root);
    const record = JSON.parse(readFileSync(join(dir!, 'run.json'), 'utf8')) as RunRecord;
    const attempt = record.steps[0]!.attempts[0]!;
    const expected = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x20, 0x65, 0x6e, 0x64, 0x0a]);
    assert.deepEqual(readFileSync(join(dir!, attempt.logPath!)), expected);
    assert.equal(attempt.logSha256, createHash('sha256').update(expected).digest('hex'));
  } finally {
    ws.cleanup();
  }
});

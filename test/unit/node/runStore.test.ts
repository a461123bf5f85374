import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileRunStore, logFileName } from '../../../src/node/runStore';
import { emptyRecord } from '../../../src/core/run/applyEvents';
import type { RunEvent } from '../../../src/core/run/events';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = pathToFileURL(join(here, '../../../node_modules/tsx/dist/loader.mjs')).href;

function scratch(): { root: string; done(): void } {
  const root = mkdtempSync(join(tmpdir(), 'rg-store-'));
  return { root, done: () => rmSync(root, { recursive: true, force: true }) };
}

/** A fresh run directory named "run" under `root`, with an empty record. */
function newStore(root: string): Promise<FileRunStore> {
  return FileRunStore.create(root, 'run', emptyRecord({ runId: 'r', cookie: 'c', at: '2026-02-21T19:27:46.000Z', strict: false }));
}

/** Runs `body` on a fresh store in a scratch folder, removed afterwards. */
async function withNewStore(body: (store: FileRunStore) => Promise<void>): Promise<void> {
  const { root, done } = scratch();
  try {
    await body(await newStore(root));
  } finally {
    done();
  }
}

function commitFrom(dir: string, writer: string, count: number, startAt: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', tsx, join(here, 'commitChild.ts'), dir, writer, String(count), String(startAt)], { stdio: 'inherit' });
    child.on('close', resolve);
  });
}

test('two processes committing to one run at once lose nothing (the lock serialises them)', async () => {
  const { root, done } = scratch();
  try {
    const store = await FileRunStore.create(root, '20260221T192746Z-runbook', emptyRecord({ runId: 'x', cookie: 'c', at: '2026-02-21T19:27:46.000Z', strict: false }));
    const startAt = Date.now() + 3000; // both children loaded by then
    const codes = await Promise.all([commitFrom(store.dir, 'alice', 60, startAt), commitFrom(store.dir, 'bob', 60, startAt)]);
    assert.deepEqual(codes, [0, 0]);
    const record = await store.read();
    const texts = record.notes.map((n) => n.text);
    assert.equal(texts.length, 120);
    for (const writer of ['alice', 'bob']) {
      assert.deepEqual(texts.filter((t) => t.startsWith(writer)), Array.from({ length: 60 }, (_, i) => `${writer}-${i}`), `${writer}'s notes, in order`);
    }
    assert.equal(record.history.length, 120);
    assert.ok(!readdirSync(store.dir).includes('.lock-owner'), 'the lock owner note goes with the lock');
  } finally {
    done();
  }
});

test('a run directory name already taken gets -2; the record carries the directory name as its id', async () => {
  const { root, done } = scratch();
  try {
    const initial = emptyRecord({ runId: 'r', cookie: 'c', at: '2026-02-21T19:27:46.000Z', strict: false });
    const first = await FileRunStore.create(root, '20260221T192746Z-deploy', initial);
    const second = await FileRunStore.create(root, '20260221T192746Z-deploy', initial);
    assert.deepEqual(readdirSync(root).sort(), ['20260221T192746Z-deploy', '20260221T192746Z-deploy-2']);
    assert.deepEqual([(await first.read()).runId, (await second.read()).runId], ['20260221T192746Z-deploy', '20260221T192746Z-deploy-2']);
  } finally {
    done();
  }
});

test('logs never collide or overwrite: ids that read alike and repeated attempts get their own files', async () => {
  assert.equal(logFileName('health', 1), 'health.1.log');
  assert.notEqual(logFileName('a/b', 1), logFileName('a-b', 1));
  const { root, done } = scratch();
  try {
    const store = await newStore(root);
    const paths: string[] = [];
    for (const id of ['a/b', 'a-b', 'a/b']) {
      const log = await store.openLog(id, 1);
      log.append(`from ${id}\n`);
      paths.push(log.relativePath);
      const closed = await log.close();
      assert.equal(closed.bytes, `from ${id}\n`.length);
    }
    assert.equal(new Set(paths).size, 3, `distinct paths: ${paths.join(', ')}`);
    assert.deepEqual(paths.map((p) => readFileSync(join(store.dir, p), 'utf8')), ['from a/b\n', 'from a-b\n', 'from a/b\n']);
  } finally {
    done();
  }
});

test('a run.json from the first release (schema 1) is read as schema 2', async () => {
  const { root, done } = scratch();
  try {
    const store = await FileRunStore.create(root, 'old', emptyRecord({ runId: 'r', cookie: 'c', at: '2026-02-21T19:27:46.000Z', strict: false }));
    await store.writeText('run.json', JSON.stringify({
      version: 1, runId: 'old', runbookPath: 'docs/r.md', runbookTitle: 'Old', startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:01:00.000Z', strict: false,
      scope: { all: false, stageIds: ['stage-0'], stepIds: [] }, environment: { host: 'h', toolVersion: '0.1.0', gitCommit: null, gitBranch: null },
      steps: [{ stepId: 'health', title: 'Health', stageId: 'stage-0', required: true, status: 'failed', command: 'curl x', cwd: '.', startedAt: '2026-01-01T00:00:10.000Z', endedAt: '2026-01-01T00:00:11.000Z', durationMs: 1000, exitCode: 22, outcome: 'exit 22: 404 on /healthz', logPath: 'logs/health.log', logSha256: 'ab', selected: true }],
    }));
    const record = await store.read();
    assert.equal(record.schema, 2);
    assert.deepEqual(record.checks.map((c) => [c.id, c.status, c.outcome]), [['stage-0.1', 'failed', 'exit 22: 404 on /healthz']]);
    assert.equal(record.steps[0]!.attempts[0]!.logPath, 'logs/health.log');
    await assert.rejects(() => store.writeText('run.json', '{"schema": 9}').then(() => store.read()), /schema 9; this version of Runbook Gate reads schemas 1 and 2/);
  } finally {
    done();
  }
});

const note = (text: string): RunEvent => ({ type: 'note-added', at: '2026-02-21T19:30:00.000Z', note: { kind: 'scope', text, by: null, at: '2026-02-21T19:30:00.000Z' } });

test('a commit sees run.json changed from outside in place, same size, its mtime set back (the bytes are the identity, not a stat)', () => withNewStore(async (store) => {
  await store.commit([note('alice-0')]);
  const path = join(store.dir, 'run.json');
  const before = statSync(path);
  writeFileSync(path, readFileSync(path, 'utf8').replace('alice-0', 'bobby-0'));
  utimesSync(path, before.atimeMs / 1000, before.mtimeMs / 1000);
  const after = statSync(path);
  assert.deepEqual([after.ino, after.size], [before.ino, before.size], 'inode and size say "unchanged"');
  assert.ok(Math.abs(after.mtimeMs - before.mtimeMs) < 0.01, 'so does the mtime (utimes keeps microseconds)');
  const record = await store.commit([note('alice-1')]);
  assert.deepEqual(record.notes.map((n) => n.text), ['bobby-0', 'alice-1']);
  assert.deepEqual((await store.read()).notes.map((n) => n.text), ['bobby-0', 'alice-1']);
}));

test('a commit sees what another store wrote, and fails on a run.json made unreadable from outside', () => withNewStore(async (store) => {
  await store.commit([note('cli-0')]);
  await new FileRunStore(store.dir).commit([note('mark-0')]);
  assert.deepEqual((await store.commit([note('cli-1')])).notes.map((n) => n.text), ['cli-0', 'mark-0', 'cli-1']);
  writeFileSync(join(store.dir, 'run.json'), '{"schema": 2, "steps": [');
  await assert.rejects(() => store.commit([note('cli-2')]), /is not valid JSON/);
}));

test('the record a commit returns is frozen (the next commit builds on it); the caller\'s events stay its own', () => withNewStore(async (store) => {
  assert.ok(Object.isFrozen(await store.read()), 'the first record, as create() wrote it, is kept too');
  const events = [note('first')];
  const record = await store.commit(events);
  assert.throws(() => record.notes.push(record.notes[0]!), TypeError);
  assert.throws(() => { record.notes[0]!.text = 'changed'; }, TypeError);
  assert.ok(!Object.isFrozen(events[0]), 'the events given are not frozen');
  if (events[0]!.type === 'note-added') events[0]!.note.text = 'changed by the caller';
  const next = await store.commit([note('second')]);
  assert.deepEqual(next.notes.map((n) => n.text), ['first', 'second']);
  assert.equal(await store.read(), next, 'read() gives the record last written while run.json is unchanged');
  assert.equal(readFileSync(join(store.dir, 'run.json'), 'utf8'), `${JSON.stringify(next, null, 2)}\n`, 'run.json keeps its format');
}));

test('the record a commit keeps is what run.json holds, even when the events carry what JSON drops (undefined, NaN)', () => withNewStore(async (store) => {
  const at = '2026-02-21T19:30:00.000Z';
  const odd = { type: 'note-added', at, note: { kind: 'scope', text: 'odd', by: undefined, at }, extra: Number.NaN } as unknown as RunEvent;
  const kept = await store.commit([odd]);
  assert.deepEqual(kept, JSON.parse(readFileSync(join(store.dir, 'run.json'), 'utf8')));
}));

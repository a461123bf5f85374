import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRunStore, logFileName, runDirectoryName } from '../../../src/node/fileRunStore';
import type { RunRecord } from '../../../src/core/run/model';
import { FakeClock } from '../fakes/fakeClock';
import { tempWorkspace } from './processHelpers';

const workspace = tempWorkspace();
test.after(() => rmSync(workspace, { recursive: true, force: true }));

test('a run directory is named by its UTC start and never reused', async () => {
  assert.equal(runDirectoryName(new Date('2026-02-21T19:27:46.789Z')), '20260221T192746Z');
  const clock = new FakeClock('2026-02-21T19:27:46.000Z');
  const first = await createRunStore({ runsRoot: '.runbook-gate/runs', workspaceRoot: workspace, clock });
  const second = await createRunStore({ runsRoot: '.runbook-gate/runs', workspaceRoot: workspace, clock });
  assert.equal(first.dir, join(workspace, '.runbook-gate/runs/20260221T192746Z'));
  assert.equal(second.dir, join(workspace, '.runbook-gate/runs/20260221T192746Z-2'));
  assert.ok(existsSync(join(first.dir, 'logs')));
});

test('runs folders and artifacts outside the workspace are refused', async () => {
  const clock = new FakeClock();
  await assert.rejects(createRunStore({ runsRoot: '../elsewhere', workspaceRoot: workspace, clock }), /must be inside the workspace/);
  await assert.rejects(createRunStore({ runsRoot: '/tmp', workspaceRoot: workspace, clock }), /must be inside the workspace/);
  const store = await createRunStore({ runsRoot: 'runs-a', workspaceRoot: workspace, clock });
  await assert.rejects(store.writeText('../../escape.txt', 'x'), /must be inside the workspace/);
});

test('logs are written as they come, with the SHA-256 of their bytes', async () => {
  const store = await createRunStore({ runsRoot: 'runs-b', workspaceRoot: workspace, clock: new FakeClock() });
  const log = await store.openLog('deploy/canary step');
  assert.equal(log.relativePath, 'logs/deploy-canary-step.log');
  await log.append('héllo ');
  await log.append(Uint8Array.from([0xff, 0x0a]));
  // Already on disk before close: a crash now loses nothing printed so far.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const path = join(store.dir, log.relativePath);
  assert.deepEqual(readFileSync(path), Buffer.concat([Buffer.from('héllo '), Buffer.from([0xff, 0x0a])]));
  const sha = await log.close();
  assert.equal(sha, createHash('sha256').update(readFileSync(path)).digest('hex'));
  assert.equal(logFileName('..'), 'step.log');
});

test('run.json is replaced atomically and no temp file stays behind', async () => {
  const store = await createRunStore({ runsRoot: 'runs-c', workspaceRoot: workspace, clock: new FakeClock() });
  const record = { version: 1, runId: 'r', steps: [] } as unknown as RunRecord;
  await Promise.all([store.writeRecord(record), store.writeRecord({ ...record, runId: 'r2' })]);
  assert.ok(['r', 'r2'].includes(JSON.parse(readFileSync(join(store.dir, 'run.json'), 'utf8')).runId));
  assert.deepEqual(readdirSync(store.dir).sort(), ['logs', 'run.json']);
});

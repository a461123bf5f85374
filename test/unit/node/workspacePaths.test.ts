import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWorkspaceRoot, workspaceRelative } from '../../../src/node/workspacePaths';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'runbook-gate-ws-')));
after(() => rmSync(base, { recursive: true, force: true }));

test('workspace root: git top level of the folder, else the fallback', async () => {
  const repo = join(base, 'repo');
  mkdirSync(join(repo, 'docs/runbooks'), { recursive: true });
  spawnSync('git', ['init', '-q'], { cwd: repo });
  assert.equal(await findWorkspaceRoot(join(repo, 'docs/runbooks'), base), repo);
  const plain = join(base, 'plain');
  mkdirSync(plain);
  assert.equal(await findWorkspaceRoot(plain, plain), plain);
});

test('workspaceRelative: posix path inside, null outside (also through .. and symlinks)', async () => {
  const root = join(base, 'root');
  mkdirSync(join(root, 'docs'), { recursive: true });
  symlinkSync(tmpdir(), join(root, 'escape'));
  assert.equal(await workspaceRelative(root, 'docs/status/r.md', root), 'docs/status/r.md');
  assert.equal(await workspaceRelative(root, join(root, 'not/yet/there.md')), 'not/yet/there.md');
  assert.equal(await workspaceRelative(root, root), '');
  assert.equal(await workspaceRelative(root, '../outside.md', root), null);
  assert.equal(await workspaceRelative(root, '/etc/passwd'), null);
  assert.equal(await workspaceRelative(root, 'escape/r.md', root), null);
});

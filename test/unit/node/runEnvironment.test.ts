import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectEnvironment } from '../../../src/node/runEnvironment';
import { tempWorkspace } from './processHelpers';

test('outside a repository: no commit, no branch', async () => {
  const dir = tempWorkspace();
  try {
    assert.deepEqual(await detectEnvironment(dir, '9.9.9'), { host: hostname(), toolVersion: '9.9.9', gitCommit: null, gitBranch: null, gitDirty: null });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('inside a repository: HEAD commit and branch', async () => {
  const dir = tempWorkspace();
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'release-1');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'x');
    const env = await detectEnvironment(dir, '1.0.0');
    assert.equal(env.gitCommit, git('rev-parse', 'HEAD'));
    assert.match(env.gitCommit ?? '', /^[0-9a-f]{40}$/);
    assert.equal(env.gitBranch, 'release-1');
    assert.equal(env.gitDirty, false);
    writeFileSync(join(dir, 'tracked.txt'), 'a\n');
    git('add', 'tracked.txt');
    assert.equal((await detectEnvironment(dir, '1.0.0')).gitDirty, true, 'a staged change makes the tree dirty');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

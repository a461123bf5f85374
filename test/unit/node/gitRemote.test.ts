import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { githubRepoFromRemoteUrl, originRepository } from '../../../src/node/gitRemote';

const forms: Array<[string, string | null]> = [
  ['https://github.com/openagents/openagents.git', 'openagents/openagents'],
  ['https://github.com/openagents/openagents', 'openagents/openagents'],
  ['https://github.com/openagents/openagents/', 'openagents/openagents'],
  ['http://github.com/o/r.git', 'o/r'],
  ['https://x-access-token:ghs_abc123@github.com/o/r.git', 'o/r'],
  ['https://user@github.com/o/r', 'o/r'],
  ['https://GitHub.com/Owner/Repo.Name.git', 'Owner/Repo.Name'],
  ['git@github.com:openagents/openagents.git', 'openagents/openagents'],
  ['git@github.com:openagents/openagents', 'openagents/openagents'],
  ['org-123@github.com:o/r.git', 'o/r'],
  ['github.com:o/r.git', 'o/r'],
  ['ssh://git@github.com/o/r.git', 'o/r'],
  ['ssh://git@github.com:22/o/r', 'o/r'],
  ['ssh://git@ssh.github.com:443/o/r.git', 'o/r'],
  ['git+ssh://git@github.com/o/r.git', 'o/r'],
  ['git://github.com/o/r.git', 'o/r'],
  ['  https://github.com/o/r.git\n', 'o/r'],
  ['https://gitlab.com/o/r.git', null],
  ['git@gitlab.com:o/r.git', null],
  ['https://github.com.evil.test/o/r.git', null],
  ['https://evil.test/github.com/o/r.git', null],
  ['https://github.com/o', null],
  ['https://github.com/o/r/tree/main', null],
  ['https://github.com/o/..', null],
  ['file:///srv/git/o/r.git', null],
  ['/srv/git/o/r.git', null],
  ['../r.git', null],
  ['', null],
];

for (const [remote, expected] of forms) {
  test(`remote ${JSON.stringify(remote)} -> ${expected ?? 'null'}`, () => {
    assert.equal(githubRepoFromRemoteUrl(remote), expected);
  });
}

test('a GitHub Enterprise host counts when the caller names it', () => {
  assert.equal(githubRepoFromRemoteUrl('git@ghe.corp.example:team/service.git'), null);
  assert.equal(githubRepoFromRemoteUrl('git@ghe.corp.example:team/service.git', ['ghe.corp.example']), 'team/service');
});

async function withRepo(remote: string | null, run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rg-remote-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    if (remote !== null) execFileSync('git', ['remote', 'add', 'origin', remote], { cwd: dir });
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('originRepository reads the origin of a real repository, credentials and all', async () => {
  await withRepo('https://deploy:s3cr3t-token@github.com/openagents/openagents.git', async (dir) => {
    assert.equal(await originRepository(dir), 'openagents/openagents');
  });
});

test('originRepository: an ssh origin', async () => {
  await withRepo('git@github.com:acme/payments.git', async (dir) => {
    assert.equal(await originRepository(join(dir)), 'acme/payments');
  });
});

test('originRepository: no origin, a non-GitHub origin, or no repository at all -> null', async () => {
  await withRepo(null, async (dir) => assert.equal(await originRepository(dir), null));
  await withRepo('https://gitlab.com/o/r.git', async (dir) => assert.equal(await originRepository(dir), null));
  const plain = await mkdtemp(join(tmpdir(), 'rg-plain-'));
  try {
    assert.equal(await originRepository(plain), null);
  } finally {
    await rm(plain, { recursive: true, force: true });
  }
  assert.equal(await originRepository(join(plain, 'gone')), null);
});

// The dependency gate end to end: checkDependencies with the real client against the stand-in.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkDependencies } from '../../../../src/core/gate/dependencies';
import type { DependencyDefinition } from '../../../../src/core/run/definition';
import { startGithubStandIn, truncatedJson, type GithubStandIn } from '../../../support/githubStandIn';
import { clientFor } from './clientFor';

const AT = '2026-03-02T10:00:00.000Z';
let github: GithubStandIn;

const dep = (number: number): DependencyDefinition => ({ refId: `ref-${number}`, label: `#${number}`, repo: null, number, line: 12, why: 'gh issue view loop' });
const SEED_001 = [1858, 1859, 1860, 1861, 1862];

before(async () => {
  github = await startGithubStandIn({
    tokens: ['gate-token'],
    issues: [
      ...SEED_001.map((number) => ({ repo: 'openagents/openagents', number, title: `OA-RUST-0${number - 1815}`, state: 'closed' as const })),
      { repo: 'acme/private', number: 5, title: 'Private dependency', state: 'closed', private: true },
      { repo: 'acme/open', number: 6, title: 'Still open', state: 'open' },
    ],
  });
});
after(() => github.close());
beforeEach(() => github.clearFailures());

test('seed 001\'s five dependencies closed: green', async () => {
  const record = await checkDependencies({ items: SEED_001.map(dep), client: clientFor(github), repository: { repo: 'openagents/openagents', source: 'git remote origin' }, at: AT });
  assert.equal(record.status, 'green');
  assert.deepEqual(record.items.map((i) => `${i.label} ${i.title} -> ${i.state?.toUpperCase()}`), [
    '#1858 OA-RUST-043 -> CLOSED', '#1859 OA-RUST-044 -> CLOSED', '#1860 OA-RUST-045 -> CLOSED', '#1861 OA-RUST-046 -> CLOSED', '#1862 OA-RUST-047 -> CLOSED',
  ]);
});

test('one open: red', async () => {
  const record = await checkDependencies({ items: [dep(6)], client: clientFor(github), repository: { repo: 'acme/open', source: 'front matter' }, at: AT });
  assert.equal(record.status, 'red');
});

test('front matter repo, a private issue, no token: blocked (not Go), saying a token is needed', async () => {
  const record = await checkDependencies({ items: [dep(5)], client: clientFor(github), repository: { repo: 'acme/private', source: 'front matter' }, at: AT });
  assert.equal(record.status, 'blocked');
  assert.equal(record.items[0]?.error, 'acme/private#5 not found (404): a private repository needs GITHUB_TOKEN (repository acme/private from the front matter)');
});

test('the same with the token: green', async () => {
  const record = await checkDependencies({ items: [dep(5)], client: clientFor(github, { token: 'gate-token' }), repository: { repo: 'acme/private', source: 'front matter' }, at: AT });
  assert.equal(record.status, 'green');
});

test('no repository anywhere: blocked without a single request', async () => {
  const count = github.requests.length;
  const record = await checkDependencies({ items: SEED_001.map(dep), client: clientFor(github), repository: { repo: null, source: null }, at: AT });
  assert.equal(record.status, 'blocked');
  assert.equal(github.requests.length, count);
});

test('GitHub unreachable: blocked, naming the address', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const record = await checkDependencies({ items: [dep(1858)], client: clientFor(`http://127.0.0.1:${port}`, { retries: 0 }), repository: { repo: 'openagents/openagents', source: 'command line' }, at: AT });
  assert.equal(record.status, 'blocked');
  assert.match(record.items[0]?.error ?? '', new RegExp(`^GitHub API unreachable at http://127\\.0\\.0\\.1:${port} looking up openagents/openagents#1858: ECONNREFUSED`));
});

test('a malformed answer: blocked with "unexpected answer from GitHub", never "#9 undefined is OPEN"', async () => {
  github.fail('get-issue', truncatedJson());
  const record = await checkDependencies({ items: [dep(1858)], client: clientFor(github), repository: { repo: 'openagents/openagents', source: 'command line' }, at: AT });
  assert.equal(record.status, 'blocked');
  assert.deepEqual([record.items[0]?.state, record.items[0]?.title], [null, null]);
  assert.match(record.items[0]?.error ?? '', /^unexpected answer from GitHub looking up openagents\/openagents#1858: /);
});

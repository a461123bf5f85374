// The stand-in itself, spoken to with plain fetch: what other tests rely on.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startGithubStandIn, rateLimit, secondaryRateLimit, type GithubStandIn } from '../../../support/githubStandIn';

let github: GithubStandIn;

before(async () => {
  github = await startGithubStandIn({ tokens: ['t0ken'], issues: [{ repo: 'o/r', number: 1, title: 'First', state: 'closed' }, { repo: 'o/r', number: 2, title: 'Second' }] });
});
after(() => github.close());
beforeEach(() => github.clearFailures());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${github.url}${path}`, { headers });

test('it listens on 127.0.0.1 and answers an issue as GitHub does', async () => {
  assert.match(github.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const response = await get('/repos/o/r/issues/1');
  assert.equal(response.status, 200);
  const issue = await response.json() as Record<string, unknown>;
  assert.deepEqual([issue.number, issue.title, issue.state, issue.html_url], [1, 'First', 'closed', 'https://github.com/o/r/issues/1']);
});

test('every request is recorded with its route, authorization and body', async () => {
  await fetch(`${github.url}/repos/o/r/issues/2/comments`, { method: 'POST', headers: { authorization: 'token t0ken', 'content-type': 'application/json' }, body: JSON.stringify({ body: 'hello' }) });
  const last = github.requests.at(-1)!;
  assert.deepEqual([last.method, last.path, last.route, last.authorization, last.body], ['POST', '/repos/o/r/issues/2/comments', 'create-comment', 'token t0ken', { body: 'hello' }]);
  assert.deepEqual(github.comments('o/r', 2).map((c) => c.body), ['hello']);
});

test('an unknown token gets 401, a write without one gets 401, an unknown route 404', async () => {
  assert.equal((await get('/repos/o/r/issues/1', { authorization: 'token nope' })).status, 401);
  assert.equal((await fetch(`${github.url}/repos/o/r/issues`, { method: 'POST', body: '{"title":"x"}' })).status, 401);
  assert.equal((await get('/repos/o/r/pulls/1')).status, 404);
});

test('`times` fails that many requests, then the route answers normally; `number` limits a mode to one issue', async () => {
  github.fail('get-issue', { status: 503, times: 2, number: 1 });
  assert.equal((await get('/repos/o/r/issues/2')).status, 200);
  assert.deepEqual([(await get('/repos/o/r/issues/1')).status, (await get('/repos/o/r/issues/1')).status, (await get('/repos/o/r/issues/1')).status], [503, 503, 200]);
});

test('rate-limit presets carry GitHub\'s headers', async () => {
  github.fail('get-issue', rateLimit({ resetAt: new Date('2030-01-01T00:00:00Z'), times: 1 }));
  const primary = await get('/repos/o/r/issues/1');
  assert.deepEqual([primary.status, primary.headers.get('x-ratelimit-remaining'), primary.headers.get('x-ratelimit-reset')], [403, '0', '1893456000']);
  github.fail('get-issue', secondaryRateLimit(30, { status: 429, times: 1 }));
  const secondary = await get('/repos/o/r/issues/1');
  assert.deepEqual([secondary.status, secondary.headers.get('retry-after')], [429, '30']);
});

test('comments are paged with a link header', async () => {
  github.addIssue({ repo: 'o/r', number: 3, title: 'Busy' });
  for (let i = 0; i < 5; i++) github.addComment('o/r', 3, `c${i}`);
  const first = await get('/repos/o/r/issues/3/comments?per_page=2&page=1');
  assert.deepEqual((await first.json() as Array<{ body: string }>).map((c) => c.body), ['c0', 'c1']);
  assert.equal(first.headers.get('link'), `<${github.url}/repos/o/r/issues/3/comments?per_page=2&page=2>; rel="next", <${github.url}/repos/o/r/issues/3/comments?per_page=2&page=3>; rel="last"`);
  const last = await get('/repos/o/r/issues/3/comments?per_page=2&page=3');
  assert.equal(last.headers.get('link'), null);
});

test('search filters by repo and state and matches words of the title', async () => {
  const response = await get(`/search/issues?q=${encodeURIComponent('repo:o/r is:issue is:open in:title "second"')}`);
  const result = await response.json() as { total_count: number; items: Array<{ number: number }> };
  assert.deepEqual(result.items.map((i) => i.number), [2]);
});

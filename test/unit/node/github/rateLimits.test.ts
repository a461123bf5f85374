import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startGithubStandIn, rateLimit, secondaryRateLimit, type GithubStandIn } from '../../../support/githubStandIn';
import { clientFor, failureOf } from './clientFor';

let github: GithubStandIn;

before(async () => {
  github = await startGithubStandIn({ issues: [{ repo: 'o/r', number: 1, title: 'Dependency', state: 'closed' }] });
});
after(() => github.close());
beforeEach(() => github.clearFailures());

const lookups = () => github.requestsTo('get-issue').length;

test('a rate limit that resets within the wait cap is waited out, then the look-up succeeds', async () => {
  const before = lookups();
  github.fail('get-issue', rateLimit({ resetAt: new Date(), times: 1 }));
  const issue = await clientFor(github, { maxRateLimitWaitMs: 5_000 }).getIssue('o/r', 1);
  assert.equal(issue.state, 'closed');
  assert.equal(lookups() - before, 2);
});

test('a rate limit that resets in an hour fails at once as rate-limited, naming the reset time', async () => {
  const before = lookups();
  const resetAt = new Date(Math.ceil((Date.now() + 3_600_000) / 1000) * 1000);
  github.fail('get-issue', rateLimit({ resetAt }));
  const failure = await failureOf(clientFor(github, { maxRateLimitWaitMs: 60_000 }).getIssue('o/r', 1));
  assert.equal(failure.kind, 'rate-limited');
  assert.equal(failure.status, 403);
  assert.equal(failure.message, `GitHub rate limit reached looking up o/r#1 (403); it resets at ${resetAt.toISOString()} (this tool waits at most 60 s): try again later, or set GITHUB_TOKEN for a higher limit`);
  assert.equal(lookups() - before, 1, 'no retry once the wait would exceed the cap');
});

test('a secondary rate limit with a short retry-after is honoured', async () => {
  const before = lookups();
  github.fail('get-issue', secondaryRateLimit(1, { times: 1 }));
  assert.equal((await clientFor(github, { maxRateLimitWaitMs: 5_000 }).getIssue('o/r', 1)).state, 'closed');
  assert.equal(lookups() - before, 2);
});

test('a secondary rate limit asking for longer than the cap fails as rate-limited', async () => {
  github.fail('get-issue', secondaryRateLimit(3_600, { status: 429 }));
  const failure = await failureOf(clientFor(github, { token: 'tok-1234', maxRateLimitWaitMs: 30_000 }).getIssue('o/r', 1));
  assert.equal(failure.kind, 'rate-limited');
  assert.equal(failure.status, 429);
  assert.equal(failure.message, 'GitHub rate limit reached looking up o/r#1 (429); GitHub asked to wait 3600 s (this tool waits at most 30 s): try again later');
});

test('a 429 with retry-after alone (a proxy, no "secondary rate limit" wording) is honoured too', async () => {
  const before = lookups();
  github.fail('get-issue', { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '1' }, times: 1 });
  assert.equal((await clientFor(github, { maxRateLimitWaitMs: 5_000 }).getIssue('o/r', 1)).state, 'closed');
  assert.equal(lookups() - before, 2);
});

test('a rate limit that persists after one wait fails instead of waiting again', async () => {
  const before = lookups();
  github.fail('get-issue', secondaryRateLimit(1));
  const failure = await failureOf(clientFor(github, { maxRateLimitWaitMs: 5_000 }).getIssue('o/r', 1));
  assert.equal(failure.kind, 'rate-limited');
  assert.equal(lookups() - before, 2);
});

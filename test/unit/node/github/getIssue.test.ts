import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGithubStandIn, htmlPage, truncatedJson, type GithubStandIn } from '../../../support/githubStandIn';
import { clientFor, failureOf } from './clientFor';

let github: GithubStandIn;

before(async () => {
  github = await startGithubStandIn({
    tokens: ['good-token'],
    issues: [
      { repo: 'openagents/openagents', number: 1858, title: 'OA-RUST-043', state: 'closed' },
      { repo: 'openagents/openagents', number: 1859, title: 'OA-RUST-044\n\u001b[2Jcleared', state: 'open' },
      { repo: 'acme/secret', number: 7, title: 'Private work', state: 'closed', private: true },
    ],
  });
});
after(() => github.close());
beforeEach(() => github.clearFailures());

test('getIssue returns the state, title and url GitHub gives', async () => {
  const client = clientFor(github);
  assert.deepEqual(await client.getIssue('openagents/openagents', 1858), {
    repo: 'openagents/openagents', number: 1858, title: 'OA-RUST-043', state: 'closed', url: 'https://github.com/openagents/openagents/issues/1858',
  });
});

test('a title with a newline and an escape sequence is kept as data', async () => {
  const issue = await clientFor(github).getIssue('openagents/openagents', 1859);
  assert.equal(issue.title, 'OA-RUST-044\n\u001b[2Jcleared');
  assert.equal(issue.state, 'open');
});

test('the token is sent as the Authorization header', async () => {
  await clientFor(github, { token: 'good-token' }).getIssue('acme/secret', 7);
  assert.equal(github.requestsTo('get-issue').at(-1)?.authorization, 'token good-token');
});

test('401: unauthorized, asking for a valid GITHUB_TOKEN', async () => {
  const failure = await failureOf(clientFor(github, { token: 'stale-token' }).getIssue('openagents/openagents', 1858));
  assert.equal(failure.kind, 'unauthorized');
  assert.equal(failure.status, 401);
  assert.equal(failure.message, 'GitHub rejected the token looking up openagents/openagents#1858 (401): set a valid GITHUB_TOKEN');
});

test('403 without rate-limit headers: forbidden, naming the access the token needs and what GitHub said', async () => {
  github.fail('get-issue', { status: 403, body: { message: 'Resource not accessible by personal access token' } });
  const failure = await failureOf(clientFor(github, { token: 'good-token' }).getIssue('openagents/openagents', 1858));
  assert.equal(failure.kind, 'forbidden');
  assert.equal(failure.status, 403);
  assert.equal(failure.message, 'GitHub refused looking up openagents/openagents#1858 (403): the token needs read access to openagents/openagents (GitHub said: "Resource not accessible by personal access token")');
});

test('404 without a token: not-found, saying a private repository needs GITHUB_TOKEN', async () => {
  const failure = await failureOf(clientFor(github).getIssue('acme/secret', 7));
  assert.equal(failure.kind, 'not-found');
  assert.equal(failure.message, 'acme/secret#7 not found (404): a private repository needs GITHUB_TOKEN');
});

test('404 with a token: not-found, asking to check the reference and the token\'s reach', async () => {
  const failure = await failureOf(clientFor(github, { token: 'good-token' }).getIssue('acme/secret', 8));
  assert.equal(failure.kind, 'not-found');
  assert.equal(failure.message, 'acme/secret#8 not found (404): check the repository and number, and that the token can see acme/secret');
});

test('429: rate-limited, even without rate-limit headers', async () => {
  const before = github.requestsTo('get-issue').length;
  github.fail('get-issue', { status: 429, body: { message: 'Too Many Requests' } });
  const failure = await failureOf(clientFor(github).getIssue('openagents/openagents', 1858));
  assert.equal(failure.kind, 'rate-limited');
  assert.equal(failure.status, 429);
  assert.match(failure.message, /^GitHub rate limit reached looking up openagents\/openagents#1858 \(429\): try again later, or set GITHUB_TOKEN for a higher limit$/);
  assert.equal(github.requestsTo('get-issue').length - before, 1, 'a 429 without a wait to honour is not retried blindly');
});

test('a 5xx that persists: server, after the retries', async () => {
  const before = github.requestsTo('get-issue').length;
  github.fail('get-issue', { status: 502, body: { message: 'Bad Gateway' } });
  const failure = await failureOf(clientFor(github, { retries: 2 }).getIssue('openagents/openagents', 1858));
  assert.equal(failure.kind, 'server');
  assert.equal(failure.status, 502);
  assert.equal(failure.message, 'GitHub answered 502 looking up openagents/openagents#1858, also on retry (GitHub said: "Bad Gateway"): try again later');
  assert.equal(github.requestsTo('get-issue').length - before, 3, 'one request and two retries');
});

test('a 5xx HTML page from a proxy is not quoted', async () => {
  github.fail('get-issue', htmlPage(503));
  const failure = await failureOf(clientFor(github, { retries: 0 }).getIssue('openagents/openagents', 1858));
  assert.equal(failure.kind, 'server');
  assert.equal(failure.message, 'GitHub answered 503 looking up openagents/openagents#1858, also on retry: try again later');
});

test('two 503s then the answer: the retries carry the look-up through', async () => {
  github.fail('get-issue', { status: 503, times: 2 });
  const issue = await clientFor(github, { retries: 2 }).getIssue('openagents/openagents', 1858);
  assert.equal(issue.state, 'closed');
});

const malformed: Array<[string, Parameters<GithubStandIn['fail']>[1], string]> = [
  ['truncated JSON', truncatedJson(), 'a body that is not valid JSON (truncated?)'],
  ['an HTML page with status 200', htmlPage(200), 'an HTML page instead of JSON'],
  ['an empty body', { status: 200, body: '' }, 'an empty body instead of JSON'],
  ['a list instead of an object', { status: 200, body: [] }, 'a JSON list where an object was expected'],
  ['no number', { status: 200, body: { title: 'x', state: 'open', html_url: 'https://github.com/o/r/issues/9' } }, '`number` is missing'],
  ['no title', { status: 200, body: { number: 9, state: 'open', html_url: 'https://github.com/o/r/issues/9' } }, '`title` is missing'],
  ['no state', { status: 200, body: { number: 9, title: 'x', html_url: 'https://github.com/o/r/issues/9' } }, '`state` is missing'],
  ['no html_url', { status: 200, body: { number: 9, title: 'x', state: 'open' } }, '`html_url` is missing'],
  ['a number given as text', { status: 200, body: { number: '9', title: 'x', state: 'open', html_url: 'https://github.com/o/r/issues/9' } }, '`number` is not a positive integer'],
  ['a title that is not text', { status: 200, body: { number: 9, title: 42, state: 'open', html_url: 'https://github.com/o/r/issues/9' } }, '`title` is not a string'],
  ['an unknown state', { status: 200, body: { number: 9, title: 'x', state: 'merged', html_url: 'https://github.com/o/r/issues/9' } }, '`state` is not "open" or "closed"'],
  ['a url that is not a web address', { status: 200, body: { number: 9, title: 'x', state: 'open', html_url: 'javascript:alert(1)' } }, '`html_url` is not an http(s) URL'],
];

for (const [name, mode, problem] of malformed) {
  test(`malformed answer (${name}): "unexpected answer from GitHub"`, async () => {
    github.fail('get-issue', mode);
    const failure = await failureOf(clientFor(github).getIssue('openagents/openagents', 1858));
    assert.equal(failure.kind, 'malformed');
    assert.equal(failure.message, `unexpected answer from GitHub looking up openagents/openagents#1858: the issue: ${problem}`);
  });
}

test('an unreachable API: network, with its address and the cause', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const failure = await failureOf(clientFor(`http://127.0.0.1:${port}`, { retries: 1 }).getIssue('o/r', 1));
  assert.equal(failure.kind, 'network');
  assert.equal(failure.status, null);
  assert.equal(failure.message, `GitHub API unreachable at http://127.0.0.1:${port} looking up o/r#1: ECONNREFUSED`);
});

test('a server slower than the deadline: timeout, retried, then a clear message', async () => {
  const before = github.requestsTo('get-issue').length;
  github.fail('get-issue', { delayMs: 1_000 });
  const failure = await failureOf(clientFor(github, { timeoutMs: 100, retries: 1 }).getIssue('openagents/openagents', 1858));
  assert.equal(failure.kind, 'timeout');
  assert.equal(failure.message, `GitHub API at ${github.url} did not answer within 100 ms looking up openagents/openagents#1858, also on retry: try again later`);
  assert.equal(github.requestsTo('get-issue').length - before, 2);
});

test('a body that stalls after the headers also times out', async () => {
  github.fail('get-issue', { delayMs: 1_000, slowBody: true });
  const failure = await failureOf(clientFor(github, { timeoutMs: 100, retries: 0 }).getIssue('openagents/openagents', 1858));
  assert.equal(failure.kind, 'timeout');
});

test('a slow answer within the deadline is an answer', async () => {
  github.fail('get-issue', { delayMs: 50, times: 1 });
  assert.equal((await clientFor(github, { timeoutMs: 2_000 }).getIssue('openagents/openagents', 1858)).state, 'closed');
});

test('a repository that is not OWNER/NAME and a bad issue number are invalid, without a request', async () => {
  const count = github.requests.length;
  const client = clientFor(github);
  const repo = await failureOf(client.getIssue('not-a-repo', 1));
  assert.deepEqual([repo.kind, repo.message], ['invalid', 'repository must be OWNER/NAME, got "not-a-repo"']);
  const number = await failureOf(client.getIssue('o/r', 0));
  assert.deepEqual([number.kind, number.message], ['invalid', 'issue number must be a positive integer, got 0 for o/r']);
  assert.equal(github.requests.length, count);
});

test('every failure is a GithubFailure', async () => {
  github.fail('get-issue', { status: 500, times: 10 });
  const failure = await failureOf(clientFor(github, { retries: 0 }).getIssue('openagents/openagents', 1858));
  assert.equal(failure.name, 'GithubFailure');
});

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { startGithubStandIn, echoAuthorization, type GithubStandIn } from '../../../support/githubStandIn';
import { clientFor, failureOf } from './clientFor';

const TOKEN = 'ghp_s3cretT0kenValue1234567890';
let github: GithubStandIn;

before(async () => {
  github = await startGithubStandIn({ issues: [{ repo: 'o/r', number: 1, title: 'Dependency', state: 'closed' }] });
});
after(() => github.close());
beforeEach(() => github.clearFailures());

/** Nothing a caller can reach from the failure holds the secret. */
function assertHidden(failure: unknown, secret: string): void {
  assert.ok(!inspect(failure, { depth: 10 }).includes(secret), `the failure shows ${secret}`);
  assert.ok(!JSON.stringify(failure).includes(secret));
}

test('a 500 whose body echoes the Authorization header: the token is masked in the message', async () => {
  github.fail('get-issue', echoAuthorization(500));
  const failure = await failureOf(clientFor(github, { token: TOKEN, retries: 0 }).getIssue('o/r', 1));
  assert.equal(github.requestsTo('get-issue').at(-1)?.authorization, `token ${TOKEN}`, 'the stand-in did receive the token');
  assert.equal(failure.kind, 'server');
  assert.equal(failure.message, 'GitHub answered 500 looking up o/r#1, also on retry (GitHub said: "Internal error handling request with Authorization: token ***"): try again later');
  assertHidden(failure, TOKEN);
});

test('the token is masked in its base64 form too (a Basic header echoed back)', async () => {
  const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
  github.fail('get-issue', { status: 400, body: { message: `bad header ${Buffer.from(TOKEN).toString('base64')} / Basic ${basic}` } });
  const failure = await failureOf(clientFor(github, { token: TOKEN }).getIssue('o/r', 1));
  assert.equal(failure.kind, 'invalid');
  assertHidden(failure, TOKEN);
  assertHidden(failure, Buffer.from(TOKEN).toString('base64'));
});

test('credentials in the API URL are never sent in the URL and never shown', async () => {
  const withCredentials = github.url.replace('http://', 'http://deploy-bot:hunter2-p4ss@');
  github.fail('get-issue', { status: 502, body: { message: 'upstream http://deploy-bot:hunter2-p4ss@127.0.0.1 failed with hunter2-p4ss' } });
  const failure = await failureOf(clientFor(withCredentials, { retries: 0 }).getIssue('o/r', 1));
  assert.equal(failure.kind, 'server');
  assert.equal(failure.message, 'GitHub answered 502 looking up o/r#1, also on retry (GitHub said: "upstream http://***@127.0.0.1 failed with ***"): try again later');
  assertHidden(failure, 'hunter2-p4ss');
  assert.equal(github.requestsTo('get-issue').at(-1)?.authorization, null);
});

test('an unreachable API URL with credentials is shown as https://***@host/api', async () => {
  const failure = await failureOf(clientFor('http://user:pa55word@127.0.0.1:1/api', { retries: 0 }).getIssue('o/r', 1));
  assert.equal(failure.kind, 'network');
  assert.match(failure.message, /^GitHub API unreachable at http:\/\/\*\*\*@127\.0\.0\.1:1\/api looking up o\/r#1: /);
  assertHidden(failure, 'pa55word');
});

test('a timeout message shows the API URL without its credentials', async () => {
  github.fail('get-issue', { delayMs: 500 });
  const failure = await failureOf(clientFor(github.url.replace('http://', 'http://me:t0psecret@'), { timeoutMs: 50, retries: 0 }).getIssue('o/r', 1));
  assert.equal(failure.kind, 'timeout');
  assert.equal(failure.message, `GitHub API at ${github.url.replace('http://', 'http://***@')} did not answer within 50 ms looking up o/r#1, also on retry: try again later`);
});

test('the host\'s masker hides its own secrets in messages', async () => {
  github.fail('get-issue', { status: 500, body: { message: 'deploy key DEPLOY-KEY-998877 rejected' } });
  const masker = { mask: (text: string) => text.replaceAll('DEPLOY-KEY-998877', '***') };
  const failure = await failureOf(clientFor(github, { masker, retries: 0 }).getIssue('o/r', 1));
  assert.ok(failure.message.includes('deploy key *** rejected'), failure.message);
});

test('GitHub\'s message is flattened to one short line (no control characters from the server)', async () => {
  github.fail('get-issue', { status: 500, body: { message: `line one\n\u001b]0;owned\u0007${'x'.repeat(400)}` } });
  const failure = await failureOf(clientFor(github, { retries: 0 }).getIssue('o/r', 1));
  assert.ok(![...failure.message].some((c) => c.charCodeAt(0) < 0x20), JSON.stringify(failure.message));
  assert.ok(failure.message.length < 320, `message is ${failure.message.length} characters`);
});

test('a token is never sent over plain http to a host that is not loopback', async () => {
  const failure = await failureOf(clientFor('http://ghe.example.test/api/v3', { token: TOKEN }).getIssue('o/r', 1));
  assert.equal(failure.kind, 'invalid');
  assert.equal(failure.message, 'refusing to send GITHUB_TOKEN over plain http to http://ghe.example.test/api/v3: use https');
});

test('an API URL that is not a URL is invalid, its credentials hidden', async () => {
  const failure = await failureOf(clientFor('ftp://user:pw12345@host/api').getIssue('o/r', 1));
  assert.equal(failure.kind, 'invalid');
  assert.equal(failure.message, 'the GitHub API URL must be http(s): ftp://***@host/api');
});

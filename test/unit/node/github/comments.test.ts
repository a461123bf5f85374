import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startGithubStandIn, htmlPage, type GithubStandIn } from '../../../support/githubStandIn';
import { clientFor, failureOf } from './clientFor';

const TOKEN = 'ghp_commentToken0001';
const MARKER = '<!-- runbook-gate:run=2026-03-02T10-00-00Z-abcd -->';
let github: GithubStandIn;

before(async () => {
  github = await startGithubStandIn({
    issues: [
      { repo: 'o/r', number: 1935, title: 'Gate issue', state: 'open' },
      { repo: 'o/r', number: 1936, title: 'Busy gate issue', state: 'open' },
      { repo: 'o/r', number: 1937, title: 'Another gate issue', state: 'open' },
    ],
  });
  // 130 comments by people: the tool's own earlier comment sits on the second page.
  for (let i = 1; i <= 120; i++) github.addComment('o/r', 1936, `comment ${i}`);
  github.addComment('o/r', 1936, `${MARKER}\nNo-Go (earlier)`);
  for (let i = 121; i <= 130; i++) github.addComment('o/r', 1936, `comment ${i}`);
});
after(() => github.close());
beforeEach(() => github.clearFailures());

test('upsertComment creates the comment, then updates it: one comment per run marker', async () => {
  const client = clientFor(github, { token: TOKEN });
  const first = await client.upsertComment('o/r', 1935, MARKER, `${MARKER}\n**No-Go** for the rollout`);
  assert.equal(first.created, true);
  const second = await client.upsertComment('o/r', 1935, MARKER, `${MARKER}\n**Go** for the rollout`);
  assert.deepEqual(second, { url: first.url, created: false });
  assert.deepEqual(github.comments('o/r', 1935).map((c) => c.body), [`${MARKER}\n**Go** for the rollout`]);
  assert.equal(github.requestsTo('update-comment').at(-1)?.authorization, `token ${TOKEN}`);
});

test('another run\'s marker gets its own comment', async () => {
  const client = clientFor(github, { token: TOKEN });
  await client.upsertComment('o/r', 1937, MARKER, `${MARKER}\nrun one`);
  const other = '<!-- runbook-gate:run=2026-03-03T09-00-00Z-ef01 -->';
  const result = await client.upsertComment('o/r', 1937, other, `${other}\nrun two`);
  assert.equal(result.created, true);
  assert.equal(github.comments('o/r', 1937).length, 2);
});

test('the earlier comment is found on a later page of the comments', async () => {
  const result = await clientFor(github, { token: TOKEN }).upsertComment('o/r', 1936, MARKER, `${MARKER}\nGo (now)`);
  assert.equal(result.created, false);
  const marked = github.comments('o/r', 1936).filter((c) => c.body.includes(MARKER));
  assert.deepEqual(marked.map((c) => c.body), [`${MARKER}\nGo (now)`]);
  assert.deepEqual(github.requestsTo('list-comments').slice(-2).map((r) => r.query.page), ['1', '2']);
});

test('a body without the marker gets it at the top, so the next run finds it', async () => {
  github.addIssue({ repo: 'o/r', number: 1940, title: 'x' });
  const client = clientFor(github, { token: TOKEN });
  await client.upsertComment('o/r', 1940, MARKER, 'report');
  assert.deepEqual(github.comments('o/r', 1940).map((c) => c.body), [`${MARKER}\nreport`]);
  assert.equal((await client.upsertComment('o/r', 1940, MARKER, 'report 2')).created, false);
});

test('a comment GitHub would refuse as too long fails before any request', async () => {
  const count = github.requests.length;
  const failure = await failureOf(clientFor(github, { token: TOKEN }).upsertComment('o/r', 1935, MARKER, 'x'.repeat(70_000)));
  assert.equal(failure.kind, 'invalid');
  assert.match(failure.message, /^the comment is 70\d{3} characters; GitHub accepts at most 65536$/);
  assert.equal(github.requests.length, count);
});

test('without a token the write is refused: unauthorized', async () => {
  const failure = await failureOf(clientFor(github).upsertComment('o/r', 1935, MARKER, 'x'));
  assert.equal(failure.kind, 'unauthorized');
  assert.equal(failure.message, 'GitHub asked for credentials commenting on o/r#1935 (401): set a valid GITHUB_TOKEN');
});

test('403 on posting: forbidden, saying the token needs write access', async () => {
  github.addIssue({ repo: 'o/r', number: 1941, title: 'x' });
  github.fail('create-comment', { status: 403, body: { message: 'Resource not accessible by integration' } });
  const failure = await failureOf(clientFor(github, { token: TOKEN }).upsertComment('o/r', 1941, MARKER, 'x'));
  assert.equal(failure.kind, 'forbidden');
  assert.equal(failure.message, 'GitHub refused commenting on o/r#1941 (403): the token needs write access to issues in o/r (GitHub said: "Resource not accessible by integration")');
});

test('a 502 on posting is not retried (the comment may exist already)', async () => {
  github.addIssue({ repo: 'o/r', number: 1942, title: 'x' });
  github.fail('create-comment', { status: 502 });
  const failure = await failureOf(clientFor(github, { token: TOKEN, retries: 3 }).upsertComment('o/r', 1942, MARKER, 'x'));
  assert.equal(failure.kind, 'server');
  assert.equal(github.requestsTo('create-comment').filter((r) => r.path.endsWith('/1942/comments')).length, 1);
});

test('a comment list that is not a list: malformed', async () => {
  github.fail('list-comments', htmlPage(200));
  const failure = await failureOf(clientFor(github, { token: TOKEN }).upsertComment('o/r', 1935, MARKER, 'x'));
  assert.equal(failure.kind, 'malformed');
  assert.equal(failure.message, 'unexpected answer from GitHub commenting on o/r#1935: the comment list: an HTML page instead of JSON');
});

test('a comment in the list without an id: malformed', async () => {
  github.fail('list-comments', { status: 200, body: [{ body: MARKER, html_url: 'https://github.com/o/r/issues/1935#issuecomment-1' }] });
  const failure = await failureOf(clientFor(github, { token: TOKEN }).upsertComment('o/r', 1935, MARKER, 'x'));
  assert.equal(failure.kind, 'malformed');
  assert.equal(failure.message, 'unexpected answer from GitHub commenting on o/r#1935: comment 1 of the list: `id` is missing');
});

test('the gate issue missing: not-found', async () => {
  const failure = await failureOf(clientFor(github, { token: TOKEN }).upsertComment('o/r', 4040, MARKER, 'x'));
  assert.equal(failure.kind, 'not-found');
  assert.equal(failure.message, 'o/r#4040 not found (404): check the repository and number, and that the token can see o/r');
});

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startGithubStandIn, type GithubStandIn } from '../../../support/githubStandIn';
import { clientFor, failureOf } from './clientFor';

const TOKEN = 'ghp_issueToken000042';
let github: GithubStandIn;

before(async () => {
  github = await startGithubStandIn({
    issues: [
      { repo: 'o/r', number: 1, title: 'Runbook gate: Stage 2 (External canary) BLOCKED — Rollout', state: 'closed' },
      { repo: 'o/r', number: 2, title: 'Runbook gate: Stage 2 (External canary) BLOCKED — Rollout (old)', state: 'open' },
      { repo: 'o/r', number: 3, title: 'Runbook gate: Stage 2 (External canary) BLOCKED — Rollout', state: 'open', pullRequest: true },
      { repo: 'other/repo', number: 4, title: 'Runbook gate: Stage 3 FAIL — Rollout', state: 'open' },
    ],
  });
});
after(() => github.close());
beforeEach(() => github.clearFailures());

const STAGE_2 = 'Runbook gate: Stage 2 (External canary) BLOCKED — Rollout';

test('findOpenIssue ignores closed issues, pull requests and titles that only contain the words', async () => {
  assert.equal(await clientFor(github).findOpenIssue('o/r', STAGE_2), null);
  const query = github.requestsTo('search-issues').at(-1)?.query.q;
  assert.equal(query, `repo:o/r is:issue is:open in:title "${STAGE_2}"`);
});

test('findOpenIssue then createIssue never duplicates an open issue', async () => {
  const client = clientFor(github, { token: TOKEN });
  const title = 'Runbook gate: Stage 3 (Full rollout) FAIL — Rollout';
  const openOrCreate = async () => (await client.findOpenIssue('o/r', title)) ?? client.createIssue('o/r', { title, body: 'evidence', labels: ['runbook-gate', 'blocker'] });
  const first = await openOrCreate();
  const second = await openOrCreate();
  assert.equal(second.number, first.number);
  assert.deepEqual(github.issues().filter((i) => i.title === title).map((i) => [i.number, i.state, i.labels, i.body]), [[first.number, 'open', ['runbook-gate', 'blocker'], 'evidence']]);
  assert.equal(github.requestsTo('create-issue').length, 1);
  assert.deepEqual(first, { repo: 'o/r', number: first.number, title, state: 'open', url: `https://github.com/o/r/issues/${first.number}` });
});

test('a title with quotes and backslashes is searched safely and matched exactly', async () => {
  const title = 'Runbook gate: "Preflight" \\ checklist FAIL — it\'s "quoted"';
  github.addIssue({ repo: 'o/r', number: 50, title, state: 'open' });
  const found = await clientFor(github).findOpenIssue('o/r', title);
  assert.equal(found?.number, 50);
  assert.equal(github.requestsTo('search-issues').at(-1)?.query.q, 'repo:o/r is:issue is:open in:title "Runbook gate: Preflight checklist FAIL — it\'s quoted"');
});

test('a search item from another repository does not count', async () => {
  github.fail('search-issues', {
    status: 200,
    times: 1,
    body: { total_count: 1, items: [{ number: 4, title: 'Runbook gate: Stage 3 FAIL — Rollout', state: 'open', html_url: 'https://github.com/other/repo/issues/4', repository_url: `${github.url}/repos/other/repo` }] },
  });
  assert.equal(await clientFor(github).findOpenIssue('o/r', 'Runbook gate: Stage 3 FAIL — Rollout'), null);
});

test('a search result without items: malformed', async () => {
  github.fail('search-issues', { status: 200, body: { total_count: 0 } });
  const failure = await failureOf(clientFor(github).findOpenIssue('o/r', 'x'));
  assert.equal(failure.kind, 'malformed');
  assert.equal(failure.message, 'unexpected answer from GitHub searching o/r for an open issue titled "x": the search result: `items` is missing');
});

test('403 on create: forbidden, saying the token needs write access', async () => {
  github.fail('create-issue', { status: 403, body: { message: 'Resource not accessible by personal access token' } });
  const failure = await failureOf(clientFor(github, { token: TOKEN }).createIssue('o/r', { title: 't', body: 'b', labels: [] }));
  assert.equal(failure.kind, 'forbidden');
  assert.equal(failure.status, 403);
  assert.equal(failure.message, 'GitHub refused creating an issue in o/r (403): the token needs write access to issues in o/r (GitHub said: "Resource not accessible by personal access token")');
});

test('422 on create: invalid, with the fields GitHub named', async () => {
  github.fail('create-issue', { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'labels', code: 'invalid' }] } });
  const failure = await failureOf(clientFor(github, { token: TOKEN }).createIssue('o/r', { title: 't', body: 'b', labels: ['no such label'] }));
  assert.equal(failure.kind, 'invalid');
  assert.equal(failure.status, 422);
  assert.equal(failure.message, 'GitHub rejected creating an issue in o/r (422) (GitHub said: "Validation Failed; labels invalid")');
});

test('a 5xx on create is not retried (the issue may exist already)', async () => {
  const before = github.requestsTo('create-issue').length;
  github.fail('create-issue', { status: 500 });
  const failure = await failureOf(clientFor(github, { token: TOKEN, retries: 3 }).createIssue('o/r', { title: 't', body: 'b', labels: [] }));
  assert.equal(failure.kind, 'server');
  assert.equal(github.requestsTo('create-issue').length - before, 1);
});

test('an answer to create without a number: malformed', async () => {
  github.fail('create-issue', { status: 201, body: { title: 't', state: 'open', html_url: 'https://github.com/o/r/issues/9' } });
  const failure = await failureOf(clientFor(github, { token: TOKEN }).createIssue('o/r', { title: 't', body: 'b', labels: [] }));
  assert.equal(failure.kind, 'malformed');
  assert.equal(failure.message, 'unexpected answer from GitHub creating an issue in o/r: the created issue: `number` is missing');
});

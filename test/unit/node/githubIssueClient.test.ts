import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GithubIssueClient } from '../../../src/node/githubIssueClient';

// A real HTTP server on 127.0.0.1 speaking GET /repos/{owner}/{repo}/issues/{n}.
const seen: Array<{ url: string; auth: string | undefined }> = [];
let server: Server;
let baseUrl = '';

before(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization });
    const match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(req.url ?? '');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (!match || req.method !== 'GET') return send(404, { message: 'Not Found' });
    const [, owner, repo, n] = match;
    if (repo === 'private' && req.headers.authorization !== 'token good') return send(401, { message: 'Bad credentials' });
    if (repo === 'forbidden') return send(403, { message: 'Resource not accessible' });
    if (repo === 'limited') return send(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1893456000' });
    if (n === '404') return send(404, { message: 'Not Found' });
    const number = Number(n);
    send(200, { number, title: `OA-RUST-0${number - 1815}`, state: number === 1859 ? 'open' : 'closed', html_url: `https://github.com/${owner}/${repo}/issues/${number}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('getIssue returns the state, title and url of an issue', async () => {
  const client = new GithubIssueClient({ baseUrl });
  assert.deepEqual(await client.getIssue('openagents/openagents', 1858), {
    repo: 'openagents/openagents', number: 1858, title: 'OA-RUST-043', state: 'closed', url: 'https://github.com/openagents/openagents/issues/1858',
  });
  assert.equal((await client.getIssue('openagents/openagents', 1859)).state, 'open');
});

test('the token is sent when given', async () => {
  const client = new GithubIssueClient({ baseUrl, token: 'good' });
  assert.equal((await client.getIssue('o/private', 7)).state, 'closed');
  assert.equal(seen.at(-1)?.auth, 'token good');
});

test('errors become messages a user can act on', async () => {
  const anonymous = new GithubIssueClient({ baseUrl });
  await assert.rejects(anonymous.getIssue('o/private', 7), { message: 'GitHub rejected the token looking up o/private#7 (401): set a valid GITHUB_TOKEN' });
  await assert.rejects(anonymous.getIssue('o/forbidden', 7), { message: 'GitHub refused access to o/forbidden#7 (403): the token needs read access to the repository' });
  await assert.rejects(anonymous.getIssue('o/limited', 7), { message: 'GitHub rate limit reached looking up o/limited#7 until 2030-01-01T00:00:00.000Z: set GITHUB_TOKEN for a higher limit' });
  await assert.rejects(anonymous.getIssue('o/r', 404), { message: 'o/r#404 not found (404): a private repository needs GITHUB_TOKEN' });
  await assert.rejects(anonymous.getIssue('not-a-repo', 1), { message: 'repository must be OWNER/NAME, got "not-a-repo"' });
});

test('an unreachable API is reported with its address and cause', async () => {
  // A port that was just free: nothing listens there any more.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const client = new GithubIssueClient({ baseUrl: `http://127.0.0.1:${port}` });
  await assert.rejects(client.getIssue('o/r', 1), { message: `GitHub API unreachable at http://127.0.0.1:${port} looking up o/r#1: ECONNREFUSED` });
});

test('a server that never answers times out with a clear message', async () => {
  const silent = createServer(() => { /* never responds */ });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  try {
    const client = new GithubIssueClient({ baseUrl: url, timeoutMs: 200 });
    await assert.rejects(client.getIssue('o/r', 1), { message: `GitHub API at ${url} did not answer within 200 ms looking up o/r#1` });
  } finally {
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});

// `run --github-api URL --github-repo OWNER/NAME`: the dependency gate of seed 001's issues,
// answered by a real HTTP server on 127.0.0.1 speaking GET /repos/{owner}/{repo}/issues/{n}.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliAsync, scratchWorkspace } from './cliHarness';

const ws = scratchWorkspace();
const requests: Array<{ url: string; auth: string | undefined }> = [];
let server: Server;
let api = '';
let openIssue = 0;

before(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', auth: req.headers.authorization });
    const m = /^\/repos\/openagents\/openagents\/issues\/(\d+)$/.exec(req.url ?? '');
    res.writeHead(m ? 200 : 404, { 'content-type': 'application/json' });
    const n = Number(m?.[1]);
    res.end(JSON.stringify(m ? { number: n, title: `OA-RUST-0${n - 1815}`, state: n === openIssue ? 'open' : 'closed', html_url: `https://github.com/openagents/openagents/issues/${n}` } : { message: 'Not Found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Only the dependency loop of seed 001, so the run does not depend on cargo or a network.
  writeFileSync(join(ws.root, 'deps.md'), [
    '# OA-RUST-048 Gate', '', '## Stage 0: Gate preflight', '', 'OA-RUST dependency chain: #1858, #1859 and #1860 are closed.', '',
    '```bash {"name":"preflight"}', 'echo "49 passed"', '```', '',
  ].join('\n'));
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  ws.cleanup();
});

test('closed dependencies -> green dependency gate, Go; the token is sent', async () => {
  const { code, stdout, stderr } = await runCliAsync(['run', 'deps.md', '--github-api', api, '--github-repo', 'openagents/openagents', '--report', 'deps-go.md'], ws.root, { GITHUB_TOKEN: 'test-token' });
  assert.equal(code, 0, stderr + stdout);
  const report = readFileSync(join(ws.root, 'deps-go.md'), 'utf8');
  assert.match(report, /^2\. Dependency gate: PASS$/m);
  assert.match(report, /`#1858 OA-RUST-043 -> CLOSED`/);
  assert.match(report, /`49 passed`/);
  assert.match(report, /^Go for OA-RUST-048 Gate at /m);
  assert.deepEqual(requests.map((r) => r.url).sort(), ['/repos/openagents/openagents/issues/1858', '/repos/openagents/openagents/issues/1859', '/repos/openagents/openagents/issues/1860']);
  assert.ok(requests.every((r) => r.auth === 'token test-token'));
});

test('an open dependency -> No-Go with its remediation; report RUN_DIR keeps the dependency states', async () => {
  openIssue = 1859;
  const { code, stdout } = await runCliAsync(['run', 'deps.md', '--github-api', api, '--github-repo', 'openagents/openagents', '--report', 'deps-nogo.md'], ws.root);
  assert.equal(code, 1, stdout);
  assert.match(stdout, /Dependency #1859 OA-RUST-044 is OPEN/);
  const report = readFileSync(join(ws.root, 'deps-nogo.md'), 'utf8');
  assert.match(report, /`#1859 OA-RUST-044 -> OPEN`/);
  assert.match(report, /Close #1859 \(https:\/\/github\.com\/openagents\/openagents\/issues\/1859\)/);
  const runDir = /^Run directory: (.+)$/m.exec(stdout)?.[1] ?? '';
  openIssue = 0; // regenerating must not look the issues up again
  const before = requests.length;
  const again = await runCliAsync(['report', runDir], ws.root);
  assert.equal(again.code, 1);
  assert.equal(requests.length, before);
  assert.equal(readFileSync(join(ws.root, 'deps-nogo.md'), 'utf8'), report);
});

test('an unreachable API blocks the dependency gate with the reason', async () => {
  const { code } = await runCliAsync(['run', 'deps.md', '--github-api', 'http://127.0.0.1:1', '--github-repo', 'openagents/openagents', '--report', 'deps-down.md'], ws.root);
  assert.equal(code, 1);
  const report = readFileSync(join(ws.root, 'deps-down.md'), 'utf8');
  assert.match(report, /^2\. Dependency gate: BLOCKED$/m);
  assert.match(report, /Dependency #1858 could not be checked: GitHub API unreachable at http:\/\/127\.0\.0\.1:1 looking up openagents\/openagents#1858/);
});

test('without --github-repo or a token the dependency gate is noted as not checked', async () => {
  const { code, stdout } = await runCliAsync(['run', 'deps.md', '--report', 'deps-none.md'], ws.root);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /^Note: Dependency gate not checked: 3 issue reference\(s\)/m);
  assert.match(readFileSync(join(ws.root, 'deps-none.md'), 'utf8'), /Dependency gate not checked/);
});

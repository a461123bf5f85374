import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDependencies, type RepositoryChoice } from '../../../../src/core/gate/dependencies';
import type { IssueClient, IssueState } from '../../../../src/core/ports';
import type { DependencyDefinition } from '../../../../src/core/run/definition';

const AT = '2026-03-02T10:00:00.000Z';
const ORIGIN: RepositoryChoice = { repo: 'openagents/openagents', source: 'git remote origin' };
const NONE: RepositoryChoice = { repo: null, source: null };

function dep(number: number, extra: Partial<DependencyDefinition> = {}): DependencyDefinition {
  return { refId: `ref-${number}`, label: `#${number}`, repo: null, number, line: 10 + number % 100, why: 'Preconditions section', ...extra };
}

/** A scripted issue client: known issues answer; others reject with the given failure. */
class ScriptedIssues implements IssueClient {
  readonly calls: string[] = [];
  inFlight = 0;
  mostInFlight = 0;
  constructor(private readonly issues: Record<string, { state: IssueState['state']; title?: string }>, private readonly failure = (key: string) => new Error(`${key} not found (404)`)) {}
  async getIssue(repo: string, issueNumber: number): Promise<IssueState> {
    const key = `${repo}#${issueNumber}`;
    this.calls.push(key);
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    this.inFlight--;
    const known = this.issues[key];
    if (!known) throw this.failure(key);
    return { repo, number: issueNumber, title: known.title ?? `Issue ${issueNumber}`, state: known.state, url: `https://github.com/${repo}/issues/${issueNumber}` };
  }
}

const closed = (...numbers: number[]) => Object.fromEntries(numbers.map((n) => [`openagents/openagents#${n}`, { state: 'closed' as const }]));

test('all closed: green, each item with GitHub\'s title, state and url', async () => {
  const client = new ScriptedIssues({ ...closed(1858, 1859), 'openagents/openagents#1858': { state: 'closed', title: 'OA-RUST-043' } });
  const record = await checkDependencies({ items: [dep(1858), dep(1859)], client, repository: ORIGIN, at: AT });
  assert.equal(record.status, 'green');
  assert.equal(record.checkedAt, AT);
  assert.equal(record.repo, 'openagents/openagents');
  assert.equal(record.reason, null);
  assert.deepEqual(record.items[0], {
    refId: 'ref-1858', label: '#1858', repo: 'openagents/openagents', number: 1858, line: 68, why: 'Preconditions section',
    state: 'closed', title: 'OA-RUST-043', url: 'https://github.com/openagents/openagents/issues/1858', error: null,
  });
});

test('one open: red', async () => {
  const client = new ScriptedIssues({ ...closed(1858), 'openagents/openagents#1859': { state: 'open' } });
  const record = await checkDependencies({ items: [dep(1858), dep(1859)], client, repository: ORIGIN, at: AT });
  assert.equal(record.status, 'red');
  assert.deepEqual(record.items.map((i) => [i.label, i.state, i.error]), [['#1858', 'closed', null], ['#1859', 'open', null]]);
});

test('no repository for a bare reference: blocked, never green, saying where one can come from', async () => {
  const client = new ScriptedIssues({ 'acme/lib#12': { state: 'closed' } });
  const record = await checkDependencies({ items: [dep(1858), dep(12, { label: 'acme/lib#12', repo: 'acme/lib' })], client, repository: NONE, at: AT });
  assert.equal(record.status, 'blocked');
  assert.deepEqual(client.calls, ['acme/lib#12'], 'the reference that names its repository is still looked up');
  assert.equal(record.items[0]?.error, 'no repository to look up #1858 in: name one for the run (command line or settings), set `repo` in the runbook\'s front matter, or add a GitHub `origin` remote');
  assert.equal(record.items[1]?.state, 'closed');
  assert.equal(record.reason, 'no repository for #1858: name one for the run (command line or settings), set `repo` in the runbook\'s front matter, or add a GitHub `origin` remote');
});

test('no client: every reference blocked, with the host\'s reason', async () => {
  const record = await checkDependencies({ items: [dep(1858)], client: null, noClientReason: 'the workspace is not trusted', repository: ORIGIN, at: AT });
  assert.equal(record.status, 'blocked');
  assert.equal(record.items[0]?.error, 'dependency look-ups are unavailable: the workspace is not trusted');
  assert.equal(record.reason, 'dependency look-ups are unavailable: the workspace is not trusted');
});

test('a failed look-up blocks the gate even when the others are closed, and says where the repository came from', async () => {
  const client = new ScriptedIssues(closed(1858));
  const record = await checkDependencies({ items: [dep(1858), dep(1860)], client, repository: ORIGIN, at: AT });
  assert.equal(record.status, 'blocked');
  assert.equal(record.items[1]?.error, 'openagents/openagents#1860 not found (404) (repository openagents/openagents from the git remote origin)');
});

test('a failed look-up and an open issue: blocked (what cannot be checked is never passed over)', async () => {
  const client = new ScriptedIssues({ 'openagents/openagents#1859': { state: 'open' } });
  const record = await checkDependencies({ items: [dep(1859), dep(1860)], client, repository: ORIGIN, at: AT });
  assert.equal(record.status, 'blocked');
});

test('a client that throws synchronously, or rejects with a non-Error, still yields an item error', async () => {
  const throwing: IssueClient = { getIssue: () => { throw new Error('boom'); } };
  const rejecting: IssueClient = { getIssue: () => Promise.reject('plain string') };
  assert.equal((await checkDependencies({ items: [dep(1)], client: throwing, repository: ORIGIN, at: AT })).items[0]?.error, 'boom (repository openagents/openagents from the git remote origin)');
  assert.equal((await checkDependencies({ items: [dep(1)], client: rejecting, repository: ORIGIN, at: AT })).items[0]?.error, 'plain string (repository openagents/openagents from the git remote origin)');
});

test('one look-up per distinct issue; every reference keeps its item', async () => {
  const client = new ScriptedIssues({ ...closed(1858), 'acme/lib#1858': { state: 'open' } });
  const items = [
    dep(1858),
    dep(1858, { refId: 'ref-9', line: 90 }),
    dep(1858, { refId: 'ref-10', label: 'OpenAgents/OpenAgents#1858', repo: 'OpenAgents/OpenAgents' }),
    dep(1858, { refId: 'ref-11', label: 'acme/lib#1858', repo: 'acme/lib' }),
  ];
  const record = await checkDependencies({ items, client, repository: ORIGIN, at: AT });
  assert.deepEqual(client.calls, ['openagents/openagents#1858', 'acme/lib#1858']);
  assert.deepEqual(record.items.map((i) => [i.refId, i.state]), [['ref-1858', 'closed'], ['ref-9', 'closed'], ['ref-10', 'closed'], ['ref-11', 'open']]);
});

test('look-ups run in parallel, a few at a time', async () => {
  const numbers = Array.from({ length: 12 }, (_, i) => 2000 + i);
  const client = new ScriptedIssues(closed(...numbers));
  const record = await checkDependencies({ items: numbers.map((n) => dep(n)), client, repository: ORIGIN, at: AT, concurrency: 3 });
  assert.equal(record.status, 'green');
  assert.equal(client.mostInFlight, 3);
  assert.deepEqual(record.items.map((i) => i.number), numbers, 'items stay in document order');
});

test('a title with a newline and an escape sequence is kept as data', async () => {
  const client = new ScriptedIssues({ 'openagents/openagents#7': { state: 'closed', title: 'line\n\u001b[2Jcleared' } });
  const record = await checkDependencies({ items: [dep(7)], client, repository: ORIGIN, at: AT });
  assert.equal(record.items[0]?.title, 'line\n\u001b[2Jcleared');
});

test('no dependency references: not checked, with no reason (nothing is blocked by it)', async () => {
  const client = new ScriptedIssues({});
  const citations = [{ label: '#1935', line: 3, why: 'the document\'s Issue: line' }];
  const record = await checkDependencies({ items: [], client, repository: ORIGIN, at: AT, citations });
  assert.deepEqual(record, { status: 'not checked', checkedAt: null, repo: 'openagents/openagents', reason: null, items: [], citations });
  assert.deepEqual(client.calls, []);
});

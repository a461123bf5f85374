import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDependencies } from '../../../../src/core/gate/dependencies';
import type { IssueClient, IssueState } from '../../../../src/core/ports';
import { issue } from './fixtures';

/** A scripted issue client: known issues answer, others reject like a 404. */
class ScriptedIssues implements IssueClient {
  readonly calls: string[] = [];
  constructor(private readonly issues: Record<string, IssueState['state']>) {}
  async getIssue(repo: string, issueNumber: number): Promise<IssueState> {
    this.calls.push(`${repo}#${issueNumber}`);
    const state = this.issues[`${repo}#${issueNumber}`];
    if (!state) throw new Error(`${repo}#${issueNumber} not found (404)`);
    return { repo, number: issueNumber, title: `Issue ${issueNumber}`, state, url: `https://example.test/${repo}/issues/${issueNumber}` };
  }
}

test('checkDependencies looks each distinct issue up once and records errors instead of throwing', async () => {
  const client = new ScriptedIssues({ 'o/r#1': 'closed', 'x/y#2': 'open' });
  const refs = [issue(1), issue(1, 9), { ...issue(2), repo: 'x/y' }, issue(3)];
  const checks = await checkDependencies(refs, client, 'o/r');
  assert.deepEqual(client.calls, ['o/r#1', 'x/y#2', 'o/r#3']);
  assert.deepEqual(checks.map((c) => [c.reference.number, c.state?.state ?? null, c.error]), [
    [1, 'closed', null], [2, 'open', null], [3, null, 'o/r#3 not found (404)'],
  ]);
});

test('checkDependencies without a repository blocks with an actionable message', async () => {
  const checks = await checkDependencies([issue(7)], new ScriptedIssues({}), null);
  assert.equal(checks[0]?.error, 'no repository for #7 (set --github-repo or front matter repo)');
});

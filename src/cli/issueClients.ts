// The IssueClient the CLI uses for dependency checks: GitHub (or --github-api) via Octokit.
import type { IssueClient } from '../core/ports';
import { GithubIssueClient } from '../node/githubIssueClient';

export function createIssueClient(options: { baseUrl: string | null; token: string | null }): IssueClient | null {
  return new GithubIssueClient({ baseUrl: options.baseUrl, token: options.token });
}

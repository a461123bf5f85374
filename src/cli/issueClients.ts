// The IssueClient the CLI uses for dependency checks. Until the GitHub client lands this
// returns null, and `run` notes that the dependency gate was not checked.
import type { IssueClient } from '../core/ports';

export function createIssueClient(_options: { baseUrl: string | null; token: string | null }): IssueClient | null {
  return null;
}

// IssueClient on GitHub's REST API through Octokit. `baseUrl` points it at GitHub
// Enterprise or a local server in tests; errors become messages a user can act on.
import { Octokit } from '@octokit/rest';
import type { IssueClient, IssueState } from '../core/ports';

export interface GithubIssueClientOptions {
  /** API root, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  baseUrl?: string | null;
  token?: string | null;
  /** Per-request timeout. */
  timeoutMs?: number;
}

export const DEFAULT_GITHUB_API = 'https://api.github.com';

interface HttpErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
  name?: string;
  cause?: unknown;
}

export class GithubIssueClient implements IssueClient {
  private readonly octokit: Octokit;
  private readonly baseUrl: string;
  private readonly hasToken: boolean;
  private readonly timeoutMs: number;

  constructor(options: GithubIssueClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_GITHUB_API).replace(/\/+$/, '');
    this.hasToken = !!options.token;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.octokit = new Octokit({
      baseUrl: this.baseUrl,
      ...(options.token ? { auth: options.token } : {}),
      userAgent: 'runbook-gate',
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
  }

  async getIssue(repo: string, issueNumber: number): Promise<IssueState> {
    const [owner, name] = repo.split('/');
    if (!owner || !name) throw new Error(`repository must be OWNER/NAME, got "${repo}"`);
    const label = `${repo}#${issueNumber}`;
    try {
      const { data } = await this.octokit.rest.issues.get({ owner, repo: name, issue_number: issueNumber, request: { signal: AbortSignal.timeout(this.timeoutMs) } });
      return {
        repo,
        number: data.number,
        title: data.title,
        state: data.state === 'closed' ? 'closed' : 'open',
        url: data.html_url,
      };
    } catch (error) {
      throw new Error(this.explain(label, error as HttpErrorLike));
    }
  }

  private explain(label: string, error: HttpErrorLike): string {
    const headers = error.response?.headers ?? {};
    // Octokit reports a failed fetch (refused, DNS, timeout) as a 500 without a response.
    const status = error.response ? error.status : undefined;
    switch (status) {
      case 401:
        return `GitHub rejected the token looking up ${label} (401): set a valid GITHUB_TOKEN`;
      case 403:
      case 429: {
        if (String(headers['x-ratelimit-remaining'] ?? '') === '0' || error.status === 429) {
          const reset = Number(headers['x-ratelimit-reset']);
          const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
          return `GitHub rate limit reached looking up ${label}${when}${this.hasToken ? '' : ': set GITHUB_TOKEN for a higher limit'}`;
        }
        return `GitHub refused access to ${label} (403): the token needs read access to the repository`;
      }
      case 404:
        return `${label} not found (404)${this.hasToken ? '' : ': a private repository needs GITHUB_TOKEN'}`;
      case 410:
        return `${label} was deleted (410)`;
      default:
        if (typeof status === 'number' && status >= 400) return `GitHub answered ${status} looking up ${label}: ${error.message ?? ''}`.trim();
        return this.networkProblem(label, error);
    }
  }

  private networkProblem(label: string, error: HttpErrorLike): string {
    // The deepest cause names the real problem: ECONNREFUSED, ENOTFOUND, "bad port", a timeout.
    let reason: { name?: string; code?: string; message?: string } = error;
    for (let cause = error.cause as typeof reason | undefined, depth = 0; cause && depth < 5; cause = (cause as { cause?: typeof reason }).cause, depth++) reason = cause;
    if (reason.name === 'TimeoutError' || /aborted due to timeout/i.test(reason.message ?? '')) {
      return `GitHub API at ${this.baseUrl} did not answer within ${this.timeoutMs} ms looking up ${label}`;
    }
    return `GitHub API unreachable at ${this.baseUrl} looking up ${label}: ${reason.code ?? reason.message ?? 'network error'}`;
  }
}

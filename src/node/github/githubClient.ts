// GithubClient (core/ports.ts) on GitHub's REST API: issue look-ups for the dependency gate,
// the report comment on the gate issue, remediation issues. Every failure rejects with a
// GithubRequestFailure (see explainFailure.ts); nothing it says holds the token.
import type { GithubClient, IssueState } from '../../core/ports';
import { createSecretMasker } from '../../core/secrets/secretMasker';
import { parseApiUrl, hideUrlCredentials } from './apiUrl';
import { readComment, readComments, readExactTitleMatches, readIssue, type IssueComment } from './answers';
import { explainFailure, type FailureContext } from './explainFailure';
import { GithubRequestFailure } from './githubFailure';
import { createOctokit, type GithubOctokit } from './octokit';
import { nextPageExists, searchQueryForTitle } from './requests';

export interface GithubClientOptions {
  /** API root: https://api.github.com (default), https://HOST/api/v3, or a loopback stand-in. */
  baseUrl?: string | null;
  token?: string | null;
  /** Deadline of one request, body included (default 15 s). */
  timeoutMs?: number;
  /** Hides the host's other secrets in messages too (the token and URL credentials always are). */
  masker?: { mask(text: string): string } | null;
  /** Retries of a 5xx, a timeout or a network error (default 2); creating is never retried. */
  retries?: number;
  /** Wait before the first retry; later ones wait 4x, 9x as long (default 1000 ms). */
  retryBaseMs?: number;
  /** The longest rate-limit wait before failing as rate-limited (default 60 s). */
  maxRateLimitWaitMs?: number;
  /** Clients with the same id share GitHub's pacing of searches and writes (default: one per process). */
  throttleId?: string;
}

/** GitHub refuses longer comment and issue bodies. */
export const GITHUB_BODY_LIMIT = 65_536;
const MAX_COMMENT_PAGES = 100;

type Operation = Pick<FailureContext, 'action' | 'subject' | 'repo' | 'write'>;

export function createGithubClient(options: GithubClientOptions = {}): GithubClient {
  const token = options.token?.trim() || null;
  const endpoint = parseApiUrl(options.baseUrl, token !== null);
  const secrets = createSecretMasker([...(token ? [token] : []), ...endpoint.credentials]);
  const mask = (text: string): string => hideUrlCredentials(secrets.mask(options.masker ? options.masker.mask(text) : text));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 60_000;
  const octokit: GithubOctokit | null = endpoint.problem ? null : createOctokit({
    baseUrl: endpoint.baseUrl,
    token,
    timeoutMs,
    retries: options.retries ?? 2,
    retryBaseMs: options.retryBaseMs ?? 1000,
    maxRateLimitWaitMs,
    throttleId: options.throttleId ?? 'runbook-gate',
  });

  /** Runs one operation; whatever goes wrong leaves as a GithubRequestFailure. */
  async function attempt<T>(operation: Operation, work: (octokit: GithubOctokit, owner: string, name: string) => Promise<T>): Promise<T> {
    const context: FailureContext = { ...operation, hasToken: token !== null, displayUrl: endpoint.displayUrl, timeoutMs, maxRateLimitWaitMs, mask };
    const [owner, name, extra] = operation.repo.split('/');
    if (!owner || !name || extra !== undefined || !/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(name)) {
      throw new GithubRequestFailure('invalid', null, mask(`repository must be OWNER/NAME, got "${operation.repo}"`));
    }
    if (!octokit) throw new GithubRequestFailure('invalid', null, mask(endpoint.problem ?? 'no GitHub API URL'));
    try {
      return await work(octokit, owner, name);
    } catch (error) {
      throw explainFailure(error, context);
    }
  }

  function checkNumber(repo: string, issueNumber: number): void {
    if (!Number.isSafeInteger(issueNumber) || issueNumber <= 0) throw new GithubRequestFailure('invalid', null, `issue number must be a positive integer, got ${String(issueNumber)} for ${repo}`);
  }

  function checkBody(what: string, body: string): void {
    if (body.length > GITHUB_BODY_LIMIT) throw new GithubRequestFailure('invalid', null, `${what} is ${body.length} characters; GitHub accepts at most ${GITHUB_BODY_LIMIT}`);
  }

  async function findMarkedComment(octokit: GithubOctokit, owner: string, name: string, issueNumber: number, marker: string): Promise<IssueComment | null> {
    for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
      const response = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo: name, issue_number: issueNumber, per_page: 100, page });
      const found = readComments(response.data).find((comment) => comment.body.includes(marker));
      if (found) return found;
      // Pages are counted, not followed: a `link` URL pointing elsewhere never receives the token.
      if (!nextPageExists(response.headers.link)) return null;
    }
    return null;
  }

  return {
    async getIssue(repo, issueNumber): Promise<IssueState> {
      checkNumber(repo, issueNumber);
      const operation = { action: `looking up ${repo}#${issueNumber}`, subject: `${repo}#${issueNumber}`, repo, write: false };
      return attempt(operation, async (octokit, owner, name) => {
        const response = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner, repo: name, issue_number: issueNumber });
        return readIssue(response.data, repo);
      });
    },

    async upsertComment(repo, issueNumber, marker, body) {
      checkNumber(repo, issueNumber);
      if (marker.trim() === '') throw new GithubRequestFailure('invalid', null, 'a comment marker must not be empty');
      const text = body.includes(marker) ? body : `${marker}\n${body}`;
      checkBody('the comment', text);
      const operation = { action: `commenting on ${repo}#${issueNumber}`, subject: `${repo}#${issueNumber}`, repo, write: true };
      return attempt(operation, async (octokit, owner, name) => {
        const earlier = await findMarkedComment(octokit, owner, name, issueNumber, marker);
        if (earlier) {
          const response = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo: name, comment_id: earlier.id, body: text });
          return { url: readComment(response.data).url, created: false };
        }
        // Never retried: a POST that failed late may have created the comment already.
        const response = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo: name, issue_number: issueNumber, body: text, request: { retries: 0 } });
        return { url: readComment(response.data).url, created: true };
      });
    },

    async findOpenIssue(repo, title) {
      const operation = { action: `searching ${repo} for an open issue titled "${title.slice(0, 80)}"`, subject: repo, repo, write: false };
      return attempt(operation, async (octokit) => {
        const response = await octokit.request('GET /search/issues', { q: searchQueryForTitle(repo, title), per_page: 100 });
        return readExactTitleMatches(response.data, repo, title)[0] ?? null;
      });
    },

    async createIssue(repo, issue) {
      checkBody('the issue body', issue.body);
      const operation = { action: `creating an issue in ${repo}`, subject: repo, repo, write: true };
      return attempt(operation, async (octokit, owner, name) => {
        const response = await octokit.request('POST /repos/{owner}/{repo}/issues', {
          owner, repo: name, title: issue.title, body: issue.body, labels: [...issue.labels], request: { retries: 0 },
        });
        return readIssue(response.data, repo, 'the created issue');
      });
    },
  };
}

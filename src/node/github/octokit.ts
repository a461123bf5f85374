// Octokit as the client uses it: @octokit/plugin-retry for 5xx and timeouts, a bounded number
// of times; @octokit/plugin-throttling for GitHub's pacing and rate-limit answers, waiting at
// most `maxRateLimitWaitMs` (a CLI must not sit out an hour-long reset); a deadline per
// request that also covers reading the body.
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export interface OctokitSettings {
  baseUrl: string;
  token: string | null;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  maxRateLimitWaitMs: number;
  throttleId: string;
}

interface ErrorWithResponse {
  status?: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/**
 * plugin-throttling honours `retry-after` only when the message names a secondary rate limit
 * (GitHub's do); a GitHub Enterprise proxy answering 403/429 with `retry-after` alone is
 * treated the same. Registered before the throttling plugin, so it runs inside it.
 */
function retryAfterMeansRateLimit(octokit: Pick<Octokit, 'hook'>): void {
  octokit.hook.error('request', (error: ErrorWithResponse) => {
    const limited = (error.status === 403 || error.status === 429) && error.response?.headers?.['retry-after'] !== undefined;
    if (limited && !/\bsecondary rate\b/i.test(error.message)) error.message = `secondary rate limit: ${error.message}`;
    throw error;
  });
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** fetch with a deadline for the whole answer: headers and body (a server may stall mid-body). */
function fetchWithDeadline(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const response = await fetch(input, { ...init, signal });
    const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

const GithubOctokit = Octokit.plugin(retryAfterMeansRateLimit, throttling, retry);
export type GithubOctokit = InstanceType<typeof GithubOctokit>;

export function createOctokit(settings: OctokitSettings): GithubOctokit {
  const waitAtMostOnce = (retryAfterSeconds: number, _options: unknown, _octokit: unknown, retryCount: number): boolean =>
    retryCount < 1 && retryAfterSeconds * 1000 <= settings.maxRateLimitWaitMs;
  return new GithubOctokit({
    baseUrl: settings.baseUrl,
    ...(settings.token ? { auth: settings.token } : {}),
    userAgent: 'runbook-gate',
    log: silent,
    request: { fetch: fetchWithDeadline(settings.timeoutMs) },
    // Rate-limit answers belong to the throttling plugin alone (429 would otherwise be retried blindly).
    retry: { retries: settings.retries, retryAfterBaseValue: settings.retryBaseMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: { id: settings.throttleId, onRateLimit: waitAtMostOnce, onSecondaryRateLimit: waitAtMostOnce },
  });
}

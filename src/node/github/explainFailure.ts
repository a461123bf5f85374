// Any error from a GitHub call -> a GithubRequestFailure whose message says what happened and
// what to do. Everything that could carry a secret (GitHub's own message, a cause) is masked
// and clipped before it is quoted, and the whole message is masked once more at the end.
import { GithubRequestFailure, type GithubFailureKind } from './githubFailure';
import { UnexpectedAnswer } from './answers';

export interface FailureContext {
  /** "looking up o/r#7", "creating an issue in o/r". */
  action: string;
  /** What a 404 is about: "o/r#7" or "o/r". */
  subject: string;
  repo: string;
  /** Writes need write access; a 403 says so. */
  write: boolean;
  hasToken: boolean;
  displayUrl: string;
  timeoutMs: number;
  maxRateLimitWaitMs: number;
  /** Hides the token, URL credentials and whatever the host's masker knows. */
  mask: (text: string) => string;
}

interface HttpErrorLike {
  name?: string;
  status?: number;
  message?: string;
  code?: string;
  cause?: unknown;
  response?: { status?: number; headers?: Record<string, string | number | undefined>; data?: unknown };
}

// Matching control characters is the point: a server's message must not move the cursor.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;

/** GitHub's message, safe to quote: masked first (clipping could cut a secret in half), one line, short. */
function quoted(text: string, mask: (text: string) => string, max = 200): string {
  const flat = mask(text).replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

function serverMessage(data: unknown, mask: (text: string) => string): string {
  if (typeof data === 'string') return /^\s*</.test(data) ? '' : quoted(data, mask);
  if (typeof data !== 'object' || data === null || data instanceof ArrayBuffer) return '';
  const { message, errors } = data as { message?: unknown; errors?: unknown };
  const details = Array.isArray(errors)
    ? errors.map((e) => (typeof e === 'string' ? e : typeof e === 'object' && e !== null ? [(e as Record<string, unknown>).field, (e as Record<string, unknown>).code, (e as Record<string, unknown>).message].filter((x) => typeof x === 'string').join(' ') : '')).filter((x) => x !== '')
    : [];
  const text = [typeof message === 'string' ? message : '', ...details].filter((x) => x !== '').join('; ');
  return quoted(text, mask);
}

function said(message: string): string {
  return message === '' ? '' : ` (GitHub said: "${message}")`;
}

function header(error: HttpErrorLike, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

function isRateLimited(error: HttpErrorLike, status: number): boolean {
  if (status === 429) return true;
  if (status !== 403) return false;
  return header(error, 'x-ratelimit-remaining') === '0' || header(error, 'retry-after') !== undefined || /rate limit/i.test(error.message ?? '');
}

function rateLimitMessage(error: HttpErrorLike, status: number, ctx: FailureContext): string {
  const reset = Number(header(error, 'x-ratelimit-reset'));
  const retryAfter = Number(header(error, 'retry-after'));
  const cap = `${Math.round(ctx.maxRateLimitWaitMs / 1000)} s`;
  let when = '';
  if (Number.isFinite(retryAfter) && retryAfter > 0) when = `; GitHub asked to wait ${retryAfter} s (this tool waits at most ${cap})`;
  else if (Number.isFinite(reset) && reset > 0) when = `; it resets at ${new Date(reset * 1000).toISOString()} (this tool waits at most ${cap})`;
  const remedy = ctx.hasToken ? ': try again later' : ': try again later, or set GITHUB_TOKEN for a higher limit';
  return `GitHub rate limit reached ${ctx.action} (${status})${when}${remedy}`;
}

function statusFailure(error: HttpErrorLike, status: number, ctx: FailureContext): [GithubFailureKind, string] {
  const message = serverMessage(error.response?.data, ctx.mask);
  if (isRateLimited(error, status)) return ['rate-limited', rateLimitMessage(error, status, ctx)];
  if (status === 401) {
    return ['unauthorized', ctx.hasToken
      ? `GitHub rejected the token ${ctx.action} (401): set a valid GITHUB_TOKEN`
      : `GitHub asked for credentials ${ctx.action} (401): set a valid GITHUB_TOKEN`];
  }
  if (status === 403) {
    const access = ctx.write ? `write access to issues in ${ctx.repo}` : `read access to ${ctx.repo}`;
    const remedy = ctx.hasToken ? `the token needs ${access}` : `set GITHUB_TOKEN to a token with ${access}`;
    return ['forbidden', `GitHub refused ${ctx.action} (403): ${remedy}${said(message)}`];
  }
  if (status === 404) {
    const remedy = ctx.hasToken ? `check the repository and number, and that the token can see ${ctx.repo}` : 'a private repository needs GITHUB_TOKEN';
    return ['not-found', `${ctx.subject} not found (404): ${remedy}`];
  }
  if (status === 410) return ['not-found', `${ctx.subject} was deleted (410)`];
  if (status >= 500) return ['server', `GitHub answered ${status} ${ctx.action}, also on retry${said(message)}: try again later`];
  if (status >= 400) return ['invalid', `GitHub rejected ${ctx.action} (${status})${said(message)}`];
  return ['malformed', `unexpected answer from GitHub ${ctx.action}: status ${status}`];
}

/** The deepest cause names the real problem: ECONNREFUSED, ENOTFOUND, a timeout. */
function rootCause(error: HttpErrorLike): HttpErrorLike {
  let reason = error;
  for (let depth = 0; depth < 5 && typeof reason.cause === 'object' && reason.cause !== null; depth++) reason = reason.cause as HttpErrorLike;
  return reason;
}

function transportFailure(error: HttpErrorLike, ctx: FailureContext): [GithubFailureKind, string] {
  const cause = rootCause(error);
  if (cause.name === 'TimeoutError' || /aborted due to timeout/i.test(cause.message ?? '')) {
    return ['timeout', `GitHub API at ${ctx.displayUrl} did not answer within ${ctx.timeoutMs} ms ${ctx.action}, also on retry: try again later`];
  }
  const why = quoted(cause.code ?? cause.message ?? 'network error', ctx.mask, 120);
  return ['network', `GitHub API unreachable at ${ctx.displayUrl} ${ctx.action}: ${why}`];
}

export function explainFailure(error: unknown, ctx: FailureContext): GithubRequestFailure {
  if (error instanceof GithubRequestFailure) return error;
  let kind: GithubFailureKind;
  let status: number | null = null;
  let message: string;
  const http = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorLike;
  if (error instanceof UnexpectedAnswer) {
    [kind, message] = ['malformed', `unexpected answer from GitHub ${ctx.action}: ${error.message}`];
  } else if (http.response && typeof http.status === 'number') {
    status = http.status;
    [kind, message] = statusFailure(http, http.status, ctx);
  } else if (typeof http.status === 'number' || http.name === 'AbortError' || http.cause !== undefined) {
    // Octokit reports a fetch that failed (refused, DNS, timeout) as a 500 without a response.
    [kind, message] = transportFailure(http, ctx);
  } else {
    // Anything else came from reading an answer Octokit itself could not digest.
    [kind, message] = ['malformed', `unexpected answer from GitHub ${ctx.action}${http.name ? ` (${quoted(http.name, ctx.mask, 40)})` : ''}`];
  }
  return new GithubRequestFailure(kind, status, ctx.mask(message));
}

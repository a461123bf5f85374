/**
 * A GitHub stand-in for tests: a real `node:http` server on 127.0.0.1 (port 0) that speaks the
 * few REST routes Runbook Gate uses, so Octokit runs unmodified against it. No mocks.
 *
 * ```ts
 * import { startGithubStandIn, rateLimit } from '../support/githubStandIn';
 *
 * const github = await startGithubStandIn({
 *   issues: [{ repo: 'o/r', number: 1858, title: 'OA-RUST-043', state: 'closed' }],
 *   tokens: ['good'],              // optional: any other Authorization gets 401
 * });
 * const client = createGithubClient({ baseUrl: github.url, token: 'good' });
 * github.fail('get-issue', { status: 503, times: 2 });   // two 503s, then the real answer
 * ...
 * github.requests;                 // every request, in order (method, path, route, headers, body)
 * github.comments('o/r', 1858);    // what the issue's comments now are
 * await github.close();
 * ```
 *
 * API: `startGithubStandIn(options)` (alias `start`) -> `GithubStandIn`:
 * - `url`                         base URL for the client (`--github-api`, `createGithubClient({ baseUrl })`)
 * - `requests`, `requestsTo(route)` every request: method, path, query, route, headers, authorization, body
 * - `addIssue(issue)`, `issue(repo, n)`, `issues()`   seed and read issues (created ones included)
 * - `addComment(repo, n, body)`, `comments(repo, n)`  seed and read an issue's comments
 * - `fail(route, mode)`, `clearFailures()`           failure modes (below)
 * - `close()`                     ends open connections and pending slow answers
 * Options: `issues` (StandInIssue: repo, number, title, state = open, body, labels, private,
 * pullRequest), `tokens`, `htmlBase` (where html_url points; default https://github.com).
 *
 * Routes (`RouteName`):
 * - `get-issue`       GET   /repos/:owner/:repo/issues/:number
 * - `list-comments`   GET   /repos/:owner/:repo/issues/:number/comments   (per_page, page, `link` header)
 * - `create-comment`  POST  /repos/:owner/:repo/issues/:number/comments   {body}
 * - `update-comment`  PATCH /repos/:owner/:repo/issues/comments/:id        {body}
 * - `search-issues`   GET   /search/issues?q=   (repo:, is:issue|pr|open|closed, state:, in:title;
 *                            every other word or "quoted phrase" must occur in the title,
 *                            case and punctuation aside — so callers must match titles exactly)
 * - `create-issue`    POST  /repos/:owner/:repo/issues                      {title, body, labels}
 * Anything else answers 404 {"message":"Not Found"}.
 *
 * Authorization: with `tokens`, a request whose `token X` / `Bearer X` is not listed gets 401
 * "Bad credentials". Writes without Authorization get 401 "Requires authentication". Issues
 * seeded with `private: true` answer 404 to requests without a valid token (as GitHub does).
 *
 * Failure modes, per route (`fail(route, mode)`; the latest matching mode wins):
 * - `{ status, body?, headers?, contentType? }` answers that instead (body: an object is sent
 *   as JSON, a string as is — HTML, truncated JSON...). `status` defaults to 200 when only a
 *   body is given, else 500.
 * - `times: N` applies to the next N matching requests, then the route answers normally.
 * - `delayMs` waits before answering (alone: a slow but real answer); with `slowBody: true`
 *   the headers go out at once and the body after the delay.
 * - `echoAuthorization: true` puts the request's Authorization header into the error message.
 * - `repo` / `number` limit the mode to requests about that repository / issue.
 * Presets: `rateLimit()`, `secondaryRateLimit()`, `htmlPage()`, `truncatedJson()`,
 * `echoAuthorization()`.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteName = 'get-issue' | 'list-comments' | 'create-comment' | 'update-comment' | 'search-issues' | 'create-issue';

export interface StandInIssue {
  /** owner/name */
  repo: string;
  number: number;
  title: string;
  state?: 'open' | 'closed';
  body?: string;
  labels?: string[];
  /** Answers 404 without a valid token. */
  private?: boolean;
  /** A pull request (the issues API lists them too; search marks them). */
  pullRequest?: boolean;
}

export interface StandInComment {
  id: number;
  repo: string;
  issueNumber: number;
  body: string;
  url: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  route: RouteName | null;
  headers: IncomingHttpHeaders;
  authorization: string | null;
  /** Parsed JSON, else the raw text; null without a body. */
  body: unknown;
}

export interface FailureMode {
  status?: number;
  body?: string | object;
  contentType?: string;
  headers?: Record<string, string>;
  times?: number;
  delayMs?: number;
  slowBody?: boolean;
  echoAuthorization?: boolean;
  repo?: string;
  number?: number;
}

export interface StandInOptions {
  issues?: StandInIssue[];
  /** Accepted tokens; when given, any other Authorization gets 401. */
  tokens?: string[];
  /** Where html_url links point (default https://github.com). */
  htmlBase?: string;
}

export interface GithubStandIn {
  /** http://127.0.0.1:PORT — pass as the client's baseUrl. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Requests of one route. */
  requestsTo(route: RouteName): RecordedRequest[];
  addIssue(issue: StandInIssue): void;
  issue(repo: string, number: number): Required<StandInIssue> | undefined;
  /** Every issue, seeded and created, in creation order. */
  issues(): Array<Required<StandInIssue>>;
  addComment(repo: string, issueNumber: number, body: string): StandInComment;
  comments(repo: string, issueNumber: number): StandInComment[];
  fail(route: RouteName, mode: FailureMode): void;
  clearFailures(): void;
  close(): Promise<void>;
}

/** A primary rate limit: 403, x-ratelimit-remaining 0, resetting at `resetAt` (default in an hour). */
export function rateLimit(options: { resetAt?: Date; status?: number; times?: number } = {}): FailureMode {
  const reset = Math.floor((options.resetAt ?? new Date(Date.now() + 3_600_000)).getTime() / 1000);
  return {
    status: options.status ?? 403,
    body: { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' },
    headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    ...(options.times !== undefined ? { times: options.times } : {}),
  };
}

/** A secondary rate limit: 403 (or 429) with retry-after, worded as GitHub words it. */
export function secondaryRateLimit(retryAfterSeconds: number, options: { status?: number; times?: number } = {}): FailureMode {
  return {
    status: options.status ?? 403,
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    headers: { 'retry-after': String(retryAfterSeconds) },
    ...(options.times !== undefined ? { times: options.times } : {}),
  };
}

/** A proxy's HTML page instead of JSON. */
export function htmlPage(status = 200): FailureMode {
  return { status, contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><html><body><h1>Sign in to continue</h1></body></html>' };
}

/** JSON cut off mid-way. */
export function truncatedJson(): FailureMode {
  return { status: 200, body: '{"number": 1858, "title": "OA-RUST-0', contentType: 'application/json; charset=utf-8' };
}

/** A server error whose body repeats the request's Authorization header. */
export function echoAuthorization(status = 500): FailureMode {
  return { status, echoAuthorization: true };
}

interface ActiveFailure {
  route: RouteName;
  mode: FailureMode;
  left: number;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const ISSUE = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/;
const COMMENTS = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/;
const COMMENT = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/;
const ISSUES = /^\/repos\/([^/]+)\/([^/]+)\/issues$/;

function routeOf(method: string, path: string): { route: RouteName; repo: string | null; number: number | null } | null {
  let m: RegExpExecArray | null;
  if ((m = ISSUE.exec(path)) && method === 'GET') return { route: 'get-issue', repo: `${m[1]}/${m[2]}`, number: Number(m[3]) };
  if ((m = COMMENTS.exec(path)) && method === 'GET') return { route: 'list-comments', repo: `${m[1]}/${m[2]}`, number: Number(m[3]) };
  if ((m = COMMENTS.exec(path)) && method === 'POST') return { route: 'create-comment', repo: `${m[1]}/${m[2]}`, number: Number(m[3]) };
  if ((m = COMMENT.exec(path)) && method === 'PATCH') return { route: 'update-comment', repo: `${m[1]}/${m[2]}`, number: null };
  if ((m = ISSUES.exec(path)) && method === 'POST') return { route: 'create-issue', repo: `${m[1]}/${m[2]}`, number: null };
  if (path === '/search/issues' && method === 'GET') return { route: 'search-issues', repo: null, number: null };
  return null;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Like GitHub's search: case and punctuation do not matter, words do. */
function words(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** `repo:o/r is:open "a phrase" word` -> qualifiers and the terms a title must contain. */
function parseSearch(q: string): { qualifiers: Array<[string, string]>; terms: string[] } {
  const qualifiers: Array<[string, string]> = [];
  const terms: string[] = [];
  for (const token of q.match(/"[^"]*"|\S+/g) ?? []) {
    const qualifier = /^(repo|is|state|in):(.+)$/.exec(token);
    if (qualifier) qualifiers.push([qualifier[1]!, qualifier[2]!.toLowerCase()]);
    else terms.push(words(token));
  }
  return { qualifiers, terms: terms.filter((t) => t !== '') };
}

export async function startGithubStandIn(options: StandInOptions = {}): Promise<GithubStandIn> {
  const htmlBase = (options.htmlBase ?? 'https://github.com').replace(/\/+$/, '');
  const issues: Array<Required<StandInIssue>> = [];
  const comments: StandInComment[] = [];
  const requests: RecordedRequest[] = [];
  let failures: ActiveFailure[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let nextCommentId = 1_000_001;
  let url = '';

  const key = (repo: string) => repo.toLowerCase();
  const findIssue = (repo: string, number: number) => issues.find((i) => key(i.repo) === key(repo) && i.number === number);
  const addIssue = (issue: StandInIssue): Required<StandInIssue> => {
    const stored = { state: 'open' as const, body: '', labels: [], private: false, pullRequest: false, ...issue };
    issues.push(stored);
    return stored;
  };
  const addComment = (repo: string, issueNumber: number, body: string): StandInComment => {
    const id = nextCommentId++;
    const comment = { id, repo, issueNumber, body, url: `${htmlBase}/${repo}/issues/${issueNumber}#issuecomment-${id}` };
    comments.push(comment);
    return comment;
  };
  for (const issue of options.issues ?? []) addIssue(issue);

  const issueJson = (issue: Required<StandInIssue>) => ({
    id: 500_000 + issue.number,
    number: issue.number,
    title: issue.title,
    state: issue.state,
    body: issue.body,
    labels: issue.labels.map((name) => ({ name })),
    html_url: `${htmlBase}/${issue.repo}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`,
    url: `${url}/repos/${issue.repo}/issues/${issue.number}`,
    repository_url: `${url}/repos/${issue.repo}`,
    user: { login: 'stand-in-user' },
    comments: comments.filter((c) => key(c.repo) === key(issue.repo) && c.issueNumber === issue.number).length,
    ...(issue.pullRequest ? { pull_request: { url: `${url}/repos/${issue.repo}/pulls/${issue.number}` } } : {}),
  });
  const commentJson = (comment: StandInComment) => ({
    id: comment.id, body: comment.body, html_url: comment.url, user: { login: 'stand-in-user' },
    issue_url: `${url}/repos/${comment.repo}/issues/${comment.issueNumber}`,
  });
  const notFound: Answer = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };

  /** The real answer of a route, from the seeded state. */
  function answer(request: RecordedRequest, target: { route: RouteName; repo: string | null; number: number | null }, authorized: boolean): Answer {
    const { repo, number } = target;
    switch (target.route) {
      case 'get-issue': {
        const issue = findIssue(repo!, number!);
        return issue && (!issue.private || authorized) ? { status: 200, body: issueJson(issue) } : notFound;
      }
      case 'list-comments': {
        const issue = findIssue(repo!, number!);
        if (!issue || (issue.private && !authorized)) return notFound;
        const all = comments.filter((c) => key(c.repo) === key(repo!) && c.issueNumber === number);
        const perPage = Math.min(Math.max(Number(request.query.per_page ?? 30) || 30, 1), 100);
        const page = Math.max(Number(request.query.page ?? 1) || 1, 1);
        const last = Math.max(Math.ceil(all.length / perPage), 1);
        const link = (p: number, rel: string) => `<${url}${request.path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
        return {
          status: 200,
          body: all.slice((page - 1) * perPage, page * perPage).map(commentJson),
          ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}),
        };
      }
      case 'create-comment': {
        const issue = findIssue(repo!, number!);
        if (!issue) return notFound;
        const body = (request.body as { body?: unknown } | null)?.body;
        if (typeof body !== 'string' || body === '') return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }] } };
        return { status: 201, body: commentJson(addComment(issue.repo, issue.number, body)) };
      }
      case 'update-comment': {
        const id = Number(COMMENT.exec(request.path)![3]);
        const comment = comments.find((c) => c.id === id && key(c.repo) === key(repo!));
        if (!comment) return notFound;
        const body = (request.body as { body?: unknown } | null)?.body;
        if (typeof body !== 'string' || body === '') return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }] } };
        comment.body = body;
        return { status: 200, body: commentJson(comment) };
      }
      case 'create-issue': {
        const fields = (request.body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown };
        if (typeof fields.title !== 'string' || fields.title.trim() === '') return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] } };
        if (fields.labels !== undefined && (!Array.isArray(fields.labels) || fields.labels.some((l) => typeof l !== 'string'))) {
          return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'labels', code: 'invalid' }] } };
        }
        const highest = issues.filter((i) => key(i.repo) === key(repo!)).reduce((max, i) => Math.max(max, i.number), 0);
        const created = addIssue({
          repo: repo!, number: highest + 1, title: fields.title, state: 'open',
          body: typeof fields.body === 'string' ? fields.body : '', labels: (fields.labels as string[] | undefined) ?? [],
        });
        return { status: 201, body: issueJson(created) };
      }
      case 'search-issues': {
        const { qualifiers, terms } = parseSearch(request.query.q ?? '');
        const matches = issues.filter((issue) => {
          if (issue.private && !authorized) return false;
          for (const [name, value] of qualifiers) {
            if (name === 'repo' && key(issue.repo) !== value) return false;
            if ((name === 'is' || name === 'state') && (value === 'open' || value === 'closed') && issue.state !== value) return false;
            if (name === 'is' && value === 'issue' && issue.pullRequest) return false;
            if (name === 'is' && value === 'pr' && !issue.pullRequest) return false;
          }
          const title = ` ${words(issue.title)} `;
          return terms.every((term) => title.includes(` ${term} `));
        });
        const perPage = Math.min(Math.max(Number(request.query.per_page ?? 30) || 30, 1), 100);
        return { status: 200, body: { total_count: matches.length, incomplete_results: false, items: matches.slice(0, perPage).map(issueJson) } };
      }
    }
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, contentType?: string, bodyDelayMs = 0): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': contentType ?? 'application/json; charset=utf-8', ...headers });
    if (bodyDelayMs <= 0) {
      res.end(text);
      return;
    }
    res.flushHeaders();
    later(bodyDelayMs, () => res.end(text));
  }

  function later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  }

  function takeFailure(route: RouteName, target: { repo: string | null; number: number | null }): FailureMode | null {
    for (let i = failures.length - 1; i >= 0; i--) {
      const failure = failures[i]!;
      if (failure.route !== route || failure.left <= 0) continue;
      if (failure.mode.repo !== undefined && (target.repo === null || key(failure.mode.repo) !== key(target.repo))) continue;
      if (failure.mode.number !== undefined && failure.mode.number !== target.number) continue;
      failure.left--;
      return failure.mode;
    }
    return null;
  }

  function tokenOf(authorization: string | null): string | null {
    const match = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '');
    return match ? match[1]!.trim() : null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const target = routeOf(method, parsed.pathname);
    const authorization = req.headers.authorization ?? null;
    const request: RecordedRequest = {
      method, path: parsed.pathname, query: Object.fromEntries(parsed.searchParams), route: target?.route ?? null,
      headers: req.headers, authorization, body: await readBody(req),
    };
    requests.push(request);
    if (!target) return send(res, 404, notFound.body);

    const token = tokenOf(authorization);
    const tokenValid = token !== null && (options.tokens === undefined || options.tokens.includes(token));
    const mode = takeFailure(target.route, target);
    const respond = () => {
      if (mode && (mode.status !== undefined || mode.body !== undefined || mode.echoAuthorization)) {
        const status = mode.status ?? (mode.body !== undefined ? 200 : 500);
        const body = mode.echoAuthorization
          ? { message: `Internal error handling request with Authorization: ${authorization ?? '(none)'}` }
          : mode.body ?? { message: `stand-in failure ${status}` };
        return send(res, status, body, mode.headers, mode.contentType, mode.slowBody ? mode.delayMs ?? 0 : 0);
      }
      if (authorization !== null && !tokenValid) return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      const writes = target.route === 'create-comment' || target.route === 'update-comment' || target.route === 'create-issue';
      if (writes && authorization === null) return send(res, 401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
      const real = answer(request, target, tokenValid);
      return send(res, real.status, real.body, { ...real.headers, ...mode?.headers }, undefined, mode?.slowBody ? mode.delayMs ?? 0 : 0);
    };
    if (mode?.delayMs && !mode.slowBody) later(mode.delayMs, respond);
    else respond();
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { message: `stand-in crashed: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    requestsTo: (route) => requests.filter((r) => r.route === route),
    addIssue: (issue) => void addIssue(issue),
    issue: (repo, number) => findIssue(repo, number),
    issues: () => [...issues],
    addComment,
    comments: (repo, issueNumber) => comments.filter((c) => key(c.repo) === key(repo) && c.issueNumber === issueNumber),
    fail: (route, mode) => void failures.push({ route, mode, left: mode.times ?? Number.POSITIVE_INFINITY }),
    clearFailures: () => void (failures = []),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The same as startGithubStandIn. */
export const start = startGithubStandIn;

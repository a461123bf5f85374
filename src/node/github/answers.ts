// GitHub's answers are checked before use: a truncated body, an HTML page from a proxy, a
// missing field or a wrong type is "unexpected answer from GitHub", never "#9 undefined is OPEN".
// Problems name the field and what was expected, never the value (it could hold anything).
import type { IssueState } from '../../core/ports';

/** Thrown by the readers below; the client words it as a `malformed` failure. */
export class UnexpectedAnswer extends Error {}

type Json = Record<string, unknown>;

/** What the body was, when it is not the JSON object GitHub sends. */
function describeNonObject(data: unknown): string {
  if (typeof data === 'string') {
    if (/^\s*</.test(data)) return 'an HTML page instead of JSON';
    return data.trim() === '' ? 'an empty body instead of JSON' : 'a body that is not valid JSON (truncated?)';
  }
  if (data instanceof ArrayBuffer) return 'a binary body instead of JSON';
  if (Array.isArray(data)) return 'a JSON list where an object was expected';
  return `${data === null ? 'null' : typeof data} where a JSON object was expected`;
}

export function readObject(data: unknown, what: string): Json {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || data instanceof ArrayBuffer) {
    throw new UnexpectedAnswer(`${what}: ${describeNonObject(data)}`);
  }
  return data as Json;
}

export function readList(data: unknown, what: string): unknown[] {
  if (!Array.isArray(data)) {
    throw new UnexpectedAnswer(`${what}: ${typeof data === 'object' && data !== null && !(data instanceof ArrayBuffer) ? 'a JSON object where a list was expected' : describeNonObject(data)}`);
  }
  return data;
}

function field(object: Json, name: string, what: string): unknown {
  if (!(name in object) || object[name] === undefined || object[name] === null) throw new UnexpectedAnswer(`${what}: \`${name}\` is missing`);
  return object[name];
}

function positiveInteger(object: Json, name: string, what: string): number {
  const value = field(object, name, what);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) throw new UnexpectedAnswer(`${what}: \`${name}\` is not a positive integer`);
  return value;
}

function text(object: Json, name: string, what: string): string {
  const value = field(object, name, what);
  if (typeof value !== 'string') throw new UnexpectedAnswer(`${what}: \`${name}\` is not a string`);
  return value;
}

function webUrl(object: Json, name: string, what: string): string {
  const value = text(object, name, what);
  if (!/^https?:\/\/\S+$/i.test(value)) throw new UnexpectedAnswer(`${what}: \`${name}\` is not an http(s) URL`);
  return value;
}

export function readIssue(data: unknown, repo: string, what = 'the issue'): IssueState {
  const issue = readObject(data, what);
  const number = positiveInteger(issue, 'number', what);
  // Titles are data: newlines and escape sequences stay as GitHub has them (renderers escape).
  const title = text(issue, 'title', what);
  const state = field(issue, 'state', what);
  if (state !== 'open' && state !== 'closed') throw new UnexpectedAnswer(`${what}: \`state\` is not "open" or "closed"`);
  return { repo, number, title, state, url: webUrl(issue, 'html_url', what) };
}

export interface IssueComment {
  id: number;
  body: string;
  url: string;
}

export function readComment(data: unknown, what = 'the comment'): IssueComment {
  const comment = readObject(data, what);
  const body = comment.body ?? '';
  if (typeof body !== 'string') throw new UnexpectedAnswer(`${what}: \`body\` is not a string`);
  return { id: positiveInteger(comment, 'id', what), body, url: webUrl(comment, 'html_url', what) };
}

export function readComments(data: unknown): IssueComment[] {
  return readList(data, 'the comment list').map((item, index) => readComment(item, `comment ${index + 1} of the list`));
}

/** GitHub trims titles it stores; runs of whitespace never tell two blockers apart. */
function sameTitle(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** Search results: the open issues (not pull requests) whose title is exactly `title` (whitespace aside). */
export function readExactTitleMatches(data: unknown, repo: string, title: string): IssueState[] {
  const result = readObject(data, 'the search result');
  const items = readList(field(result, 'items', 'the search result'), 'the search result\'s `items`');
  return items.flatMap((item, index) => {
    const what = `search result ${index + 1}`;
    const issue = readIssue(item, repo, what);
    const raw = readObject(item, what);
    const isPullRequest = raw.pull_request !== undefined;
    // The query names the repository; an item that says it is from another one does not count.
    const elsewhere = typeof raw.repository_url === 'string' && !raw.repository_url.toLowerCase().endsWith(`/repos/${repo.toLowerCase()}`);
    return !isPullRequest && !elsewhere && issue.state === 'open' && sameTitle(issue.title, title) ? [issue] : [];
  });
}

// Inline constructs that are scanned whole where they start: code spans, autolinks `<...>` and
// inline HTML. Searches for an end marker go through `Finder`, which remembers the answer for
// a marker so that many openers sharing one (or having none) cost one search in all.

/** First index of `token` at or after `from`, answered from the last search when it still holds. */
export class Finder {
  private readonly memo = new Map<string, { from: number; at: number }>();
  private s = '';

  reset(s: string): void {
    this.s = s;
    this.memo.clear();
  }

  next(token: string, from: number): number {
    const known = this.memo.get(token);
    // No occurrence between the last query and its answer: any query in between has the same one.
    if (known && from >= known.from && (known.at < 0 || from <= known.at)) return known.at;
    const at = this.s.indexOf(token, from);
    this.memo.set(token, { from, at });
    return at;
  }
}

/** Backtick runs by length, so a code span's closing run is found without rescanning. */
export class BacktickRuns {
  private readonly byLength = new Map<number, { starts: number[]; cursor: number }>();

  constructor(s: string) {
    let i = s.indexOf('`');
    while (i >= 0) {
      let j = i;
      while (s.charCodeAt(j) === 96) j++;
      let runs = this.byLength.get(j - i);
      if (!runs) this.byLength.set(j - i, (runs = { starts: [], cursor: 0 }));
      runs.starts.push(i);
      i = s.indexOf('`', j);
    }
  }

  /** Start of the first run of exactly `length` backticks after `from`, or -1. */
  closing(length: number, from: number): number {
    const runs = this.byLength.get(length);
    if (!runs) return -1;
    while (runs.cursor < runs.starts.length && (runs.starts[runs.cursor] ?? 0) < from) runs.cursor++;
    return runs.starts[runs.cursor] ?? -1;
  }
}

/** A code span's value: line endings kept; one space or line ending dropped from each side when both have one. */
export function codeSpanValue(raw: string): string {
  const head = raw.startsWith('\r\n') ? 2 : /^[ \r\n]/.test(raw) ? 1 : 0;
  const tail = raw.endsWith('\r\n') ? 2 : /[ \r\n]$/.test(raw) ? 1 : 0;
  if (head > 0 && tail > 0 && raw.length > head && /[^ \r\n]/.test(raw)) return raw.slice(head, raw.length - tail);
  return raw;
}

// eslint-disable-next-line no-control-regex -- CommonMark excludes ASCII controls from a URI autolink
const URI_AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20\x7f<>]*)>/y;
const EMAIL_AUTOLINK = /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;

/** An autolink at `i` (`s[i] === '<'`): its end and URL, or null. */
export function scanAutolink(s: string, i: number): { end: number; url: string; text: string } | null {
  URI_AUTOLINK.lastIndex = i;
  const uri = URI_AUTOLINK.exec(s);
  if (uri) return { end: URI_AUTOLINK.lastIndex, url: uri[1] ?? '', text: uri[1] ?? '' };
  EMAIL_AUTOLINK.lastIndex = i;
  const email = EMAIL_AUTOLINK.exec(s);
  if (email) return { end: EMAIL_AUTOLINK.lastIndex, url: `mailto:${email[1] ?? ''}`, text: email[1] ?? '' };
  return null;
}

const TAG_NAME = /[A-Za-z][A-Za-z0-9-]*/y;
const ATTRIBUTE_NAME = /[A-Za-z_:][A-Za-z0-9_.:-]*/y;
const UNQUOTED_VALUE = /[^\t\n\r "'=<>`][^\t\n\r "'=<>`/]*/y;

function skipTagSpace(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
    i++;
  }
}

function sticky(pattern: RegExp, s: string, i: number): number {
  pattern.lastIndex = i;
  return pattern.test(s) ? pattern.lastIndex : -1;
}

/** Inline HTML at `i` (`s[i] === '<'`): where it ends, or -1. */
export function scanInlineHtml(s: string, i: number, finder: Finder): number {
  const c = s.charCodeAt(i + 1);
  if (c === 33) {
    if (s.startsWith('<!--', i)) {
      const close = finder.next('-->', i + 2);
      return close < 0 ? -1 : close + 3;
    }
    if (s.startsWith('<![CDATA[', i)) {
      const close = finder.next(']]>', i + 9);
      return close < 0 ? -1 : close + 3;
    }
    if (/[A-Za-z]/.test(s.charAt(i + 2))) {
      const close = finder.next('>', i + 2);
      return close < 0 ? -1 : close + 1;
    }
    return -1;
  }
  if (c === 63) {
    const close = finder.next('?>', i + 2);
    return close < 0 ? -1 : close + 2;
  }
  if (c === 47) {
    const name = sticky(TAG_NAME, s, i + 2);
    if (name < 0) return -1;
    const end = skipTagSpace(s, name);
    return s.charCodeAt(end) === 62 ? end + 1 : -1;
  }
  let j = sticky(TAG_NAME, s, i + 1);
  if (j < 0) return -1;
  for (;;) {
    const spaced = skipTagSpace(s, j);
    const d = s.charCodeAt(spaced);
    if (d === 62) return spaced + 1;
    if (d === 47) return s.charCodeAt(spaced + 1) === 62 ? spaced + 2 : -1;
    if (spaced === j) return -1; // an attribute needs whitespace before it
    const name = sticky(ATTRIBUTE_NAME, s, spaced);
    if (name < 0) return -1;
    j = name;
    const beforeEquals = skipTagSpace(s, name);
    if (s.charCodeAt(beforeEquals) !== 61) continue;
    const value = skipTagSpace(s, beforeEquals + 1);
    const quote = s.charCodeAt(value);
    if (quote === 34 || quote === 39) {
      const close = finder.next(quote === 34 ? '"' : "'", value + 1);
      if (close < 0) return -1;
      j = close + 1;
    } else {
      j = sticky(UNQUOTED_VALUE, s, value);
      if (j < 0) return -1;
    }
  }
}

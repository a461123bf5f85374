// The `expect` annotation: the step's output must contain a text, or match /regex/flags.
// Regexes run on RE2 (re2js), a linear-time engine: a runbook's pattern such as /(a+)+$/ cannot
// freeze the event loop past the step's timeout, whatever the output. The runbook rules call
// compileExpect too, so an annotation the editor accepts is one the run can evaluate.
//
// Streaming: plain text is found across chunk boundaries. A regex is tested on a bounded
// window (see RegexExpectStream), so a match longer than EXPECT_REGEX_WINDOW may be missed.
import { RE2JS } from 're2js';

/** Text a regex always sees before the newest output (whole lines when there are any). */
export const EXPECT_REGEX_WINDOW = 64 * 1024;

/** A compiled `expect`; `stream()` gives a fresh matcher for one attempt's output. */
export interface ExpectPattern {
  readonly kind: 'text' | 'regex';
  /** The annotation as written. */
  readonly source: string;
  /** Whether a whole text matches (no window). */
  test(text: string): boolean;
  stream(): ExpectMatcher;
}

export interface ExpectMatcher {
  push(text: string): void;
  /** True once the output seen so far matched; call finish() first for the final answer. */
  readonly matched: boolean;
  /** Tests what is still pending; returns the final answer. */
  finish(): boolean;
}

export type ExpectCompileResult = { ok: true; matcher: ExpectPattern } | { ok: false; error: string };

const REGEX_LITERAL = /^\/(.+)\/([dgimsuy]*)$/s;

/**
 * `text` or `/regex/flags` (flags i, m, s; g, y, d, u are accepted and change nothing for a
 * "contains" test). Anything not shaped like /…/flags is plain text.
 */
export function compileExpect(source: string): ExpectCompileResult {
  if (source.length === 0) return { ok: false, error: 'expect is empty: give the text or /regex/ the output must contain' };
  const literal = REGEX_LITERAL.exec(source);
  if (!literal) return { ok: true, matcher: textPattern(source) };
  const [, body, flags] = literal as unknown as [string, string, string];
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(body), regexFlags(flags));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `expect=${source} is not a usable regex (${reason}); expect uses RE2 syntax, without lookaround or backreferences`,
    };
  }
  return { ok: true, matcher: regexPattern(source, compiled) };
}

function regexFlags(flags: string): number {
  let result = 0;
  if (flags.includes('i')) result |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) result |= RE2JS.MULTILINE;
  if (flags.includes('s')) result |= RE2JS.DOTALL;
  return result;
}

function textPattern(expected: string): ExpectPattern {
  return {
    kind: 'text',
    source: expected,
    test: (text) => text.includes(expected),
    stream() {
      // Keeps the last expected.length - 1 characters: enough for a match split across chunks.
      const carryLength = expected.length - 1;
      let carry = '';
      let matched = false;
      return {
        push(text) {
          if (matched || text.length === 0) return;
          const window = carry + text;
          matched = window.includes(expected);
          carry = carryLength === 0 ? '' : window.slice(-carryLength);
        },
        get matched() {
          return matched;
        },
        finish: () => matched,
      };
    },
  };
}

function regexPattern(source: string, regex: RE2JS): ExpectPattern {
  return {
    kind: 'regex',
    source,
    test: (text) => regex.test(text),
    stream: () => new RegexExpectStream(regex, (regex.flags() & RE2JS.MULTILINE) !== 0),
  };
}

/**
 * Tests the regex once EXPECT_REGEX_WINDOW of new text has gathered (and at finish), on that
 * text cut after its last newline, preceded by up to EXPECT_REGEX_WINDOW of earlier output
 * starting at a line start. Each character is tested a bounded number of times, so the cost
 * is linear in the output, and an output under the window is tested once, whole. The edges of
 * a window are line boundaries where possible. Without the m flag, `^` and `$` mean the start
 * and end of the whole output: a window that starts later gets a line break before it, one that
 * ends earlier a line break after it, so neither anchor can match at a window's edge.
 */
class RegexExpectStream implements ExpectMatcher {
  private carry = '';
  private pending: string[] = [];
  private pendingLength = 0;
  private found = false;
  /** Output before the carry was dropped: the window does not start where the output does. */
  private dropped = false;
  /** The last test was not at the end of the output: finish() must test the end once more. */
  private endUntested = false;

  constructor(private readonly regex: RE2JS, private readonly multiline: boolean) {}

  push(text: string): void {
    if (this.found || text.length === 0) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= EXPECT_REGEX_WINDOW) this.testPending(false);
  }

  get matched(): boolean {
    return this.found;
  }

  finish(): boolean {
    if (!this.found && (this.pendingLength > 0 || this.endUntested)) this.testPending(true);
    return this.found;
  }

  private testPending(final: boolean): void {
    let fresh = this.pending.join('');
    let rest = '';
    if (!final) {
      const lastNewline = fresh.lastIndexOf('\n');
      if (lastNewline >= 0) {
        rest = fresh.slice(lastNewline + 1);
        fresh = fresh.slice(0, lastNewline + 1);
      }
    }
    const window = this.carry + fresh;
    const edges = this.multiline ? window : `${this.dropped ? '\n' : ''}${window}${final ? '' : '\n'}`;
    this.found = this.regex.test(edges);
    this.endUntested = !final && !this.multiline;
    this.carry = lastLines(window, EXPECT_REGEX_WINDOW);
    if (this.carry.length < window.length) this.dropped = true;
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingLength = rest.length;
  }
}

/** At most `limit` characters from the end of `text`, starting at a line start if one is in reach. */
function lastLines(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const from = text.length - limit;
  if (text[from - 1] === '\n') return text.slice(from);
  const newline = text.indexOf('\n', from);
  return newline >= 0 && newline + 1 < text.length ? text.slice(newline + 1) : text.slice(from);
}

/** A matcher for one attempt, and why the annotation could not be compiled (else null). */
export type AnnotationMatcher = ExpectMatcher & { readonly error: string | null };

/** A matcher for the annotation; an invalid regex never matches (the runbook rules report it). */
export function createExpectMatcher(source: string): AnnotationMatcher {
  const compiled = compileExpect(source);
  if (compiled.ok) return Object.assign(compiled.matcher.stream(), { error: null });
  return { push() {}, matched: false, finish: () => false, error: compiled.error };
}

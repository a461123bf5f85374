// Inline content (a paragraph, a heading, a table cell) to a tree of inline nodes in one
// left-to-right pass: code spans, autolinks and HTML are taken whole where they start;
// emphasis and links are resolved from the delimiter and bracket stacks (see emphasis.ts,
// links.ts). Speculative scans are bounded (Finder, BacktickRuns, a budget), so the pass is
// linear in the content on any input.
import { Inline } from './inlineNodes';
import { DelimiterStack, flanking } from './emphasis';
import { BacktickRuns, Finder, codeSpanValue, scanAutolink, scanInlineHtml } from './spans';
import { LiteralAutolinkScanner } from './literalAutolinks';
import { decodeReference, isEscapable } from './decode';
import { LinkResolver } from './links';
import type { Definition } from '../blocks/types';

const ENTITY = /&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,30});/y;

/** Characters at which something other than plain text may begin. */
const SPECIAL = new Uint8Array(128);
for (const c of '\n\r\\`*_~[!]<&') SPECIAL[c.charCodeAt(0)] = 1;

/** Whether `s` holds a character at which this parser may see more than plain text. */
export function hasSpecialCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && SPECIAL[c] === 1) return true;
  }
  return false;
}

function isAtext(c: number): boolean {
  return c === 43 || c === 45 || c === 46 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export class InlineParser {
  root = new Inline('root', '', 0, 0);
  readonly delimiters = new DelimiterStack();
  readonly finder = new Finder();
  s = '';
  private pos = 0;
  private backtickRuns: BacktickRuns | null = null;
  private readonly literals = new LiteralAutolinkScanner();
  private readonly links: LinkResolver;

  /** One parser serves every inline content of a document (`definitions` are the document's). */
  constructor(definitions: Map<string, Definition>) {
    this.links = new LinkResolver(this, definitions);
  }

  parse(s: string): Inline {
    this.s = s;
    this.pos = 0;
    this.root = new Inline('root', '', 0, s.length);
    this.backtickRuns = null;
    this.delimiters.reset();
    this.finder.reset(s);
    this.literals.reset(s);
    this.links.reset(s.length);
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c < 128 && SPECIAL[c] === 1) this.special(c);
      else this.plainText();
    }
    this.trimTrailingSpace(s.length);
    this.delimiters.process(null);
    return this.root;
  }

  /** Appends text, merged into the last node when that is ordinary text ending where this starts. */
  text(value: string, start: number, end: number): void {
    const last = this.root.last;
    if (last && last.type === 'text' && !last.marker && last.end === start) {
      last.value += value;
      last.end = end;
      return;
    }
    this.root.append(new Inline('text', value, start, end));
  }

  /** A delimiter run or bracket: text that may still become markup, so never merged. */
  marker(value: string, start: number, end: number): Inline {
    const node = new Inline('text', value, start, end);
    node.marker = true;
    this.root.append(node);
    return node;
  }

  private special(c: number): void {
    const s = this.s;
    const at = this.pos;
    switch (c) {
      case 10: case 13: return this.lineEnding();
      case 92: {
        const next = s.charCodeAt(at + 1);
        if (next === 10 || next === 13) {
          const after = next === 13 && s.charCodeAt(at + 2) === 10 ? at + 3 : at + 2;
          this.root.append(new Inline('break', '', at, after));
          this.pos = this.skipLinePrefix(after);
        } else if (isEscapable(next)) {
          this.text(s.charAt(at + 1), at, at + 2);
          this.pos = at + 2;
        } else {
          this.text('\\', at, at + 1);
          this.pos = at + 1;
        }
        return;
      }
      case 96: return this.codeSpan();
      case 95:
        // micromark tries an e-mail literal before emphasis at `_` (`_a@b.co`).
        if (this.links.openCount === 0 && this.literals.budget > 0 && this.literals.mayStart(at)) {
          const link = this.literals.at(at);
          if (link) return this.literalLink(at, link.end, link.url);
        }
        return this.delimiterRun(c);
      case 42: case 126: return this.delimiterRun(c);
      case 91:
        this.pos = at + 1;
        this.links.open(this.marker('[', at, at + 1), false);
        return;
      case 33:
        if (s.charCodeAt(at + 1) === 91) {
          this.pos = at + 2;
          this.links.open(this.marker('![', at, at + 2), true);
        } else {
          this.text('!', at, at + 1);
          this.pos = at + 1;
        }
        return;
      case 93:
        this.pos = this.links.close(at);
        return;
      case 60: return this.lessThan();
      default: return this.entity();
    }
  }

  private plainText(): void {
    const s = this.s;
    let start = this.pos;
    let i = start;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c < 128 && SPECIAL[c] === 1) break;
      if (this.links.openCount === 0 && isAtext(c) && this.literals.budget > 0) {
        if (this.literals.mayStart(i)) {
          const link = this.literals.at(i);
          if (link) {
            if (i > start) this.text(s.slice(start, i), start, i);
            this.literalLink(i, link.end, link.url);
            i = start = link.end;
            continue;
          }
        }
      }
      i++;
    }
    if (i > start) this.text(s.slice(start, i), start, i);
    this.pos = i;
  }

  private literalLink(start: number, end: number, url: string): void {
    const node = new Inline('link', '', start, end);
    node.url = url;
    node.append(new Inline('text', this.s.slice(start, end), start, end));
    node.depth = 1;
    this.root.append(node);
    this.pos = end;
  }

  /** A line ending: soft (kept in text) or hard (two spaces before it); the next line's indent is skipped. */
  private lineEnding(): void {
    const at = this.pos;
    const after = this.s.charCodeAt(at) === 13 && this.s.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
    const first = this.trimTrailingSpace(at);
    const spaces = this.s.slice(first, at);
    if (spaces.length >= 2 && !spaces.includes('\t')) this.root.append(new Inline('break', '', first, after));
    else this.text(this.s.slice(at, after), at, after);
    this.pos = this.skipLinePrefix(after);
  }

  /** Drops spaces and tabs that end the text before `end`; where they began. */
  private trimTrailingSpace(end: number): number {
    const last = this.root.last;
    if (!last || last.type !== 'text' || last.end !== end) return end;
    let first = end;
    while (first > last.start && (this.s.charCodeAt(first - 1) === 32 || this.s.charCodeAt(first - 1) === 9)) first--;
    if (first === end) return end;
    last.value = last.value.slice(0, last.value.length - (end - first));
    last.end = first;
    if (last.value.length === 0 && !last.marker) last.unlink();
    return first;
  }

  private skipLinePrefix(i: number): number {
    while (this.s.charCodeAt(i) === 32 || this.s.charCodeAt(i) === 9) i++;
    return i;
  }

  private codeSpan(): void {
    const s = this.s;
    const at = this.pos;
    let end = at;
    while (s.charCodeAt(end) === 96) end++;
    this.backtickRuns ??= new BacktickRuns(s);
    const close = this.backtickRuns.closing(end - at, end);
    if (close < 0) {
      this.text(s.slice(at, end), at, end);
      this.pos = end;
      return;
    }
    this.root.append(new Inline('inlineCode', codeSpanValue(s.slice(end, close)), at, close + end - at));
    this.pos = close + end - at;
  }

  private delimiterRun(c: number): void {
    const s = this.s;
    const at = this.pos;
    let end = at;
    while (s.charCodeAt(end) === c) end++;
    this.pos = end;
    const count = end - at;
    if (c === 126 && count > 2) {
      this.text(s.slice(at, end), at, end);
      return;
    }
    this.delimiters.noteRun(c);
    const { canOpen, canClose } = flanking(s, at, end, c);
    const node = this.marker(s.slice(at, end), at, end);
    if (canOpen || canClose) {
      this.delimiters.push({ node, char: c, count, canOpen, canClose, previous: null, next: null });
    }
  }

  private lessThan(): void {
    const s = this.s;
    const at = this.pos;
    const autolink = scanAutolink(s, at);
    if (autolink) {
      const node = new Inline('link', '', at, autolink.end);
      node.url = autolink.url;
      node.depth = 1;
      node.append(new Inline('text', autolink.text, at + 1, autolink.end - 1));
      this.root.append(node);
      this.pos = autolink.end;
      return;
    }
    const end = scanInlineHtml(s, at, this.finder);
    if (end > 0) {
      // micromark drops up to 3 characters of each continuation line's indent from the value.
      this.root.append(new Inline('html', s.slice(at, end).replace(/(\r\n|\r|\n)[ \t]{0,3}/g, '$1'), at, end));
      this.pos = end;
      return;
    }
    this.text('<', at, at + 1);
    this.pos = at + 1;
  }

  private entity(): void {
    const at = this.pos;
    ENTITY.lastIndex = at;
    const match = ENTITY.exec(this.s);
    const decoded = match ? decodeReference(match[1] ?? '') : null;
    if (match && decoded !== null) {
      this.text(decoded, at, ENTITY.lastIndex);
      this.pos = ENTITY.lastIndex;
      return;
    }
    this.text('&', at, at + 1);
    this.pos = at + 1;
  }
}

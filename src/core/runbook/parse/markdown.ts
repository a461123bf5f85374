// The one place that knows how Markdown becomes mdast: our own linear-time scanner for
// CommonMark blocks plus the GFM parts runbooks use (tables, task items, strikethrough,
// literal autolinks), producing what remark-parse + remark-gfm would. See docs/parser.md.
import type { Root } from 'mdast';
import { scanBlocks } from './blocks/blockScanner';
import { MdastBuilder } from './blocks/toMdast';
import type { NestingLimit } from './limits';

export interface ParsedMarkdown {
  root: Root;
  /** Set when block quotes or lists were nested past the cap (the rest is read as text). */
  nestingLimit: NestingLimit | null;
}

/** Lines without their terminators, and the terminators when any is not LF (remark keeps them). */
function splitLines(text: string): { lines: string[]; ends: string[] | null } {
  if (text.indexOf('\r') < 0) return { lines: text.split('\n'), ends: null };
  const lines: string[] = [];
  const ends: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push(text.slice(start, i));
    const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
    ends.push(crlf ? '\r\n' : c === 13 ? '\r' : '\n');
    if (crlf) i++;
    start = i + 1;
  }
  lines.push(text.slice(start));
  return { lines, ends };
}

export function parseMarkdownWithLimits(text: string): ParsedMarkdown {
  // micromark drops a byte order mark and counts columns without it.
  const { lines, ends } = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const last = lines[lines.length - 1] ?? '';
  const eof = { line: lines.length, column: last.length + 1 };
  const endsWithNewline = lines.length > 1 && last.length === 0;
  if (endsWithNewline) lines.pop();
  const tree = scanBlocks(lines, ends, eof, endsWithNewline);
  return { root: new MdastBuilder(tree.definitions).root(tree.root), nestingLimit: tree.limit };
}

export function parseMarkdown(text: string): Root {
  return parseMarkdownWithLimits(text).root;
}

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

const LINE_ENDING = /\r\n|\r|\n/;

export function parseMarkdownWithLimits(text: string): ParsedMarkdown {
  // micromark drops a byte order mark and counts columns without it.
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(LINE_ENDING);
  const last = lines[lines.length - 1] ?? '';
  const eof = { line: lines.length, column: last.length + 1 };
  const endsWithNewline = lines.length > 1 && last.length === 0;
  if (endsWithNewline) lines.pop();
  const tree = scanBlocks(lines, eof, endsWithNewline);
  return { root: new MdastBuilder(tree.definitions).root(tree.root), nestingLimit: tree.limit };
}

export function parseMarkdown(text: string): Root {
  return parseMarkdownWithLimits(text).root;
}

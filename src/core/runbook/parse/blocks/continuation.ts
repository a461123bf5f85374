// Whether an open block goes on at the start of a line, and what its prefix takes from it.
import { CODE_INDENT, type LineCursor } from './lineCursor';
import type { Block } from './types';

/** 0: the block continues on this line; 1: it does not; 2: the line is used up (a closing fence). */
export type Continuation = 0 | 1 | 2;

export interface LineFacts {
  /** A `>` was taken by a block quote that continued on this line. */
  quoted: boolean;
  /** The line is indented code's, 4 columns deep (micromark keeps such a line even blank). */
  codeIndented: boolean;
}

export function continues(block: Block, c: LineCursor, facts: LineFacts): Continuation {
  switch (block.type) {
    case 'blockquote':
      if (c.indented || c.charAt(c.nextNonspace) !== 62) return 1;
      c.advanceNextNonspace();
      c.advance(1, false);
      if (c.charAt(c.offset) === 32 || c.charAt(c.offset) === 9) c.advance(1, true);
      facts.quoted = true;
      return 0;
    case 'listItem': {
      const list = block.list;
      if (!list) return 1;
      const width = list.markerOffset + list.padding;
      if (c.blank) {
        // micromark keeps an empty item open over blank lines (the next line is then lazy to
        // it) and takes no more than the item's indent from a blank line (a fence keeps the rest).
        if (block.children.length === 0) block.blankAfterEmpty = true;
        c.advance(Math.min(c.indent, width), true);
        return 0;
      }
      if (block.blankAfterEmpty || c.indent < width) return 1;
      c.advance(width, true);
      return 0;
    }
    case 'code':
      if (block.fenced) return closesFence(block, c) ? 2 : 0;
      if (block.lazyStart) return 1;
      facts.codeIndented = c.indent >= CODE_INDENT;
      if (c.indent >= CODE_INDENT) c.advance(CODE_INDENT, true);
      else if (c.blank) c.advanceNextNonspace();
      else return 1;
      return 0;
    case 'html':
      return c.blank && (block.htmlType === 6 || block.htmlType === 7) ? 1 : 0;
    case 'paragraph':
    case 'table':
      return c.blank ? 1 : 0;
    case 'root':
    case 'list':
      return 0;
    default:
      return 1;
  }
}

/** A closing fence on this line; otherwise the fence's indentation is taken from the line. */
function closesFence(block: Block, c: LineCursor): boolean {
  const fence = block.fenceChar.charCodeAt(0);
  if (c.indent <= 3 && c.charAt(c.nextNonspace) === fence) {
    let i = c.nextNonspace;
    while (c.charAt(i) === fence) i++;
    const run = i - c.nextNonspace;
    while (c.charAt(i) === 32 || c.charAt(i) === 9) i++;
    if (run >= block.fenceLength && i === c.line.length) return true;
  }
  for (let i = block.fenceOffset; i > 0 && (c.charAt(c.offset) === 32 || c.charAt(c.offset) === 9); i--) c.advance(1, true);
  return false;
}

// micromark lets a table interrupt a paragraph at the line that would head it, then reads that
// line afresh: an HTML tag line (kind 7, which cannot interrupt a paragraph) then starts an
// HTML block. So before such a line joins a paragraph, the next line is checked for a
// delimiter row under the same containers.
import { LineCursor } from './lineCursor';
import { continues, type LineFacts } from './continuation';
import { delimiterRow, headRowSize } from './tables';
import { htmlBlockStart } from './htmlBlocks';
import type { Block } from './types';

/** Whether `head` (a paragraph line at its indentation) is an HTML tag line that heads a table. */
export function htmlHeadsTable(head: string, next: string | undefined, paragraph: Block): boolean {
  if (next === undefined || head.charCodeAt(0) !== 60 || htmlBlockStart(head, true).kind !== 7) return false;
  const size = headRowSize(head);
  if (size === 0) return false;
  const chain: Block[] = [];
  for (let b = paragraph.parent; b; b = b.parent) chain.unshift(b);
  const cursor = new LineCursor();
  cursor.reset(next, 0);
  const facts: LineFacts = { quoted: false, codeIndented: false };
  for (const block of chain.slice(1)) {
    cursor.findNextNonspace();
    if (continues(block, cursor, facts) !== 0) return false;
  }
  cursor.findNextNonspace();
  if (cursor.indented) return false;
  const rest = cursor.restFromNonspace();
  if (/^(?:[-+*][ \t]+\S|1[.)][ \t]+\S)/.test(rest)) return false;
  return delimiterRow(rest)?.length === size;
}

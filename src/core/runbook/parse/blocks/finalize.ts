// What happens when a block closes: link definitions leave the start of a paragraph, list
// items take their end from their content, lists and items learn whether they are spread
// (a blank line between two of their children), indented code drops trailing blanks. Block
// quotes and lists get their end from the scanner (see blockScanner.ts).
import { Block, type Definition, type Segment } from './types';
import { decodeString, normalizeLabel } from '../inline/decode';
import { ScanBudget, scanDestination, scanLabel, scanTitle, skipSpaces, skipWhitespace } from '../inline/linkParts';

export function finalizeBlock(block: Block, definitions: Map<string, Definition>): void {
  switch (block.type) {
    case 'paragraph': {
      parseParagraphDefinitions(block, definitions);
      const parent = block.parent;
      if (block.segments.length === 0 && parent) parent.children.splice(parent.children.lastIndexOf(block), 1);
      break;
    }
    case 'code':
      // micromark keeps trailing lines of indented code that are indented 4 columns, even blank.
      if (!block.fenced) block.lines.length = block.keptLines;
      break;
    case 'listItem':
      if (block.lastChild) block.end = block.lastChild.itemEnd ?? block.lastChild.end;
      block.spread = gapBetweenChildren(block);
      break;
    case 'list': {
      // Spread: a blank line between items, or two line endings between the last one and the
      // list's end (which micromark places after blank `>` lines in a block quote).
      const last = block.lastChild;
      block.listSpread = gapBetweenChildren(block) || (last !== undefined && block.end.line - last.end.line >= 2);
      break;
    }
    default:
      break;
  }
}

/** Whether a blank line separates two consecutive children (every other line between them is one). */
function gapBetweenChildren(block: Block): boolean {
  for (let i = 1; i < block.children.length; i++) {
    const previous = block.children[i - 1];
    const next = block.children[i];
    if (previous && next && next.start.line > previous.end.line + 1) return true;
  }
  return false;
}

/**
 * Link reference definitions at the start of a paragraph become definition blocks before it;
 * the paragraph keeps the lines after them (and is dropped when it closes empty).
 */
export function parseParagraphDefinitions(paragraph: Block, definitions: Map<string, Definition>): void {
  const segments = paragraph.segments;
  if (segments.length === 0 || segments[0]?.text.charCodeAt(0) !== 91) return;
  const text = segments.map((s) => s.text).join('\n');
  // Offsets in `text` where each segment starts.
  const starts: number[] = [];
  let offset = 0;
  for (const s of segments) {
    starts.push(offset);
    offset += s.text.length + 1;
  }
  const found: Block[] = [];
  let at = 0;
  let used = 0;
  while (used < segments.length && text.charCodeAt(at) === 91) {
    const definition = scanDefinition(text, at);
    if (!definition) break;
    let lastLine = used;
    while (lastLine + 1 < segments.length && (starts[lastLine + 1] ?? 0) <= definition.end) lastLine++;
    const first = segments[used] as Segment;
    const last = segments[lastLine] as Segment;
    const block = new Block('definition', { line: first.line, column: first.column });
    block.end = { line: last.line, column: last.column + last.text.length };
    block.definition = definition.value;
    block.open = false;
    found.push(block);
    const key = normalizeLabel(definition.value.label);
    if (!definitions.has(key)) definitions.set(key, definition.value);
    used = lastLine + 1;
    at = starts[used] ?? text.length;
  }
  if (found.length === 0) return;
  const parent = paragraph.parent;
  segments.splice(0, used);
  if (!parent) return;
  // The paragraph stays after them even when empty: a setext underline may still follow it.
  for (const block of found) block.parent = parent;
  parent.children.splice(parent.children.lastIndexOf(paragraph), 0, ...found);
  const head = segments[0];
  if (head) {
    paragraph.start.line = head.line;
    paragraph.start.column = head.column;
  }
}

/** One definition at `i`, ending at the end of a line (the index of its line ending, or the end). */
function scanDefinition(s: string, i: number): { end: number; value: Definition } | null {
  const labelEnd = scanLabel(s, i, true);
  if (labelEnd < 0 || s.charCodeAt(labelEnd) !== 58) return null;
  const label = s.slice(i + 1, labelEnd - 1);
  const destinationStart = skipWhitespace(s, labelEnd + 1);
  const destination = scanDestination(s, destinationStart, Number.POSITIVE_INFINITY, ScanBudget.unlimited());
  if (!destination) return null;
  const value: Definition = { label, url: decodeString(destination.raw), title: null };
  // A title needs whitespace before it and nothing but spaces after it on its line.
  const titleStart = skipWhitespace(s, destination.end);
  if (titleStart > destination.end) {
    const title = scanTitle(s, titleStart, ScanBudget.unlimited());
    if (title) {
      const lineEnd = skipSpaces(s, title.end);
      if (lineEnd === s.length || s.charCodeAt(lineEnd) === 10) {
        return { end: lineEnd, value: { ...value, title: decodeString(title.raw) } };
      }
    }
  }
  const lineEnd = skipSpaces(s, destination.end);
  if (lineEnd === s.length || s.charCodeAt(lineEnd) === 10) return { end: lineEnd, value };
  return null;
}

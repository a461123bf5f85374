// Block openers, tried in CommonMark's order where the cursor stands on a line. Each answers
// 0 (not here), 1 (a container opened: keep looking inside it) or 2 (a leaf opened: the rest
// of the line is its content, or the line is used up).
import type { BlockScanner } from './blockScanner';
import type { Block, ListData } from './types';
import type { LineCursor } from './lineCursor';
import { htmlBlockStart } from './htmlBlocks';
import { delimiterRow, headRowSize, splitRow } from './tables';
import { parseParagraphDefinitions } from './finalize';

type Opener = (scanner: BlockScanner, container: Block) => 0 | 1 | 2;

const ATX = /^#{1,6}(?=[ \t]|$)/;
const FENCE = /^(?:`{3,}(?=[^`]*$)|~{3,})/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const BULLET_ITEM = /^[-+*](?:[ \t]|$)/;
const ORDERED_ITEM = /^(\d{1,9})([.)])(?=[ \t]|$)/;

const blockquote: Opener = (scanner, container) => {
  const c = scanner.cursor;
  if (c.indented || c.charAt(c.nextNonspace) !== 62) return 0;
  if (!scanner.allowsContainer(container)) return 0;
  c.advanceNextNonspace();
  const start = c.offset;
  c.advance(1, false);
  if (c.charAt(c.offset) === 32 || c.charAt(c.offset) === 9) c.advance(1, true);
  scanner.closeUnmatchedForContainer(false);
  scanner.addChild('blockquote', start);
  return 1;
};

const atxHeading: Opener = (scanner) => {
  const c = scanner.cursor;
  const match = c.indented ? null : ATX.exec(c.restFromNonspace());
  if (!match) return 0;
  scanner.closeUnmatched();
  const heading = scanner.addChild('heading', c.nextNonspace);
  heading.headingDepth = match[0].length;
  let from = c.nextNonspace + match[0].length;
  while (c.charAt(from) === 32 || c.charAt(from) === 9) from++;
  let to = c.line.length;
  while (to > from && (c.charAt(to - 1) === 32 || c.charAt(to - 1) === 9)) to--;
  // A closing run of #s goes when it is the whole content or follows a space.
  let hashes = to;
  while (hashes > from && c.charAt(hashes - 1) === 35) hashes--;
  if (hashes < to && (hashes === from || c.charAt(hashes - 1) === 32 || c.charAt(hashes - 1) === 9)) {
    to = hashes;
    while (to > from && (c.charAt(to - 1) === 32 || c.charAt(to - 1) === 9)) to--;
  }
  if (to > from) heading.segments.push({ line: c.lineNumber, column: from + 1, text: c.line.slice(from, to), headable: false, prefix: '', ending: '\n' });
  heading.end = scanner.lineEnd();
  scanner.lineDone = true;
  scanner.finalize(heading);
  return 2;
};

const fencedCode: Opener = (scanner) => {
  const c = scanner.cursor;
  const match = c.indented ? null : FENCE.exec(c.restFromNonspace());
  if (!match) return 0;
  scanner.closeUnmatched();
  const code = scanner.addChild('code', c.nextNonspace);
  code.fenced = true;
  code.fenceChar = match[0].charAt(0);
  code.fenceLength = match[0].length;
  code.fenceOffset = c.indent;
  code.info = c.line.slice(c.nextNonspace + match[0].length).replace(/^[ \t]+/, '');
  code.end = scanner.lineEnd();
  scanner.lineDone = true;
  return 2;
};

const htmlBlock: Opener = (scanner, container) => {
  const c = scanner.cursor;
  if (c.indented || c.charAt(c.nextNonspace) !== 60) return 0;
  const { kind, searchFrom } = htmlBlockStart(c.restFromNonspace(), container.type !== 'paragraph');
  if (kind === 0) return 0;
  if (kind === 7) scanner.keepLazyContainers();
  scanner.closeUnmatched();
  const html = scanner.addChild('html', c.partialTab ? c.offset + 1 : c.offset);
  html.htmlType = kind;
  html.htmlSearchFrom = c.nextNonspace + searchFrom;
  return 2;
};

const setextHeading: Opener = (scanner, container) => {
  const c = scanner.cursor;
  if (c.indented || container.type !== 'paragraph' || !SETEXT.test(c.restFromNonspace())) return 0;
  scanner.closeUnmatched();
  // micromark starts the heading where the paragraph started, definitions before it included.
  const start = { ...container.start };
  parseParagraphDefinitions(container, scanner.definitions);
  if (container.segments.length === 0) return 0;
  container.start.line = start.line;
  container.start.column = start.column;
  container.type = 'heading';
  container.headingDepth = c.charAt(c.nextNonspace) === 61 ? 1 : 2;
  container.end = scanner.lineEnd();
  scanner.lineDone = true;
  scanner.finalize(container);
  return 2;
};

/** A delimiter row under a paragraph line that can head a table turns that line into one. */
const table: Opener = (scanner, container) => {
  const c = scanner.cursor;
  if (c.indented || container.type !== 'paragraph') return 0;
  const head = container.segments[container.segments.length - 1];
  if (!head || !head.headable) return 0;
  const rest = c.restFromNonspace();
  if (opensListItemInParagraph(c, rest)) return 0;
  const align = delimiterRow(rest);
  if (!align || align.length !== headRowSize(head.text)) return 0;
  scanner.closeUnmatched();
  container.segments.pop();
  const previous = container.segments[container.segments.length - 1];
  if (previous) container.end = { line: previous.line, column: previous.column + previous.text.length };
  scanner.finalize(container);
  const block = scanner.addChild('table', head.column - 1);
  block.start.line = head.line;
  block.align = align;
  block.rows.push(splitRow(head));
  block.end = scanner.lineEnd();
  scanner.lineDone = true;
  return 2;
};

/** `rest` is the line from the cursor's next non-space. */
function opensListItemInParagraph(c: LineCursor, rest: string): boolean {
  if (BULLET_ITEM.test(rest)) return !c.thematicBreakAt(c.nextNonspace) && c.contentFrom(c.nextNonspace + 1);
  const ordered = ORDERED_ITEM.exec(rest);
  return ordered !== null && ordered[1] === '1' && c.contentFrom(c.nextNonspace + ordered[0].length);
}

const thematicBreak: Opener = (scanner) => {
  const c = scanner.cursor;
  if (c.indented || !c.thematicBreakAt(c.nextNonspace)) return 0;
  scanner.closeUnmatched();
  const block = scanner.addChild('thematicBreak', c.nextNonspace);
  block.end = scanner.lineEnd();
  scanner.lineDone = true;
  scanner.finalize(block);
  return 2;
};

const listItem: Opener = (scanner, container) => {
  const c = scanner.cursor;
  if (c.indented && container.type !== 'list') return 0;
  const data = parseListMarker(scanner, container);
  if (!data) return 0;
  // The next item of a list that goes on: micromark closes the previous item's content first.
  const matchedList = container.type === 'list' ? container : null;
  scanner.closeUnmatchedForContainer(matchedList !== null && listsMatch(matchedList.list, data.list));
  if (scanner.tip.type !== 'list' || !listsMatch(scanner.tip.list, data.list)) {
    scanner.addChild('list', data.start).list = data.list;
  }
  const previous = scanner.tip.lastChild;
  const item = scanner.addChild('listItem', data.start);
  // A sibling that ends at column 1 here (its fence took the line ending) ends after this
  // item's marker instead, as mdast-util-from-markdown reports it.
  if (previous && previous.end.line === c.lineNumber && previous.end.column === 1) {
    previous.end = { line: c.lineNumber, column: (data.blank ? data.markerEnd : c.offset) + 1 };
  }
  item.list = data.list;
  item.startedBlank = data.blank;
  item.end = scanner.lineEnd();
  return 1;
};

function listsMatch(a: ListData | null, b: ListData): boolean {
  return a !== null && a.ordered === b.ordered && a.marker === b.marker;
}

function parseListMarker(scanner: BlockScanner, container: Block): { list: ListData; start: number; markerEnd: number; blank: boolean } | null {
  const c = scanner.cursor;
  if (c.indent >= 4) return null;
  const rest = c.restFromNonspace();
  let length: number;
  let list: ListData;
  const ordered = BULLET_ITEM.test(rest) ? null : ORDERED_ITEM.exec(rest);
  if (!ordered && BULLET_ITEM.test(rest)) {
    length = 1;
    list = { ordered: false, marker: rest.charAt(0), start: null, markerOffset: c.indent, padding: 0 };
  } else if (ordered && (!scanner.interrupting || ordered[1] === '1')) {
    length = ordered[0].length;
    list = { ordered: true, marker: ordered[2] ?? '.', start: Number(ordered[1]), markerOffset: c.indent, padding: 0 };
  } else return null;
  const blank = !c.contentFrom(c.nextNonspace + length);
  // Interrupting a paragraph, an item must have content.
  if (scanner.interrupting && blank) return null;
  if (!scanner.allowsContainer(container)) return null;
  c.advanceNextNonspace();
  const start = c.offset;
  c.advance(length, true);
  const markerEnd = c.offset;
  const spacesStartColumn = c.column;
  const spacesStartOffset = c.offset;
  do {
    c.advance(1, true);
  } while (c.column - spacesStartColumn < 5 && (c.charAt(c.offset) === 32 || c.charAt(c.offset) === 9));
  const spaces = c.column - spacesStartColumn;
  if (spaces >= 5 || spaces < 1 || c.charAt(c.offset) === -1) {
    list.padding = length + 1;
    c.column = spacesStartColumn;
    c.offset = spacesStartOffset;
    c.partialTab = false;
    if (c.charAt(c.offset) === 32 || c.charAt(c.offset) === 9) c.advance(1, true);
  } else list.padding = length + spaces;
  return { list, start, markerEnd, blank };
}

const indentedCode: Opener = (scanner) => {
  const c = scanner.cursor;
  if (!c.indented || scanner.tip.type === 'paragraph' || c.blank) return 0;
  // A tab partly taken by a container prefix: micromark starts the code after it.
  const start = c.partialTab ? c.offset + 1 : c.offset;
  // micromark ends indented code opened on a lazy line with that line.
  const lazy = scanner.lazyLine();
  c.advance(4, true);
  scanner.closeUnmatched();
  scanner.addChild('code', start).lazyStart = lazy;
  return 2;
};

const OPENERS: Opener[] = [blockquote, atxHeading, fencedCode, htmlBlock, setextHeading, table, thematicBreak, listItem, indentedCode];

export function openBlocks(scanner: BlockScanner, container: Block): 0 | 1 | 2 {
  for (const open of OPENERS) {
    const result = open(scanner, container);
    if (result !== 0) return result;
  }
  return 0;
}

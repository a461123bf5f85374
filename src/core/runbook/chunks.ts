// Splits a document into independently parseable chunks of top-level blocks, so that a
// one-line edit re-parses one chunk. A cut is made only before a line that must start a new
// top-level block whatever came before: column 0, after a blank line, not a list item, not
// inside a fenced block or a multi-line HTML block. Chunks end on content (headings, or a
// content-defined hash point) so that an edit does not shift the boundaries after it.

export interface Chunk {
  /** 1-based line of the chunk's first line in the document. */
  startLine: number;
  lineCount: number;
  text: string;
}

export interface FrontMatterBlock {
  /** The YAML between the fences. */
  yaml: string;
  /** Lines the block takes, fences included. */
  lineCount: number;
  /** Last line's length (for ranges). */
  closingLength: number;
}

export interface SplitDocument {
  frontMatter: FrontMatterBlock | null;
  chunks: Chunk[];
  /** Line lengths (without terminators), for clamping ranges. */
  lineLengths: number[];
  /** Lines in the document; a final line terminator does not start another line. */
  lineCount: number;
}

const MIN_CHUNK = 1024;
const MAX_CHUNK = 24 * 1024;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const HTML_OPENERS: [RegExp, RegExp][] = [
  [/^<!--/, /-->/],
  [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
];

function hashLine(text: string, start: number, end: number): number {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Line start offsets and lengths (terminators excluded); the text after a final terminator is a last, empty line. */
export function lineTable(text: string): { starts: number[]; lengths: number[] } {
  const starts: number[] = [0];
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lengths.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      starts.push(start);
    }
  }
  lengths.push(text.length - start);
  return { starts, lengths };
}

export function splitLines(text: string): { lines: string[]; starts: number[] } {
  const { starts, lengths } = lineTable(text);
  return { lines: starts.map((s, i) => text.slice(s, s + (lengths[i] ?? 0))), starts };
}

function detectFrontMatter(lineAt: (index: number) => string, lineCount: number): FrontMatterBlock | null {
  if (lineCount < 2 || !/^---[ \t]*$/.test(lineAt(0))) return null;
  for (let i = 1; i < lineCount; i++) {
    const line = lineAt(i);
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) {
      const yaml: string[] = [];
      for (let j = 1; j < i; j++) yaml.push(lineAt(j));
      return { yaml: yaml.join('\n'), lineCount: i + 1, closingLength: line.length };
    }
  }
  return null;
}

/** Length of a closing fence run of `char` at `from` when only whitespace follows it, else 0. */
function fenceRun(text: string, from: number, end: number, char: number): number {
  let j = from;
  while (j < end && text.charCodeAt(j) === char) j++;
  for (let k = j; k < end; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return 0;
  return j - from;
}

/** Column where a list item's content starts ("1. x" -> 3, "-    x" -> 5, "-" -> 2; tabs to stops of 4). */
function contentIndent(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  i++; // the bullet, or the "." / ")" after the digits
  const markerWidth = i - start;
  let column = markerWidth;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    column = text.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
    i++;
  }
  const spaces = column - markerWidth;
  if (i === end || spaces === 0 || spaces > 4) return markerWidth + 1;
  return column;
}

export interface SplitOptions {
  /** A chunk this big may end at a content-chosen point (default 1 KiB). */
  minChunk?: number;
  /** A chunk this big ends at the next possible point (default 24 KiB; 0 cuts at every one, for tests). */
  maxChunk?: number;
}

/** `text` must have no BOM. */
export function splitDocument(text: string, options: SplitOptions = {}): SplitDocument {
  const minChunk = options.minChunk ?? MIN_CHUNK;
  const maxChunk = options.maxChunk ?? MAX_CHUNK;
  const { starts, lengths } = lineTable(text);
  const lineCount = text.length === 0 ? 0 : text.endsWith('\n') || text.endsWith('\r') ? starts.length - 1 : starts.length;
  const lineAt = (i: number): string => text.slice(starts[i] ?? 0, (starts[i] ?? 0) + (lengths[i] ?? 0));
  const frontMatter = detectFrontMatter(lineAt, lineCount);
  const chunks: Chunk[] = [];
  const first = frontMatter ? frontMatter.lineCount : 0;
  let chunkStart = first;
  let fence: { char: number; length: number } | null = null;
  let html: RegExp | null = null;
  // Inside a top-level list item, a fence indented less than the item's content is top-level.
  let listContentIndent = -1;
  // A fence inside that item: no lazy continuation, a line left of the item's content closes both.
  let itemFence: { char: number; length: number } | null = null;
  let previousBlank = true;
  let lastContentVisual = 0;
  // Whether the previous line was paragraph text (which "2." or an empty item cannot interrupt).
  let previousText = false;
  for (let i = first; i < lineCount; i++) {
    const start = starts[i] ?? 0;
    const end = start + (lengths[i] ?? 0);
    let indent = start;
    while (indent < end && text.charCodeAt(indent) === 32) indent++;
    let firstChar = indent;
    while (firstChar < end && (text.charCodeAt(firstChar) === 32 || text.charCodeAt(firstChar) === 9)) firstChar++;
    const blank = firstChar === end;
    const column = indent - start;
    let visual = 0;
    for (let k = start; k < firstChar; k++) visual = text.charCodeAt(k) === 9 ? visual + 4 - (visual % 4) : visual + 1;
    if (fence) {
      if (column <= 3 && !blank) {
        let j = indent;
        while (j < end && text.charCodeAt(j) === fence.char) j++;
        let k = j;
        while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
        if (j - indent >= fence.length && k === end) fence = null;
      }
      previousBlank = false;
      previousText = false;
      continue;
    }
    if (html) {
      if (html.test(text.slice(start, end))) html = null;
      previousBlank = false;
      previousText = false;
      continue;
    }
    if (itemFence) {
      if (blank || visual >= listContentIndent) {
        if (!blank && fenceRun(text, firstChar, end, itemFence.char) >= itemFence.length) itemFence = null;
        previousBlank = blank;
        previousText = false;
        continue;
      }
      itemFence = null;
      listContentIndent = -1;
    }
    const c = blank ? -1 : text.charCodeAt(indent);
    // Only a column-0 line can start a list item at the top level; digits, -, +, * may.
    const maybeList = visual === 0 && (c === 45 || c === 43 || c === 42 || (c >= 48 && c <= 57));
    // "* * *" and "---" are thematic breaks (or a setext underline), which win over a list item.
    const thematic = visual === 0 && (c === 45 || c === 42 || c === 95) && THEMATIC_BREAK.test(text.slice(start, end));
    let isList = maybeList && !thematic && LIST_MARKER.test(text.slice(start, Math.min(end, start + 12)));
    if (isList && previousText && listContentIndent < 0) {
      // Outside a list, only "1." or a bullet with content may interrupt a paragraph.
      const marker = /^(?:(\d{1,9})[.)]|[-+*])([ \t]*)(.?)/.exec(text.slice(start, Math.min(end, start + 16)));
      if (marker && ((marker[1] !== undefined && Number(marker[1]) !== 1) || marker[3] === '')) isList = false;
    }
    // A top-level list item after a blank line starts a block too: long lists can be cut. But
    // micromark reads "3." after indented code as a paragraph, and a chunk would read a list.
    const oddStart = isList && c >= 48 && c <= 57 && !/^0*1[.)]/.test(text.slice(start, start + 11));
    const cuttable = !oddStart || listContentIndent >= 0 || lastContentVisual < 4;
    if (!blank && visual === 0 && previousBlank && i > chunkStart && cuttable) {
      const size = start - (starts[chunkStart] ?? 0);
      let heading = false;
      if (c === 35) {
        let j = start;
        while (j < end && text.charCodeAt(j) === 35) j++;
        const after = j < end ? text.charCodeAt(j) : -1;
        heading = j - start <= 6 && (after === -1 || after === 32 || after === 9);
      }
      if (heading || (size >= minChunk && hashLine(text, start, end) % 4 === 0) || size >= maxChunk) {
        chunks.push({ startLine: chunkStart + 1, lineCount: i - chunkStart, text: text.slice(starts[chunkStart] ?? 0, start) });
        chunkStart = i;
      }
    }
    if (!blank && visual === 0) {
      if (isList) {
        listContentIndent = contentIndent(text, start, end);
        // "- ```bash": the item starts with a fence.
        let m = start;
        while (m < end && text.charCodeAt(m) !== 32 && text.charCodeAt(m) !== 9) m++;
        while (m < end && (text.charCodeAt(m) === 32 || text.charCodeAt(m) === 9)) m++;
        const f = text.charCodeAt(m);
        if (f === 96 || f === 126) {
          let j = m;
          while (j < end && text.charCodeAt(j) === f) j++;
          if (j - m >= 3 && !(f === 96 && text.slice(j, end).includes('`'))) itemFence = { char: f, length: j - m };
        }
      }
      // A lazy continuation line keeps the item open; after a blank line, or a block that
      // interrupts a paragraph, the list is over.
      else if (previousBlank || thematic || c === 35 || c === 62 || c === 96 || c === 126 || c === 60 || c === 61) listContentIndent = -1;
    }
    if (!blank && listContentIndent >= 0 && visual >= listContentIndent) {
      const f = text.charCodeAt(firstChar);
      if (f === 96 || f === 126) {
        let j = firstChar;
        while (j < end && text.charCodeAt(j) === f) j++;
        if (j - firstChar >= 3 && !(f === 96 && text.slice(j, end).includes('`'))) itemFence = { char: f, length: j - firstChar };
      }
    } else if (!blank && column <= 3 && (listContentIndent < 0 || column < listContentIndent)) {
      if (c === 96 || c === 126) {
        let j = indent;
        while (j < end && text.charCodeAt(j) === c) j++;
        const length = j - indent;
        if (length >= 3 && !(c === 96 && text.slice(j, end).includes('`'))) {
          fence = { char: c, length };
          listContentIndent = -1;
        }
      } else if (c === 60) {
        const rest = text.slice(indent, end);
        for (const [open, close] of HTML_OPENERS) {
          if (open.test(rest)) {
            if (!close.test(rest.slice(2))) html = close;
            listContentIndent = -1;
            break;
          }
        }
      }
    }
    previousBlank = blank;
    if (!blank) lastContentVisual = visual;
    // Text that a paragraph would hold: not a heading, break, fence, list marker or block opener.
    previousText = !blank && !fence && !html && !thematic && !isList && c !== 35 && c !== 62 && c !== 60 && (visual < 4 || listContentIndent >= 0);
  }
  if (lineCount > chunkStart) {
    chunks.push({ startLine: chunkStart + 1, lineCount: lineCount - chunkStart, text: text.slice(starts[chunkStart] ?? 0) });
  }
  return { frontMatter, chunks, lineLengths: lengths, lineCount };
}

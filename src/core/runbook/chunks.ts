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

/** `text` must have no BOM. */
export function splitDocument(text: string): SplitDocument {
  const { starts, lengths } = lineTable(text);
  const lineCount = text.length === 0 ? 0 : text.endsWith('\n') || text.endsWith('\r') ? starts.length - 1 : starts.length;
  const lineAt = (i: number): string => text.slice(starts[i] ?? 0, (starts[i] ?? 0) + (lengths[i] ?? 0));
  const frontMatter = detectFrontMatter(lineAt, lineCount);
  const chunks: Chunk[] = [];
  const first = frontMatter ? frontMatter.lineCount : 0;
  let chunkStart = first;
  let fence: { char: number; length: number } | null = null;
  let html: RegExp | null = null;
  let inList = false;
  let previousBlank = true;
  for (let i = first; i < lineCount; i++) {
    const start = starts[i] ?? 0;
    const end = start + (lengths[i] ?? 0);
    let indent = start;
    while (indent < end && text.charCodeAt(indent) === 32) indent++;
    let firstChar = indent;
    while (firstChar < end && (text.charCodeAt(firstChar) === 32 || text.charCodeAt(firstChar) === 9)) firstChar++;
    const blank = firstChar === end;
    const column = indent - start;
    if (fence) {
      if (column <= 3 && !blank) {
        let j = indent;
        while (j < end && text.charCodeAt(j) === fence.char) j++;
        let k = j;
        while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
        if (j - indent >= fence.length && k === end) fence = null;
      }
      previousBlank = false;
      continue;
    }
    if (html) {
      if (html.test(text.slice(start, end))) html = null;
      previousBlank = false;
      continue;
    }
    const c = blank ? -1 : text.charCodeAt(indent);
    // Only a column-0 line can start a list item at the top level; digits, -, +, * may.
    const maybeList = column === 0 && (c === 45 || c === 43 || c === 42 || (c >= 48 && c <= 57));
    const isList = maybeList && LIST_MARKER.test(text.slice(start, Math.min(end, start + 12)));
    if (!blank && column === 0 && previousBlank && i > chunkStart && !isList) {
      const size = start - (starts[chunkStart] ?? 0);
      let heading = false;
      if (c === 35) {
        let j = start;
        while (j < end && text.charCodeAt(j) === 35) j++;
        const after = j < end ? text.charCodeAt(j) : -1;
        heading = j - start <= 6 && (after === -1 || after === 32 || after === 9);
      }
      if (heading || (size >= MIN_CHUNK && hashLine(text, start, end) % 4 === 0) || size >= MAX_CHUNK) {
        chunks.push({ startLine: chunkStart + 1, lineCount: i - chunkStart, text: text.slice(starts[chunkStart] ?? 0, start) });
        chunkStart = i;
      }
    }
    if (!blank && column === 0) inList = isList;
    if (!blank && column <= 3 && (column === 0 || !inList)) {
      if (c === 96 || c === 126) {
        let j = indent;
        while (j < end && text.charCodeAt(j) === c) j++;
        const length = j - indent;
        if (length >= 3 && !(c === 96 && text.slice(j, end).includes('`'))) fence = { char: c, length };
      } else if (c === 60) {
        const rest = text.slice(indent, end);
        for (const [open, close] of HTML_OPENERS) {
          if (open.test(rest)) {
            if (!close.test(rest.slice(2))) html = close;
            break;
          }
        }
      }
    }
    previousBlank = blank;
  }
  if (lineCount > chunkStart) {
    chunks.push({ startLine: chunkStart + 1, lineCount: lineCount - chunkStart, text: text.slice(starts[chunkStart] ?? 0) });
  }
  return { frontMatter, chunks, lineLengths: lengths, lineCount };
}

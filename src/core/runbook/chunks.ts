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

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const HTML_OPENERS: [RegExp, RegExp][] = [
  [/^<!--/, /-->/],
  [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
];

function hashLine(line: string): number {
  let h = 2166136261;
  for (let i = 0; i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function splitLines(text: string): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(text.slice(start, i));
      starts.push(start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length || lines.length === 0) {
    lines.push(text.slice(start));
    starts.push(start);
  } else {
    // Text ends with a line terminator: the empty last line still exists for positions.
    lines.push('');
    starts.push(text.length);
  }
  return { lines, starts };
}

function detectFrontMatter(lines: string[]): FrontMatterBlock | null {
  if (lines[0] !== '---' && !/^---[ \t]*$/.test(lines[0] ?? '')) return null;
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i] ?? '')) {
      return { yaml: lines.slice(1, i).join('\n'), lineCount: i + 1, closingLength: (lines[i] ?? '').length };
    }
  }
  return null;
}

/** `text` must have no BOM. */
export function splitDocument(text: string): SplitDocument {
  const { lines, starts } = splitLines(text);
  const frontMatter = detectFrontMatter(lines);
  const chunks: Chunk[] = [];
  const first = frontMatter ? frontMatter.lineCount : 0;
  let chunkStart = first;
  let fence: { char: number; length: number } | null = null;
  let html: RegExp | null = null;
  let inList = false;
  let previousBlank = true;
  const lineCount = text.length === 0 ? 0 : text.endsWith('\n') || text.endsWith('\r') ? lines.length - 1 : lines.length;
  const cut = (at: number): void => {
    if (at > chunkStart) {
      chunks.push({ startLine: chunkStart + 1, lineCount: at - chunkStart, text: text.slice(starts[chunkStart] ?? text.length, starts[at] ?? text.length) });
    }
    chunkStart = at;
  };
  for (let i = first; i < lineCount; i++) {
    const line = lines[i] ?? '';
    if (fence) {
      const indent = indentOf(line);
      if (indent <= 3) {
        let j = indent;
        while (line.charCodeAt(j) === fence.char) j++;
        if (j - indent >= fence.length && isBlank(line.slice(j))) fence = null;
      }
      previousBlank = false;
      continue;
    }
    if (html) {
      if (html.test(line)) html = null;
      previousBlank = false;
      continue;
    }
    const blank = isBlank(line);
    const indent = blank ? 0 : indentOf(line);
    if (!blank && indent === 0 && previousBlank && i > chunkStart && !LIST_MARKER.test(line)) {
      const size = (starts[i] ?? 0) - (starts[chunkStart] ?? 0);
      const heading = line.charCodeAt(0) === 35 && /^#{1,6}(?:[ \t]|$)/.test(line);
      if (heading || (size >= MIN_CHUNK && hashLine(line) % 4 === 0) || size >= MAX_CHUNK) cut(i);
    }
    if (!blank && indent === 0) inList = LIST_MARKER.test(line);
    if (!blank && indent <= 3 && (indent === 0 || !inList)) {
      const c = line.charCodeAt(indent);
      if (c === 96 || c === 126) {
        let j = indent;
        while (line.charCodeAt(j) === c) j++;
        const length = j - indent;
        if (length >= 3 && !(c === 96 && line.slice(j).includes('`'))) fence = { char: c, length };
      } else if (c === 60) {
        const rest = line.slice(indent);
        for (const [open, close] of HTML_OPENERS) {
          if (open.test(rest)) {
            if (!close.test(rest.slice(rest.search(open) + 2))) html = close;
            break;
          }
        }
      }
    }
    previousBlank = blank;
  }
  cut(lineCount);
  return { frontMatter, chunks, lineLengths: lines.map((l) => l.length), lineCount };
}

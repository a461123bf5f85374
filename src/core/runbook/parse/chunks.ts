// Splits a document into independently parseable chunks of top-level blocks, so that a
// one-line edit re-parses one chunk. A cut is made only before a line that must start a new
// top-level block whatever came before: column 0, after a blank line or as the next item of a
// top-level list, not inside a fenced block or a multi-line HTML block. Chunks end on content
// (a heading after the first 256 bytes, or a content-defined hash point) so that an edit does
// not shift the boundaries after it.

import { HTML_OPENERS, LIST_MARKER, contentIndent, fenceOpening, fenceRun, hashLine, isThematicBreak, lineTable } from './cutLines';

export interface Chunk {
  /** 1-based line of the chunk's first line in the document. */
  startLine: number;
  lineCount: number;
  text: string;
  /** The splitter's state where the chunk begins: enough to resume splitting there. */
  entry: CutState;
}

export interface CutState {
  listContentIndent: number;
  lastContentVisual: number;
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
  /** Offset where each line starts. */
  lineStarts: number[];
}

const MIN_CHUNK = 1024;
/**
 * A heading starts a chunk once the chunk holds this much: a document of 200,000 one-line
 * sections is then 16,000 chunks, not 200,000 (each costs a parse of its own). The heading
 * that ends a chunk moves only when an edit carries the chunk across this size.
 */
const HEADING_CHUNK = 256;
const MAX_CHUNK = 24 * 1024;

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

export interface SplitOptions {
  /** A chunk this big may end at a content-chosen point (default 1 KiB). */
  minChunk?: number;
  /** A chunk this big ends at the next possible point (default 24 KiB; 0 cuts at every one, for tests). */
  maxChunk?: number;
  /** A chunk this big ends at the next heading (default 256 bytes; 0 cuts at every heading). */
  headingChunk?: number;
}

interface ScanInput {
  text: string;
  starts: number[];
  lengths: number[];
  lineCount: number;
  minChunk: number;
  maxChunk: number;
  headingChunk: number;
}

function scanInput(text: string, starts: number[], lengths: number[], lineCount: number, options: SplitOptions): ScanInput {
  return {
    text, starts, lengths, lineCount,
    minChunk: options.minChunk ?? MIN_CHUNK, maxChunk: options.maxChunk ?? MAX_CHUNK, headingChunk: options.headingChunk ?? HEADING_CHUNK,
  };
}

const INITIAL: CutState = { listContentIndent: -1, lastContentVisual: 0 };

/** `text` must have no BOM. */
export function splitDocument(text: string, options: SplitOptions = {}): SplitDocument {
  const { starts, lengths } = lineTable(text);
  const lineCount = text.length === 0 ? 0 : text.endsWith('\n') || text.endsWith('\r') ? starts.length - 1 : starts.length;
  const lineAt = (i: number): string => text.slice(starts[i] ?? 0, (starts[i] ?? 0) + (lengths[i] ?? 0));
  const frontMatter = detectFrontMatter(lineAt, lineCount);
  const input = scanInput(text, starts, lengths, lineCount, options);
  const { chunks } = scan(input, frontMatter ? frontMatter.lineCount : 0, INITIAL, null);
  return { frontMatter, chunks, lineLengths: lengths, lineCount, lineStarts: starts };
}

/**
 * Splits from line `from` (a chunk start, in state `entry`). `stop(line, state)` may end the
 * scan at a cut where the rest of the document is already known to split as before.
 */
function scan(input: ScanInput, from: number, entry: CutState, stop: ((line: number, state: CutState) => boolean) | null): { chunks: Chunk[]; stoppedAt: number } {
  const { text, starts, lengths, lineCount, minChunk, maxChunk, headingChunk } = input;
  const chunks: Chunk[] = [];
  let chunkStart = from;
  let chunkEntry = entry;
  let fence: { char: number; length: number } | null = null;
  let html: RegExp | null = null;
  // Inside a top-level list item, a fence indented less than the item's content is top-level.
  let listContentIndent = entry.listContentIndent;
  // A fence inside that item: no lazy continuation, a line left of the item's content closes both.
  let itemFence: { char: number; length: number } | null = null;
  // The previous line closed that fence: the item ends in a fence, so no line is lazy after it.
  let itemFenceClosed = false;
  let previousBlank = true;
  let lastContentVisual = entry.lastContentVisual;
  // Whether the previous line was paragraph text (which "2." or an empty item cannot interrupt).
  let previousText = false;
  // Cuts between the items of a tight list (no blank line before) need to know that no HTML
  // block that runs to the next blank line has opened since one. These three flags are false
  // wherever a cut is made, so a re-split that resumes at a cut starts them false too.
  let htmlSinceBlank = false;
  // An ordered item micromark may read as a paragraph (after indented code): until a blank
  // line, what looks like items may be that paragraph's text.
  let paragraphItemSinceBlank = false;
  // A fence in the item before (at any depth) may be closed by the next item, which micromark
  // reports as ending on that item's line: no cut there.
  let fenceSinceItem = false;
  for (let i = from; i < lineCount; i++) {
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
      if (column <= 3 && !blank && fenceRun(text, indent, end, fence.char) >= fence.length) fence = null;
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
        if (!blank && fenceRun(text, firstChar, end, itemFence.char) >= itemFence.length) {
          itemFence = null;
          itemFenceClosed = true;
        }
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
    const thematic = visual === 0 && (c === 45 || c === 42 || c === 95) && isThematicBreak(text, start, end);
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
    // micromark drops a BOM at the start of its input: never start a chunk with one.
    // The next item of a top-level list may start a chunk even without a blank line before it:
    // a 4 MB tight checklist is then many chunks, not one parse of the whole list.
    const nextItem = isList && listContentIndent >= 0 && !(oddStart && lastContentVisual >= 4)
      && !htmlSinceBlank && !paragraphItemSinceBlank && !fenceSinceItem;
    if (!blank && visual === 0 && (previousBlank || nextItem) && i > chunkStart && cuttable && c !== 0xfeff) {
      const size = start - (starts[chunkStart] ?? 0);
      let heading = false;
      if (c === 35) {
        let j = start;
        while (j < end && text.charCodeAt(j) === 35) j++;
        const after = j < end ? text.charCodeAt(j) : -1;
        heading = j - start <= 6 && (after === -1 || after === 32 || after === 9);
      }
      if ((heading && size >= headingChunk) || (size >= minChunk && hashLine(text, start, end) % 4 === 0) || size >= maxChunk) {
        chunks.push({ startLine: chunkStart + 1, lineCount: i - chunkStart, text: text.slice(starts[chunkStart] ?? 0, start), entry: chunkEntry });
        chunkStart = i;
        chunkEntry = { listContentIndent, lastContentVisual };
        if (stop && stop(i, chunkEntry)) return { chunks, stoppedAt: i };
      }
    }
    if (!blank && visual === 0) {
      if (isList) {
        listContentIndent = contentIndent(text, start, end);
        if (oddStart && lastContentVisual >= 4) paragraphItemSinceBlank = true;
        fenceSinceItem = false;
        // "- ```bash": the item starts with a fence.
        let m = start;
        while (m < end && text.charCodeAt(m) !== 32 && text.charCodeAt(m) !== 9) m++;
        while (m < end && (text.charCodeAt(m) === 32 || text.charCodeAt(m) === 9)) m++;
        itemFence = fenceOpening(text, m, end);
      }
      // A lazy continuation line keeps the item open; after a blank line, or a block that
      // interrupts a paragraph, the list is over.
      else if (previousBlank || itemFenceClosed || thematic || c === 35 || c === 62 || c === 96 || c === 126 || c === 60 || c === 61) listContentIndent = -1;
    }
    if (!blank && listContentIndent >= 0 && visual >= listContentIndent) {
      itemFence = fenceOpening(text, firstChar, end) ?? itemFence;
    } else if (!blank && column <= 3 && (listContentIndent < 0 || column < listContentIndent)) {
      if (c === 96 || c === 126) {
        fence = fenceOpening(text, indent, end);
        if (fence) listContentIndent = -1;
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
    // Only a list's lines matter: a new list starts with the flag cleared.
    if (!blank && listContentIndent >= 0 && FENCE_RUN.test(text.slice(firstChar, end))) fenceSinceItem = true;
    if (blank) htmlSinceBlank = paragraphItemSinceBlank = false;
    else if (c === 60 && column <= 3) htmlSinceBlank = true;
    previousBlank = blank;
    itemFenceClosed = false;
    if (!blank) lastContentVisual = visual;
    // Text that a paragraph would hold: not a heading, break, fence, list marker or block opener.
    previousText = !blank && !fence && !html && !thematic && !isList && c !== 35 && c !== 62 && c !== 60 && (visual < 4 || listContentIndent >= 0);
  }
  if (lineCount > chunkStart) {
    chunks.push({ startLine: chunkStart + 1, lineCount: lineCount - chunkStart, text: text.slice(starts[chunkStart] ?? 0), entry: chunkEntry });
  }
  return { chunks, stoppedAt: -1 };
}

/** Three backticks or tildes in a row: a fence may open on the line. */
const FENCE_RUN = /```|~~~/;

/** First index in a sorted array whose value is greater than `value`. */
function upperBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The split of `text`, given the split of a previous version: the lines and chunks before the
 * edit are kept, splitting resumes at the last cut before it and stops at the first cut after
 * it where the old split is met again in the same state. Equal to splitDocument(text).
 */
export function resplitDocument(text: string, previous: { text: string; split: SplitDocument }, options: SplitOptions = {}): SplitDocument {
  const oldText = previous.text;
  const old = previous.split;
  if (text === oldText) return old;
  // An unclosed `---` at the top is front matter as soon as a later line closes it: split afresh.
  if (!old.frontMatter && /^---[ \t]*(?:\r\n?|\n|$)/.test(text)) return splitDocument(text, options);
  const max = Math.min(text.length, oldText.length);
  // Binary searches over slices: V8 compares (sliced) strings natively, far faster than a loop.
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (text.slice(0, middle) === oldText.slice(0, middle)) low = middle;
    else high = middle - 1;
  }
  const prefix = low;
  low = 0;
  high = max - prefix;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (text.slice(text.length - middle) === oldText.slice(oldText.length - middle)) low = middle;
    else high = middle - 1;
  }
  const suffix = low;
  const oldStarts = old.lineStarts;
  // Lines [0, kept) end, terminator included, before the edit; lines [tail, ...) start after it.
  const kept = upperBound(oldStarts, prefix) - 1;
  const tail = upperBound(oldStarts, oldText.length - suffix);
  let resume = -1;
  for (let c = old.chunks.length - 1; c >= 1; c--) {
    if ((old.chunks[c]?.startLine ?? 0) - 1 < kept) {
      resume = c;
      break;
    }
  }
  if (resume < 1 || kept < 1 || tail >= oldStarts.length || tail <= kept) return splitDocument(text, options);
  // After a lone CR, an inserted LF would join it: let the full split decide.
  if (text.charCodeAt((oldStarts[kept] ?? 0) - 1) === 13) return splitDocument(text, options);
  const delta = text.length - oldText.length;
  const middleStart = oldStarts[kept] ?? 0;
  const middleEnd = (oldStarts[tail] ?? 0) + delta;
  const middleStarts: number[] = [];
  const middleLengths: number[] = [];
  let lineStart = middleStart;
  for (let i = middleStart; i < middleEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      middleStarts.push(lineStart);
      middleLengths.push(i - lineStart);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  if (lineStart !== middleEnd) return splitDocument(text, options);
  const starts = oldStarts.slice(0, kept).concat(middleStarts, oldStarts.slice(tail).map((s) => s + delta));
  const lengths = old.lineLengths.slice(0, kept).concat(middleLengths, old.lineLengths.slice(tail));
  const lineCount = text.endsWith('\n') || text.endsWith('\r') ? starts.length - 1 : starts.length;
  const lineDelta = kept + middleStarts.length - tail;
  const firstTailLine = kept + middleStarts.length;
  const resumeChunk = old.chunks[resume];
  if (!resumeChunk) return splitDocument(text, options);
  const input = scanInput(text, starts, lengths, lineCount, options);
  let pointer = resume;
  let met = -1;
  const { chunks } = scan(input, resumeChunk.startLine - 1, resumeChunk.entry, (line, state) => {
    if (line < firstTailLine) return false;
    const oldLine = line - lineDelta;
    while (pointer < old.chunks.length && (old.chunks[pointer]?.startLine ?? 0) - 1 < oldLine) pointer++;
    const candidate = old.chunks[pointer];
    if (!candidate || candidate.startLine - 1 !== oldLine) return false;
    if (candidate.entry.listContentIndent !== state.listContentIndent || candidate.entry.lastContentVisual !== state.lastContentVisual) return false;
    met = pointer;
    return true;
  });
  const after = met < 0 ? [] : old.chunks.slice(met).map((c) => (lineDelta === 0 ? c : { ...c, startLine: c.startLine + lineDelta }));
  return { frontMatter: old.frontMatter, chunks: old.chunks.slice(0, resume).concat(chunks, after), lineLengths: lengths, lineCount, lineStarts: starts };
}

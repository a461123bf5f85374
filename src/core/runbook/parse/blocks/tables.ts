// GFM tables as micromark reads them: a head row, then a delimiter row with as many cells,
// then body rows up to a blank line or another block. Cells are split on unescaped pipes
// before any inline parsing (a pipe inside a code span still splits, as on GitHub).
import type { Segment, TableCell, TableRow } from './types';

type Align = 'left' | 'right' | 'center' | null;

/** Cells in a head row, or 0 when the line cannot head a table (a lone cell or a lone pipe). */
export function headRowSize(text: string): number {
  let size = 0;
  let tokens = 0;
  let afterPipe = text.charCodeAt(0) !== 124;
  if (afterPipe) tokens++;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    tokens++;
    if (afterPipe) {
      afterPipe = false;
      size++;
    }
    if (c === 124) {
      afterPipe = true;
      i++;
      continue;
    }
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (d === 124 || d === 32 || d === 9) break;
      i += d === 92 && (text.charCodeAt(i + 1) === 92 || text.charCodeAt(i + 1) === 124) ? 2 : 1;
    }
  }
  return tokens > 1 ? size : 0;
}

/** The alignment of each column of a delimiter row (`| :-- | ---: |`), or null. */
export function delimiterRow(text: string): Align[] | null {
  const align: Align[] = [];
  let seen = false;
  let i = 0;
  const skipSpace = (): void => {
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  };
  skipSpace();
  while (i < text.length) {
    if (text.charCodeAt(i) === 124) {
      seen = true;
      i++;
      skipSpace();
      if (i >= text.length) break;
    }
    const left = text.charCodeAt(i) === 58;
    if (left) {
      seen = true;
      i++;
    }
    if (text.charCodeAt(i) !== 45) return null;
    while (text.charCodeAt(i) === 45) i++;
    const right = text.charCodeAt(i) === 58;
    if (right) {
      seen = true;
      i++;
    }
    align.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
    skipSpace();
    if (i < text.length && text.charCodeAt(i) !== 124) return null;
  }
  return seen && align.length > 0 ? align : null;
}

/** A row's cells with their positions; `segment` is the row's text after its indentation. */
export function splitRow(segment: Segment): TableRow {
  const { text, line, column } = segment;
  const cells: TableCell[] = [];
  let cellStart = 0;
  let contentStart = -1;
  let contentEnd = -1;
  const push = (end: number): void => {
    const content = contentStart < 0 ? null : { line, column: column + contentStart, text: text.slice(contentStart, contentEnd), headable: false, prefix: '', ending: '\n' };
    cells.push({ start: { line, column: column + cellStart }, end: { line, column: column + end }, content });
  };
  let i = 0;
  let divider = false;
  if (text.charCodeAt(0) === 124) {
    i = 1;
    divider = true;
  }
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 124) {
      push(i);
      cellStart = i;
      contentStart = contentEnd = -1;
      divider = true;
      i++;
      continue;
    }
    divider = false;
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (contentStart < 0) contentStart = i;
    i += c === 92 && (text.charCodeAt(i + 1) === 92 || text.charCodeAt(i + 1) === 124) ? 2 : 1;
    contentEnd = i;
  }
  // A trailing pipe closes the last cell (which then ends with the row); "|" alone is one empty cell.
  if (!divider || cells.length === 0) push(text.length);
  const end = { line, column: column + text.length };
  const last = cells[cells.length - 1];
  if (last) last.end = end;
  return { start: { line, column }, end, cells };
}

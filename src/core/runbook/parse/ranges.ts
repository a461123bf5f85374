// Source ranges while a document is assembled from its chunks: placing a chunk's range in the
// document, comparing positions without allocating, and containment.
import type { SourceRange } from '../model';

/** Columns per line in a position key: line * COLUMNS + column orders positions as numbers. */
export const COLUMNS = 1e7;

export function positionKey(line: number, column: number): number {
  return line * COLUMNS + Math.min(column, COLUMNS - 1);
}

/** Whether `inner` starts inside `outer`. */
export function within(outer: SourceRange, inner: SourceRange): boolean {
  return (inner.startLine > outer.startLine || (inner.startLine === outer.startLine && inner.startColumn >= outer.startColumn)) &&
    (inner.startLine < outer.endLine || (inner.startLine === outer.endLine && inner.startColumn < outer.endColumn));
}

/** A chunk's range shifted by `offset` lines into the document and kept inside it. */
export function placeRange(range: SourceRange, offset: number, lineLengths: readonly number[], documentLines: number): SourceRange {
  const lineCount = Math.max(documentLines, 1);
  const startLine = Math.min(Math.max(range.startLine + offset, 1), lineCount);
  const endLine = Math.max(Math.min(Math.max(range.endLine + offset, 1), lineCount), startLine);
  const startColumn = Math.min(range.startColumn, (lineLengths[startLine - 1] ?? 0) + 1);
  const endLength = (lineLengths[endLine - 1] ?? 0) + 1;
  let endColumn = range.endLine + offset > lineCount ? endLength : Math.min(range.endColumn, endLength);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

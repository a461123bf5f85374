// Ranges over a chunk's source lines: what mdast positions give, trimmed of trailing blank
// lines, and tokens found on a line. Shared by the fragment builder and the fence reader.
import type { SourceRange } from '../model';
import { rangeOf, type Positioned } from '../parse/mdastText';

export class SourceLines {
  constructor(readonly lines: string[]) {}

  /**
   * A node's range without trailing blank lines: a block that runs to the end of its chunk
   * would otherwise end one line later than the same block followed by another.
   */
  range(node: Positioned, listItem = false): SourceRange {
    const r = rangeOf(node);
    if (r.endLine <= r.startLine) return r;
    const blankUpTo = (line: number, column: number): boolean =>
      (this.lines[line - 1] ?? '').slice(0, column - 1).replace(/[\s>]/g, '').length === 0;
    // A list item never holds a column-0 line after a blank one (micromark's tab handling can
    // report such an end, inside the next item's marker).
    const lastLine = this.lines[r.endLine - 1] ?? '';
    const pastItem = listItem && /^\S/.test(lastLine) && blankUpTo(r.endLine - 1, Number.MAX_SAFE_INTEGER);
    if (!pastItem && !blankUpTo(r.endLine, r.endColumn)) return r;
    let endLine = r.endLine - 1;
    while (endLine > r.startLine && blankUpTo(endLine, Number.MAX_SAFE_INTEGER)) endLine--;
    return { ...r, endLine, endColumn: (this.lines[endLine - 1] ?? '').length + 1 };
  }

  /** Finds `token` on a chunk line at or after `fromColumn` (1-based); the range it covers. */
  locate(line: number, token: string, fromColumn: number): SourceRange {
    const raw = this.lines[line - 1] ?? '';
    let index = raw.indexOf(token, Math.max(0, fromColumn - 1));
    if (index < 0) index = raw.indexOf(token);
    if (index < 0) return { startLine: line, startColumn: 1, endLine: line, endColumn: raw.length + 1 };
    return { startLine: line, startColumn: index + 1, endLine: line, endColumn: index + 1 + token.length };
  }

  lineRange(line: number, fromColumn: number): SourceRange {
    const raw = this.lines[line - 1] ?? '';
    return { startLine: line, startColumn: Math.min(fromColumn, raw.length + 1), endLine: line, endColumn: raw.length + 1 };
  }

  /** The first `token` at or after `from`, up to `lastLine`. */
  find(token: string, from: { line: number; column: number }, lastLine: number): SourceRange | null {
    for (let line = from.line; line <= Math.min(lastLine, this.lines.length); line++) {
      const index = (this.lines[line - 1] ?? '').indexOf(token, line === from.line ? from.column - 1 : 0);
      if (index >= 0) return { startLine: line, startColumn: index + 1, endLine: line, endColumn: index + 1 + token.length };
    }
    return null;
  }
}

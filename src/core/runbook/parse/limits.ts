// Limits that keep parsing linear and its recursion shallow, whatever the input.

/** Block quotes and list items nested deeper than this are read as text of the innermost one. */
export const MAX_CONTAINER_DEPTH = 32;

/** Links, images and emphasis nested deeper than this are read as text. */
export const MAX_INLINE_DEPTH = 32;

/** Where a parse first met a marker past the container cap (1-based line and column). */
export interface NestingLimit {
  line: number;
  column: number;
  /** Length of that line, for the diagnostic's range. */
  lineLength: number;
}

export interface NestingDiagnostic {
  kind: 'diagnostic';
  severity: 'warning';
  code: 'nesting-too-deep';
  message: string;
  range: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

/** The warning for a parse that hit the cap: the rest of the document is modelled as usual. */
export function nestingDiagnostic(limit: NestingLimit): NestingDiagnostic {
  const end = limit.lineLength + 1;
  return {
    kind: 'diagnostic', severity: 'warning', code: 'nesting-too-deep',
    message: `Block quotes and lists are nested more than ${MAX_CONTAINER_DEPTH} deep here: deeper markers are read as text.`,
    range: { startLine: limit.line, startColumn: Math.min(limit.column, end), endLine: limit.line, endColumn: end },
  };
}

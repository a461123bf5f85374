// Shared by every results format: what one parse gives back, and how a row's text is kept.
import type { HarnessResults, SubResult } from '../../run/record';
import { cutWithEllipsis } from '../../text/cut';

export type ResultsFormat = HarnessResults['format'];

/** Rows, or why the content is not a results file of that format (never a throw). */
export type ParsedRows = { rows: SubResult[]; error: null } | { rows: []; error: string };

export const MAX_DETAIL = 300;

export function parsed(rows: SubResult[]): ParsedRows {
  return { rows, error: null };
}

export function refused(error: string): ParsedRows {
  return { rows: [], error };
}

/** One line of plain text: whitespace collapsed, cut to MAX_DETAIL characters. */
export function oneLine(text: string, max = MAX_DETAIL): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return cutWithEllipsis(line, max);
}

/** Row ids must be unique within a file (sub-checks are addressed by them): repeats get "#2", "#3". */
export function uniqueIds(rows: SubResult[]): SubResult[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const n = (seen.get(row.id) ?? 0) + 1;
    seen.set(row.id, n);
    return n === 1 ? row : { ...row, id: `${row.id}#${n}` };
  });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

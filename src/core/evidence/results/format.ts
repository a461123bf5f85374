// Which results format a file holds: by its extension, else sniffed from its content.
import type { ResultsFormat } from './rows';

const BY_EXTENSION: Record<string, ResultsFormat> = {
  xml: 'junit', junit: 'junit', tap: 'tap', tsv: 'tsv', tab: 'tsv', csv: 'csv', md: 'markdown', markdown: 'markdown',
};

export function formatByExtension(fileName: string): ResultsFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext ? (BY_EXTENSION[ext] ?? null) : null;
}

/**
 * For a file whose name says nothing (results.txt, a bare name): XML starts with "<"; TAP has
 * a "TAP version" line, a plan, or starts with a test point; a Markdown table has a delimiter
 * row; else tabs in the first line mean TSV and commas CSV. Null when none fits.
 */
export function sniffFormat(text: string): ResultsFormat | null {
  const body = text.replace(/^\ufeff/, '').trimStart();
  if (body.startsWith('<')) return 'junit';
  if (/^(?:TAP version \d+|1\.\.\d+)\s*$/m.test(body) || /^(?:not )?ok\b/.test(body)) return 'tap';
  if (/^\s*\|?\s*:?-+:?\s*\|[\s|:-]*$/m.test(body)) return 'markdown';
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.includes('\t')) return 'tsv';
  if (firstLine.includes(',')) return 'csv';
  return null;
}

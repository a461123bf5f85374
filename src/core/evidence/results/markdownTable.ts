// Markdown (GFM) tables: a header row, a delimiter row (`| --- | :-: |`), body rows until a
// line without a pipe. The first table whose header names a status column is the results;
// tables inside fenced code blocks are not read.
import { refused, type ParsedRows } from './rows';
import { hasStatusHeader, rowsFromRecords } from './table';

const DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Cells of a table line: outer pipes dropped, split on unescaped pipes, `\|` kept as `|`. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim());
}

function tables(text: string): string[][][] {
  const lines = text.split(/\r?\n|\r/);
  const found: string[][][] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      continue;
    }
    if (fence !== null || !line.includes('|')) continue;
    const next = lines[i + 1];
    if (next === undefined || !next.includes('-') || !DELIMITER.test(next) || !/[|]/.test(line + next)) continue;
    const table = [cells(line)];
    let j = i + 2;
    while (j < lines.length && lines[j]!.includes('|') && lines[j]!.trim() !== '') table.push(cells(lines[j++]!));
    found.push(table);
    i = j - 1;
  }
  return found;
}

export function parseMarkdownTable(text: string): ParsedRows {
  const all = tables(text);
  if (all.length === 0) return refused('Markdown has no table');
  const results = all.find((table) => hasStatusHeader(table[0]!));
  return rowsFromRecords(results ?? all[0]!, 'Markdown table');
}

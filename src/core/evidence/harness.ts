// Harness results: a results file a step wrote (JUnit XML, TAP, or a TSV/CSV/Markdown table
// with a status column) read as sub-checks, and the step's verdict from them. Pure: the caller
// finds and reads the file (through the workspace guard) and hands over its text.
import type { HarnessResults } from '../run/record';
import { parseCsv, parseTsv } from './results/delimited';
import { formatByExtension, sniffFormat } from './results/format';
import { parseJunit } from './results/junit';
import { parseMarkdownTable } from './results/markdownTable';
import type { ParsedRows, ResultsFormat } from './results/rows';
import { parseTap } from './results/tap';

export { harnessCountsLine, harnessVerdict, type HarnessVerdict } from './harnessVerdict';
export { resultsFileCandidates } from './resultsCandidates';

const PARSERS: Record<ResultsFormat, (text: string) => ParsedRows> = {
  junit: parseJunit,
  tap: parseTap,
  tsv: parseTsv,
  csv: parseCsv,
  markdown: parseMarkdownTable,
};

/**
 * The rows of a results file, its format chosen by extension (.xml JUnit, .tap, .tsv, .csv,
 * .md), else sniffed from the text. Never throws: malformed or unrecognisable content gives no
 * rows and an `error` a person can act on. `file` is `fileName` as given (the caller may set
 * the workspace-relative path).
 */
export function parseResultsFile(fileName: string, text: string): HarnessResults {
  const format = formatByExtension(fileName) ?? sniffFormat(text);
  if (format === null) {
    return {
      file: fileName, format: 'tsv', rows: [],
      error: 'not a results file: expected JUnit XML, TAP, or a TSV/CSV/Markdown table with a status column',
    };
  }
  if (text.trim() === '') return { file: fileName, format, rows: [], error: 'the results file is empty' };
  const { rows, error } = PARSERS[format](text);
  return { file: fileName, format, rows, error };
}

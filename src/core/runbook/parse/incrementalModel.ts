// Re-modelling on every keystroke: the document is split into chunks of top-level blocks,
// each chunk's fragment is cached by its text, and only changed chunks are parsed again.
// The assembly pass over all fragments is cheap; its result equals parseRunbook's.
import type { Runbook } from '../model';
import { resplitDocument, splitDocument, type SplitDocument } from './chunks';
import { buildFragment, type Fragment } from './fragment';
import { readFrontMatter } from '../rules/frontMatter';
import { assembleRunbook, type PlacedFragment } from './assemble';

export interface ModelOptions {
  /** owner/name for bare `#123` references, e.g. from the git remote. */
  defaultRepo?: string | null;
}

export interface ModelerStats {
  /** Chunks the last document was cut into. */
  chunks: number;
  /** Of those, how many had to be parsed (not found in the cache). */
  parsed: number;
}

export interface RunbookModeler {
  model(text: string, options?: ModelOptions): Runbook;
  /** What the last model() call did; for benchmarks and tests. */
  stats(): ModelerStats;
}

export function createRunbookModeler(): RunbookModeler {
  let cache = new Map<string, Fragment>();
  let previous: { text: string; split: SplitDocument } | null = null;
  let last: ModelerStats = { chunks: 0, parsed: 0 };
  return {
    stats: () => ({ ...last }),
    model(text, options) {
      try {
        const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        const split = previous ? resplitDocument(source, previous) : splitDocument(source);
        previous = { text: source, split };
        const next = new Map<string, Fragment>();
        let parsed = 0;
        const fragments: PlacedFragment[] = split.chunks.map((chunk) => {
          let fragment = next.get(chunk.text) ?? cache.get(chunk.text);
          if (!fragment) {
            fragment = buildFragment(chunk.text);
            parsed++;
          }
          next.set(chunk.text, fragment);
          return { fragment, lineOffset: chunk.startLine - 1 };
        });
        cache = next;
        last = { chunks: split.chunks.length, parsed };
        return assembleRunbook({
          fragments,
          frontMatter: readFrontMatter(split.frontMatter),
          lineLengths: split.lineLengths,
          lineCount: split.lineCount,
          defaultRepo: options?.defaultRepo ?? null,
        });
      } catch (error) {
        cache = new Map();
        previous = null;
        return failedModel(text, error);
      }
    },
  };
}

/** A bug of ours must not take the host down: an empty model that says what happened. */
function failedModel(text: string, error: unknown): Runbook {
  const lines = text.split(/\r\n|\r|\n/);
  return {
    title: '', frontMatter: {}, sections: [], stages: [], steps: [], tasks: [], gates: [], issues: [], inputs: [],
    diagnostics: [{
      range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: (lines[0] ?? '').length + 1 },
      severity: 'error', code: 'internal-error',
      message: `Runbook Gate could not read this document (${error instanceof Error ? error.message : String(error)}); please report it.`,
    }],
    lineCount: /[\r\n]$/.test(text) ? lines.length - 1 : lines.length,
  };
}

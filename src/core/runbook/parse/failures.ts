// What a bug of ours turns into: never a crash of the host, never a silently empty model.
// A chunk that cannot be read becomes one diagnostic on its first line; only if the whole
// document cannot be assembled is the model empty (and says so).
import type { Runbook, SourceRange } from '../model';
import type { Fragment } from './fragment';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLineRange(text: string): SourceRange {
  const first = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  return { startLine: 1, startColumn: 1, endLine: 1, endColumn: first.length + 1 };
}

/** The fragment of a chunk whose own fragment threw: an internal-error diagnostic at its start. */
export function failedChunk(chunkText: string, error: unknown): Fragment {
  return {
    events: [{
      kind: 'diagnostic', severity: 'error', code: 'internal-error', range: firstLineRange(chunkText),
      message: `Runbook Gate could not read the part of this document that starts here (${reason(error)}); the rest is modelled. Please report it.`,
    }],
    end: null,
  };
}

/** The model of a document that could not be assembled at all. */
export function failedModel(text: string, error: unknown): Runbook {
  const lines = text.split(/\r\n|\r|\n/);
  return {
    title: '',
    context: { title: '', owner: null, issue: null, scope: null, reportFolder: null, template: null },
    frontMatter: {}, generated: false, sections: [], stages: [], checks: [], steps: [], gates: [], issues: [], inputs: [],
    diagnostics: [{
      range: firstLineRange(text), severity: 'error', code: 'internal-error',
      message: `Runbook Gate could not read this document (${reason(error)}); please report it.`,
    }],
    lineCount: /[\r\n]$/.test(text) ? lines.length - 1 : lines.length,
  };
}

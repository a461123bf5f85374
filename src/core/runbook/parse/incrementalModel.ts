// Re-modelling on every keystroke: the document is split into chunks of top-level blocks,
// each chunk's fragment is cached by its text, and only changed chunks are parsed again.
// The assembly pass over all fragments follows; its result equals parseRunbook's.
//
// A chunk whose fragment cannot be built (a bug of ours) becomes one internal-error
// diagnostic and every other chunk is still modelled. `modelAsync` does the same work in
// slices, giving the host's event loop back between chunks (an editor must not freeze).
// `modelOnce` (parseRunbook) is the same model without the cache, for a text read once.
import type { Runbook } from '../model';
import { resplitDocument, splitDocument, type Chunk, type SplitDocument } from './chunks';
import { buildFragment, type Fragment } from './fragment';
import { readFrontMatter } from '../rules/frontMatter';
import { assembleRunbook, startAssembly, type DocumentFacts, type PlacedFragment } from './assemble';
import { failedChunk, failedModel } from './failures';

export interface ModelOptions {
  /** owner/name for bare `#123` references, e.g. from the git remote. */
  defaultRepo?: string | null;
}

export interface SliceOptions {
  /** Work done before giving the event loop back, ms (default 20). */
  sliceMs?: number;
}

export interface ModelerStats {
  /** Chunks the last document was cut into. */
  chunks: number;
  /** Of those, how many had to be parsed (not found in the cache). */
  parsed: number;
  /** Longest stretch of the last modelAsync() without giving the event loop back, ms. */
  longestSliceMs: number;
  /** The same, leaving out the assembly pass: splitting and building fragments, ms. */
  longestParseSliceMs: number;
  /** The assembly pass (one uninterrupted step), ms. */
  assemblyMs: number;
}

export interface RunbookModeler {
  model(text: string, options?: ModelOptions): Runbook;
  /** model() in slices of about `sliceMs`, yielding to the event loop between chunks. */
  modelAsync(text: string, options?: ModelOptions, slice?: SliceOptions): Promise<Runbook>;
  /** What the last model() or modelAsync() call did; for benchmarks and tests. */
  stats(): ModelerStats;
}

export interface ModelerDependencies {
  /** The fragment builder (tests inject one that throws). */
  buildFragment?: (chunkText: string) => Fragment;
}

const DEFAULT_SLICE_MS = 20;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** A chunk's fragment; one that cannot be built is one internal-error diagnostic. */
function buildSafely(build: (chunkText: string) => Fragment, chunkText: string): Fragment {
  try {
    return build(chunkText);
  } catch (error) {
    return failedChunk(chunkText, error);
  }
}

function factsOf(document: SplitDocument, options?: ModelOptions): DocumentFacts {
  return {
    frontMatter: readFrontMatter(document.frontMatter),
    lineLengths: document.lineLengths,
    lineCount: document.lineCount,
    defaultRepo: options?.defaultRepo ?? null,
  };
}

/**
 * One model of one text, as model() gives it, keeping no fragment: each is handed to the
 * assembly as soon as it is built and is garbage once read (a one-shot parse has no next
 * version to reuse them for, and keeping them all alive costs the collector dearly at 4 MB).
 */
export function modelOnce(text: string, options?: ModelOptions, dependencies: ModelerDependencies = {}): Runbook {
  const build = dependencies.buildFragment ?? buildFragment;
  try {
    const document = splitDocument(withoutBom(text));
    const assembly = startAssembly(factsOf(document, options));
    for (const chunk of document.chunks) assembly.add({ fragment: buildSafely(build, chunk.text), lineOffset: chunk.startLine - 1 });
    return assembly.finish();
  } catch (error) {
    return failedModel(text, error);
  }
}

export function createRunbookModeler(dependencies: ModelerDependencies = {}): RunbookModeler {
  const build = dependencies.buildFragment ?? buildFragment;
  let cache = new Map<string, Fragment>();
  let previous: { text: string; split: SplitDocument } | null = null;
  let last: ModelerStats = { chunks: 0, parsed: 0, longestSliceMs: 0, longestParseSliceMs: 0, assemblyMs: 0 };
  // modelAsync calls run one after another, so that each sees the cache the last one left.
  let queue: Promise<unknown> = Promise.resolve();

  const fragmentOf = (chunk: Chunk, next: Map<string, Fragment>): { fragment: Fragment; parsed: boolean } => {
    const known = next.get(chunk.text) ?? cache.get(chunk.text);
    if (known) return { fragment: known, parsed: false };
    return { fragment: buildSafely(build, chunk.text), parsed: true };
  };

  const split = (text: string): { source: string; split: SplitDocument } => {
    const source = withoutBom(text);
    return { source, split: previous ? resplitDocument(source, previous) : splitDocument(source) };
  };

  const assemble = (document: SplitDocument, fragments: PlacedFragment[], options?: ModelOptions): Runbook =>
    assembleRunbook({ fragments, ...factsOf(document, options) });

  const fail = (text: string, error: unknown): Runbook => {
    cache = new Map();
    previous = null;
    return failedModel(text, error);
  };

  return {
    stats: () => ({ ...last }),

    model(text, options) {
      try {
        const { source, split: document } = split(text);
        previous = { text: source, split: document };
        const next = new Map<string, Fragment>();
        let parsed = 0;
        const fragments: PlacedFragment[] = document.chunks.map((chunk) => {
          const { fragment, parsed: built } = fragmentOf(chunk, next);
          if (built) parsed++;
          next.set(chunk.text, fragment);
          return { fragment, lineOffset: chunk.startLine - 1 };
        });
        cache = next;
        const started = now();
        const runbook = assemble(document, fragments, options);
        last = { chunks: document.chunks.length, parsed, longestSliceMs: 0, longestParseSliceMs: 0, assemblyMs: now() - started };
        return runbook;
      } catch (error) {
        return fail(text, error);
      }
    },

    modelAsync(text, options, slice) {
      const sliceMs = slice?.sliceMs ?? DEFAULT_SLICE_MS;
      const run = async (): Promise<Runbook> => {
        let sliceStart = now();
        let longest = 0;
        const pause = async (): Promise<void> => {
          const spent = now() - sliceStart;
          if (spent < sliceMs) return;
          longest = Math.max(longest, spent);
          await yieldToHost();
          sliceStart = now();
        };
        try {
          const { source, split: document } = split(text);
          previous = { text: source, split: document };
          const next = new Map<string, Fragment>();
          const fragments: PlacedFragment[] = [];
          let parsed = 0;
          for (const chunk of document.chunks) {
            const { fragment, parsed: built } = fragmentOf(chunk, next);
            if (built) {
              parsed++;
              await pause();
            }
            next.set(chunk.text, fragment);
            fragments.push({ fragment, lineOffset: chunk.startLine - 1 });
          }
          cache = next;
          await pause();
          const longestParse = Math.max(longest, now() - sliceStart);
          const started = now();
          const runbook = assemble(document, fragments, options);
          const assemblyMs = now() - started;
          longest = Math.max(longest, now() - sliceStart);
          last = { chunks: document.chunks.length, parsed, longestSliceMs: longest, longestParseSliceMs: longestParse, assemblyMs };
          return runbook;
        } catch (error) {
          return fail(text, error);
        }
      };
      const result = queue.then(run, run);
      queue = result;
      return result;
    },
  };
}

// How the words of a decision are set: for which host (vocabulary), in which style (plain or
// Markdown), naming what (the run's stages, checks and gates).
export type Vocabulary = 'cli' | 'editor' | 'report';

/** How values from the run are set into a sentence. */
export interface WordingStyle {
  /** A command, path, id, flag or variable name. */
  code(text: string): string;
  /** Anything else from the run: labels, outcomes, issue titles, notes. */
  text(text: string): string;
}

/** Backticks around code (a longer fence when the code holds backticks), text as it is. */
export const PLAIN_STYLE: WordingStyle = {
  code: (text) => {
    const flat = text.replace(/\s*\r?\n\s*/g, ' ');
    const fence = '`'.repeat((flat.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0) + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
  },
  text: (text) => text,
};

/** What the words may name: the record's stages, checks and gates, and how to reach the run. */
export interface WordingContext {
  /** Workspace-relative runbook path, for CLI commands (default `RUNBOOK.md`). */
  runbookPath?: string | null;
  /** The run directory, for `mark`/`exec` (default `RUN_DIR`). */
  runDir?: string | null;
  stages?: ReadonlyArray<{ id: string; label: string; marker: string; key: string | null }>;
  checks?: ReadonlyArray<{ id: string; text: string; stageId: string }>;
  gates?: ReadonlyArray<{ id: string; title: string }>;
  /** Labels of the dependency gate's issues ("#1858"), for "Dependency gate is green (#1858, …)". */
  dependencies?: readonly string[];
  /** Ids of `exec` evidence (re-run with `exec`, not `run`). */
  extraIds?: readonly string[];
}

export interface WordingOptions {
  context?: WordingContext;
  style?: WordingStyle;
}

// The interfaces core needs from a host. src/node implements them for the CLI and the
// extension host; tests use small in-memory fakes.
import type { RunEvent } from './run/events';
import type { RunRecord } from './run/record';

export type OutputStream = 'stdout' | 'stderr';

export interface ProcessRequest {
  command: string;
  /** Shell executable, e.g. "bash" or "sh". */
  shell: string;
  /** Absolute working directory (already through the workspace guard). */
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  /**
   * Set as RUNBOOK_GATE_COOKIE in the step's environment (with RUNBOOK_GATE_STEP, one per
   * attempt): at step end every process carrying the step's mark is ended, daemons that left
   * the process group (setsid) included; at run end, every process carrying the cookie.
   */
  cookie: string;
  /** Detached; ended when the run ends. */
  background?: boolean;
}

export interface ProcessOutcome {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  /** Set when the process could not start at all (shell missing, cwd missing). */
  spawnError: string | null;
  /** The shell and flags the command ran under (recorded as evidence, see docs/shell-semantics.md). */
  shell: string;
  shellFlags: string[];
}

/** Receives raw output; a returned promise applies back-pressure. */
export type OutputHandler = (chunk: Uint8Array, stream: OutputStream) => void | Promise<void>;

export interface ProcessRunner {
  run(request: ProcessRequest, onOutput: OutputHandler, signal?: AbortSignal): Promise<ProcessOutcome>;
  /** End every process this runner started that is still alive (background steps, orphans). */
  disposeAll?(): Promise<void>;
  /**
   * End every process on this host whose environment carries the cookie — except those a live
   * runbook-gate process started (a `mark` in another terminal must not end a running `run`).
   * Returns how many.
   */
  reap?(cookie: string): Promise<number>;
}

export interface LogWriter {
  /** Path relative to the run directory. */
  readonly relativePath: string;
  /** Returns a promise only when the caller should wait for it (back-pressure). */
  append(chunk: Uint8Array | string): Promise<void> | void;
  /** Flushes and closes; returns the SHA-256 (hex) and size of everything written. */
  close(): Promise<{ sha256: string; bytes: number }>;
}

/** One run directory: run.json (under a lock), logs, results.tsv, SUMMARY.md. */
export interface RunStore {
  /** Absolute path of the run directory. */
  readonly dir: string;
  /**
   * Under the run's lock: reads run.json, applies the events (core/run/applyEvents), writes it
   * atomically, releases. Returns the record as it now is, other writers' changes included.
   * A second writer waits; past a limit it fails with a message naming the holder.
   * Records from commit() and read() are read-only (the store may keep one as the base of its
   * next commit, frozen): derive a new record with applyEvents, never change one in place.
   */
  commit(events: RunEvent[]): Promise<RunRecord>;
  read(): Promise<RunRecord>;
  /** A fresh log for one attempt of a step (never an existing file, whatever the ids). */
  openLog(stepId: string, attempt: number): Promise<LogWriter>;
  /** Written atomically inside the run directory. */
  writeText(relativePath: string, content: string): Promise<void>;
}

export interface IssueState {
  repo: string;
  number: number;
  title: string;
  state: 'open' | 'closed';
  url: string;
}

/** Errors a GitHub port rejects with: a kind the decision can act on, and a message without secrets. */
export interface GithubFailure extends Error {
  kind: 'unauthorized' | 'forbidden' | 'not-found' | 'rate-limited' | 'server' | 'network' | 'timeout' | 'malformed' | 'invalid';
  status: number | null;
}

export interface IssueClient {
  /** Rejects with a GithubFailure (401/403/404/429/5xx/timeout/unreachable/malformed answer). */
  getIssue(repo: string, issueNumber: number): Promise<IssueState>;
}

export interface GithubClient extends IssueClient {
  /** Creates the comment, or updates the tool's earlier comment that carries `marker`. */
  upsertComment(repo: string, issueNumber: number, marker: string, body: string): Promise<{ url: string; created: boolean }>;
  /** An open issue with exactly this title, if any (searched before creating one). */
  findOpenIssue(repo: string, title: string): Promise<IssueState | null>;
  createIssue(repo: string, issue: { title: string; body: string; labels: string[] }): Promise<IssueState>;
}

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

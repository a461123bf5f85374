// The interfaces core needs from a host. src/node implements them for the CLI and the
// extension host; tests use small in-memory fakes.
import type { RunRecord } from './run/model';

export type OutputStream = 'stdout' | 'stderr';

export interface ProcessRequest {
  command: string;
  /** Shell executable, e.g. "bash" or "sh". */
  shell: string;
  /** Absolute working directory. */
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
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
}

/** Receives raw output; a returned promise applies back-pressure. */
export type OutputHandler = (chunk: Uint8Array, stream: OutputStream) => void | Promise<void>;

export interface ProcessRunner {
  run(request: ProcessRequest, onOutput: OutputHandler, signal?: AbortSignal): Promise<ProcessOutcome>;
  /** End every process this runner started that is still alive (background steps, orphans). */
  disposeAll?(): Promise<void>;
}

export interface LogWriter {
  /** Path relative to the run directory. */
  readonly relativePath: string;
  /** Returns a promise only when the caller should wait for it (back-pressure). */
  append(chunk: Uint8Array | string): Promise<void> | void;
  /** Flushes and closes; returns the SHA-256 (hex) of everything written. */
  close(): Promise<string>;
}

/** One run directory: logs, run.json, results.tsv, SUMMARY.md. */
export interface RunStore {
  /** Absolute path of the run directory. */
  readonly dir: string;
  openLog(stepId: string): Promise<LogWriter>;
  /** Written atomically (temp file + rename). */
  writeRecord(record: RunRecord): Promise<void>;
  writeText(relativePath: string, content: string): Promise<void>;
}

export interface IssueState {
  repo: string;
  number: number;
  title: string;
  state: 'open' | 'closed';
  url: string;
}

export interface IssueClient {
  /** Rejects with an Error whose message a user can act on (404, 401, unreachable host). */
  getIssue(repo: string, issueNumber: number): Promise<IssueState>;
}

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

// What every command needs from the process: streams, cwd, environment, the abort signal and
// the clock. Passing them in keeps commands testable in-process (a fake clock lets a test step
// past a 60-minute hold) and keeps `process` use in main.ts.
import type { Clock, ProcessRunner } from '../core/ports';

export interface TextSink {
  write(text: string): unknown;
}

export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: TextSink;
  stderr: TextSink;
  /** Whether stdin is a terminal (destructive steps may then be confirmed by the user). */
  interactive: boolean;
  /** Aborted on SIGINT, SIGTERM or SIGHUP, with the signal's name as the reason. */
  signal: AbortSignal;
  clock?: Clock;
  /** The process runner (tests may hand one in); default: execa with process groups and the run cookie. */
  runner?: ProcessRunner;
  /** Asks the user on the terminal (only when interactive). */
  ask?(question: string): Promise<string>;
}

/** An input problem the user can fix: exit 2 with this one-line message. */
export class InputError extends Error {
  override name = 'InputError';
}

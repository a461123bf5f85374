// What every command needs from the process: streams, cwd, environment. Passing them in
// keeps commands testable and keeps `process` use in main.ts.
import type { TextSink } from './output';

export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: TextSink;
  stderr: TextSink;
  /** Whether stdin is a terminal (destructive steps may then be confirmed by the user). */
  interactive: boolean;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

/** An input problem the user can fix: exit 2 with this one-line message. */
export class InputError extends Error {
  override name = 'InputError';
}

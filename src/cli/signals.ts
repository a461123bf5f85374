// SIGINT (Ctrl-C), SIGTERM (a CI cancel, `kill`) and SIGHUP (the terminal went away) all
// mean "cancel the run": the first one aborts the run's AbortController with a reason that
// names the signal, so the run command can end every step process, record "cancelled by
// SIGTERM", close the record and write the report. A second one means "now": every live step
// process is killed synchronously and the CLI exits with 128 + the signal's number.
import { constants } from 'node:os';

export const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type CancelSignal = (typeof CANCEL_SIGNALS)[number];

/** The abort reason: its message is "cancelled by SIGTERM". */
export class CancelledBySignal extends Error {
  override name = 'CancelledBySignal';
  constructor(readonly signal: CancelSignal) {
    super(`cancelled by ${signal}`);
  }
}

/** The exit code of a process ended by a signal, as shells report it: 128 + its number. */
export function signalExitCode(signal: CancelSignal): number {
  return 128 + constants.signals[signal];
}

/** Where signals arrive and how to leave; `process` unless a test hands in its own. */
export interface SignalHost {
  on(signal: CancelSignal, listener: () => void): unknown;
  removeListener(signal: CancelSignal, listener: () => void): unknown;
  exit(code: number): void;
}

export interface SignalHandlerOptions {
  controller: AbortController;
  /** Ends every live step process at once. Must be synchronous: the process exits right after. */
  killNow(): void;
  /** Told what happens, one line at a time (e.g. written to stderr). */
  notify?(line: string): void;
  host?: SignalHost;
}

/** Installs the handlers; returns a function that removes them. */
export function installSignalHandlers(options: SignalHandlerOptions): () => void {
  const host: SignalHost = options.host ?? process;
  let received: CancelSignal | null = null;
  const say = (line: string) => {
    try {
      options.notify?.(line);
    } catch {
      // The terminal may be gone (SIGHUP): cancelling matters more than saying so.
    }
  };
  const listeners = CANCEL_SIGNALS.map((signal) => {
    const listener = () => {
      if (received === null) {
        received = signal;
        const again = signal === 'SIGINT' ? 'Ctrl-C again' : 'a second signal';
        say(`runbook-gate: ${signal}: cancelling the run, ending its steps and writing the report (${again} quits at once)`);
        options.controller.abort(new CancelledBySignal(signal));
        return;
      }
      say(`runbook-gate: ${signal} again: killing every step process and quitting now`);
      try {
        options.killNow();
      } finally {
        host.exit(signalExitCode(signal));
      }
    };
    host.on(signal, listener);
    return [signal, listener] as const;
  });
  return () => {
    for (const [signal, listener] of listeners) host.removeListener(signal, listener);
  };
}

import type { OutputHandler, OutputStream, ProcessOutcome, ProcessRequest, ProcessRunner } from '../../../src/core/ports';

export interface Script {
  output?: Array<[OutputStream, string | Uint8Array]>;
  exitCode?: number | null;
  signal?: string | null;
  timedOut?: boolean;
  spawnError?: string;
  /** Wait for the abort signal or disposeAll() (a process that runs until cancelled). */
  hang?: boolean;
  /** The flags the outcome records; default: what bash runs under (src/node/shell.ts). */
  shellFlags?: string[];
}

export const BASH_FLAGS = ['-e', '-o', 'pipefail', '-o', 'errtrace', '+sigpipe-tolerant'];

/**
 * A ProcessRunner that replays scripted output per command and records every request.
 * `leftovers` says how many processes reap(cookie) finds for a cookie (once: a second reap
 * finds none), as a run whose CLI was killed would leave.
 */
export class ScriptedRunner implements ProcessRunner {
  readonly requests: ProcessRequest[] = [];
  readonly reaped: string[] = [];
  disposed = 0;
  private readonly hanging = new Set<() => void>();

  constructor(
    private readonly scripts: Record<string, Script> = {},
    private readonly leftovers: Record<string, number> = {},
  ) {}

  async run(request: ProcessRequest, onOutput: OutputHandler, signal?: AbortSignal): Promise<ProcessOutcome> {
    this.requests.push(request);
    const script = this.scripts[request.command] ?? { exitCode: 0 };
    const base: ProcessOutcome = {
      exitCode: null, signal: null, timedOut: false, cancelled: false, spawnError: null,
      shell: request.shell, shellFlags: script.shellFlags ?? (request.shell === 'bash' ? BASH_FLAGS : ['-e']),
    };
    if (signal?.aborted) return { ...base, cancelled: true };
    if (script.spawnError) return { ...base, spawnError: script.spawnError };
    for (const [stream, data] of script.output ?? []) {
      await onOutput(typeof data === 'string' ? new TextEncoder().encode(data) : data, stream);
    }
    if (script.hang) {
      await new Promise<void>((resolve) => {
        const end = () => resolve();
        this.hanging.add(end);
        signal?.addEventListener('abort', end, { once: true });
      });
      return { ...base, signal: 'SIGTERM', cancelled: true };
    }
    return { ...base, exitCode: script.exitCode ?? 0, signal: script.signal ?? null, timedOut: script.timedOut ?? false };
  }

  async disposeAll(): Promise<void> {
    this.disposed++;
    for (const end of this.hanging) end();
    this.hanging.clear();
  }

  async reap(cookie: string): Promise<number> {
    this.reaped.push(cookie);
    const count = this.leftovers[cookie] ?? 0;
    delete this.leftovers[cookie];
    return count;
  }
}

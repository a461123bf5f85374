import type { OutputHandler, OutputStream, ProcessOutcome, ProcessRequest, ProcessRunner } from '../../../src/core/ports';

export interface Script {
  output?: Array<[OutputStream, string | Uint8Array]>;
  exitCode?: number | null;
  signal?: string | null;
  timedOut?: boolean;
  spawnError?: string;
  /** Wait for the abort signal (a process that runs until cancelled). */
  hang?: boolean;
}

/** A ProcessRunner that replays scripted output per command and records every request. */
export class ScriptedRunner implements ProcessRunner {
  readonly requests: ProcessRequest[] = [];
  disposed = 0;
  private readonly hanging = new Set<() => void>();

  constructor(private readonly scripts: Record<string, Script> = {}) {}

  async run(request: ProcessRequest, onOutput: OutputHandler, signal?: AbortSignal): Promise<ProcessOutcome> {
    this.requests.push(request);
    const script = this.scripts[request.command] ?? { exitCode: 0 };
    for (const [stream, data] of script.output ?? []) {
      await onOutput(typeof data === 'string' ? new TextEncoder().encode(data) : data, stream);
    }
    const base = { exitCode: null, signal: null, timedOut: false, cancelled: false, spawnError: null };
    if (script.spawnError) return { ...base, spawnError: script.spawnError };
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
}

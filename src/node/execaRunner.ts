// Runs each step as one shell process through execa: detached in its own process group,
// stdin closed, output streamed with back-pressure, the whole tree ended on timeout,
// cancel, exit (leftover grandchildren) and disposeAll().
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { execa } from 'execa';
import type { OutputHandler, OutputStream, ProcessOutcome, ProcessRequest, ProcessRunner } from '../core/ports';
import { endProcessGroup } from './processGroup';

export interface ExecaRunnerOptions {
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs?: number;
}

/** How long the pipes may stay silent, after the step's group is gone, before we stop reading. */
const PIPE_IDLE_MS = 1000;

const ERREXIT_SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh']);
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ksh', 'mksh']);

/** `bash -e -o pipefail -c CMD`: a multi-line step fails at its first failing command. */
export function shellArguments(shell: string, command: string): string[] {
  const name = basename(shell);
  const flags = ERREXIT_SHELLS.has(name) ? ['-e'] : [];
  if (PIPEFAIL_SHELLS.has(name)) flags.push('-o', 'pipefail');
  return [...flags, '-c', command];
}

interface Live {
  pid: number;
  end(reason: 'cancelled'): Promise<void>;
}

const notStarted = (spawnError: string): ProcessOutcome => ({
  exitCode: null, signal: null, timedOut: false, cancelled: false, spawnError,
});

export class ExecaProcessRunner implements ProcessRunner {
  private readonly live = new Set<Live>();
  private readonly graceMs: number;
  // If this process exits with steps still running (a host crash or process.exit), take
  // their process groups down with it: nothing a run started may outlive it.
  private readonly killAllNow = () => {
    for (const entry of this.live) {
      try {
        process.kill(-entry.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };

  constructor(options: ExecaRunnerOptions = {}) {
    this.graceMs = options.killGraceMs ?? 3000;
  }

  async run(request: ProcessRequest, onOutput: OutputHandler, signal?: AbortSignal): Promise<ProcessOutcome> {
    if (signal?.aborted) return { ...notStarted(''), spawnError: null, cancelled: true };

    const child = execa(request.shell, shellArguments(request.shell, request.command), {
      cwd: request.cwd,
      env: request.env,
      extendEnv: false,
      stdin: 'ignore',
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      detached: true,
      cleanup: false,
      reject: false,
      windowsHide: true,
    });
    const pid = child.pid;
    if (pid === undefined) {
      const result = await child;
      // The cwd is checked only now, when spawning failed: no extra work on the common path.
      const cwdProblem = await stat(request.cwd).then(
        (s) => (s.isDirectory() ? null : `working directory is not a directory: ${request.cwd}`),
        () => `working directory not found: ${request.cwd}`,
      );
      const missing = (result as { code?: string }).code === 'ENOENT';
      return notStarted(cwdProblem ?? (missing ? `shell not found: ${request.shell}` : result.shortMessage ?? 'could not start'));
    }

    let timedOut = false;
    let cancelled = false;
    let ending: Promise<void> | null = null;
    const endTree = (): Promise<void> => (ending ??= endProcessGroup(pid, this.graceMs));
    const entry: Live = {
      pid,
      end: () => {
        cancelled = true;
        return endTree();
      },
    };
    if (this.live.size === 0) process.once('exit', this.killAllNow);
    this.live.add(entry);

    const timer =
      request.background || !(request.timeoutMs > 0)
        ? null
        : setTimeout(() => {
            timedOut = true;
            void endTree();
          }, request.timeoutMs);
    const onAbort = () => void entry.end('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });

    const streams = [pump(child.stdout as Readable, 'stdout', onOutput), pump(child.stderr as Readable, 'stderr', onOutput)];
    // When the shell exits, end what it left behind in its group (they would hold the pipes
    // open). If something escaped the group (setsid) and still holds them, stop waiting once
    // the pipes have been idle for a while — never while output is still being consumed.
    let watchdog: ReturnType<typeof setInterval> | null = null;
    child.once('exit', () => {
      void endTree().then(() => {
        watchdog = setInterval(() => {
          const open = streams.filter((p) => !p.stream.readableEnded && !p.stream.destroyed);
          if (open.length === 0 || open.some((p) => p.busy() || Date.now() - p.lastData() < PIPE_IDLE_MS)) return;
          for (const p of open) p.stream.destroy();
        }, PIPE_IDLE_MS / 2);
        watchdog.unref();
      });
    });

    try {
      const result = await child;
      await ending;
      return {
        exitCode: result.exitCode ?? null,
        signal: result.signal ?? null,
        timedOut,
        cancelled: cancelled && !timedOut,
        spawnError: null,
      };
    } finally {
      if (timer) clearTimeout(timer);
      if (watchdog) clearInterval(watchdog);
      signal?.removeEventListener('abort', onAbort);
      this.live.delete(entry);
      if (this.live.size === 0) process.removeListener('exit', this.killAllNow);
    }
  }

  async disposeAll(): Promise<void> {
    await Promise.all([...this.live].map((entry) => entry.end('cancelled')));
  }
}

interface Pump {
  stream: Readable;
  /** When data last arrived (ms since epoch). */
  lastData(): number;
  /** True while the handler is still taking the last chunk (back-pressure). */
  busy(): boolean;
}

function pump(stream: Readable, name: OutputStream, onOutput: OutputHandler): Pump {
  let last = Date.now();
  let waiting = false;
  stream.on('data', (chunk: Uint8Array) => {
    last = Date.now();
    const pressure = onOutput(chunk, name);
    if (pressure) {
      waiting = true;
      stream.pause();
      const resume = () => {
        waiting = false;
        last = Date.now();
        stream.resume();
      };
      pressure.then(resume, resume);
    }
  });
  return { stream, lastData: () => last, busy: () => waiting };
}

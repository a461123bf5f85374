// Runs each step as one shell process through execa: detached in its own process group,
// stdin closed, output streamed with back-pressure, under the shell flags of shell.ts. Every
// process of the step carries its marks (stepProcesses.ts), so when the step ends — its shell
// exits, times out, is cancelled — the whole group and every marked process that escaped it
// (setsid, double fork) are ended. Background steps keep running until disposeAll() or the
// run's reap(cookie); whatever is live when this process exits is killed with it.
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { execa } from 'execa';
import type { OutputHandler, OutputStream, ProcessOutcome, ProcessRequest, ProcessRunner } from '../core/ports';
import { COOKIE_VARIABLE, OWNER_VARIABLE, endMarked, environValue, findMarked, ownerAliveElsewhere } from './processReaper';
import { shellInvocation } from './shell';
import { StepMarks, StepProcesses } from './stepProcesses';

export interface ExecaRunnerOptions {
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs?: number;
}

/** How long the pipes may stay silent, after the step's processes are gone, before we stop reading. */
const PIPE_IDLE_MS = 1000;

interface Live {
  processes: StepProcesses;
  /** Cancels a running step (its outcome says so) and ends everything it started. */
  end(): Promise<void>;
}

export class ExecaProcessRunner implements ProcessRunner {
  /** Running steps, and background steps whose shell exited but whose processes may live on. */
  private readonly live = new Set<Live>();
  private readonly graceMs: number;

  constructor(options: ExecaRunnerOptions = {}) {
    this.graceMs = options.killGraceMs ?? 3000;
  }

  async run(request: ProcessRequest, onOutput: OutputHandler, signal?: AbortSignal): Promise<ProcessOutcome> {
    const how = shellInvocation(request.shell, request.command);
    const outcome = (fields: Partial<ProcessOutcome>): ProcessOutcome => ({
      exitCode: null, signal: null, timedOut: false, cancelled: false, spawnError: null,
      shell: request.shell, shellFlags: how.flags, ...fields,
    });
    if (signal?.aborted) return outcome({ cancelled: true });

    const marks = new StepMarks(request.cookie);
    const child = execa(how.file, how.args, {
      cwd: request.cwd,
      env: { ...request.env, ...how.env, ...marks.environment() },
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
    if (pid === undefined) return outcome({ spawnError: await spawnProblem(request, await child) });

    const processes = new StepProcesses(pid, marks, this.graceMs);
    let timedOut = false;
    let cancelled = false;
    const entry: Live = {
      processes,
      end: () => {
        cancelled = true;
        return processes.end();
      },
    };
    this.live.add(entry);

    const timer =
      request.background || !(request.timeoutMs > 0)
        ? null
        : setTimeout(() => {
            timedOut = true;
            void processes.end();
          }, request.timeoutMs);
    const onAbort = () => void entry.end();
    signal?.addEventListener('abort', onAbort, { once: true });

    const streams = [pump(child.stdout as Readable, 'stdout', onOutput), pump(child.stderr as Readable, 'stderr', onOutput)];
    // When the shell exits, a step's leftovers are ended (they would hold the pipes open); a
    // background step's live on. If something unmarked still holds the pipes (it cleared its
    // environment), stop waiting once they have been idle a while — never while output is
    // still being consumed.
    let watchdog: ReturnType<typeof setInterval> | null = null;
    let leftovers: Promise<void> = Promise.resolve();
    child.once('exit', () => {
      if (request.background) processes.shellGone();
      else leftovers = processes.end();
      void leftovers.then(() => {
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
      await leftovers;
      return outcome({
        exitCode: result.exitCode ?? null,
        signal: result.signal ?? null,
        timedOut,
        cancelled: cancelled && !timedOut,
      });
    } finally {
      if (timer) clearTimeout(timer);
      if (watchdog) clearInterval(watchdog);
      signal?.removeEventListener('abort', onAbort);
      if (!request.background) this.live.delete(entry);
    }
  }

  /** Ends every running step and every background step's processes. */
  async disposeAll(): Promise<void> {
    const entries = [...this.live];
    this.live.clear();
    await Promise.all(entries.map((entry) => entry.end()));
  }

  /**
   * Ends every process on this host that carries the run's cookie, except those a live runner
   * in another process started (a `mark` in a second terminal must not end the steps of the
   * `run` in the first). Returns how many were ended; 0 where there is no /proc.
   */
  async reap(cookie: string): Promise<number> {
    if (cookie === '') return 0;
    const mark = { name: COOKIE_VARIABLE, value: cookie };
    const orphanedOrOurs = (environ: Buffer) => {
      const owner = environValue(environ, OWNER_VARIABLE);
      return owner === null || !ownerAliveElsewhere(owner);
    };
    return endMarked(() => findMarked(mark, { accept: orphanedOrOurs }), this.graceMs);
  }
}

async function spawnProblem(request: ProcessRequest, result: { code?: string; shortMessage?: string }): Promise<string> {
  // The cwd is checked only now, when spawning failed: no extra work on the common path.
  const cwdProblem = await stat(request.cwd).then(
    (s) => (s.isDirectory() ? null : `working directory is not a directory: ${request.cwd}`),
    () => `working directory not found: ${request.cwd}`,
  );
  return cwdProblem ?? (result.code === 'ENOENT' ? `shell not found: ${request.shell}` : result.shortMessage ?? 'could not start');
}

interface Pump {
  stream: Readable;
  /** When data last arrived (ms since epoch). */
  lastData(): number;
  /** True while the handler is still taking the last chunk (back-pressure). */
  busy(): boolean;
}

/** Hands each chunk on as it comes (no buffering, so linear in the output); pauses while the handler asks to. */
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

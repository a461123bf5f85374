// One attempt of one step: a fresh log, "running" committed, output streamed through the
// masking pipeline into the log and the host, the verdict decided from how it ended and what
// it printed or wrote, then "ended" committed with the gates it observed.
import type { Clock, OutputStream, ProcessOutcome, ProcessRunner, RunStore } from '../ports';
import type { Step } from '../runbook/model';
import type { RunEvent } from './events';
import type { Attempt, RunRecord } from './record';
import type { SecretMasker } from '../secrets/secretMasker';
import { StepOutput } from './stepOutput';
import { judgeAttempt, type ResultsReader } from './attemptVerdict';

export interface AttemptHost {
  readonly store: RunStore;
  readonly runner: ProcessRunner;
  readonly clock: Clock;
  readonly masker: SecretMasker;
  readonly shell: string;
  /** The flags the runner runs that shell with (docs/shell-semantics.md), for the record while the step runs. */
  readonly shellFlags: string[];
  readonly defaultTimeoutMs: number;
  /** The environment every step gets (inputs included). */
  readonly env: Record<string, string>;
  readonly cookie: string;
  readonly session: number;
  readonly results: ResultsReader;
  commit(events: RunEvent[]): Promise<RunRecord>;
  onOutput?(stepId: string, text: string, stream: OutputStream): void | Promise<void>;
}

/** Which events record the attempt: a runbook step's by default; `exec` evidence records its own. */
export interface AttemptEvents {
  started(attempt: Attempt): RunEvent[];
  ended(attempt: Attempt): RunEvent[];
}

export interface AttemptRequest {
  step: Step;
  events?: AttemptEvents;
  n: number;
  /** The command to run (placeholders filled); the record keeps it masked. */
  command: string;
  cwd: { relative: string; absolute: string };
}

/** Runs the attempt; resolves once it ended and its evidence is committed. */
export async function runAttempt(host: AttemptHost, request: AttemptRequest, signal?: AbortSignal): Promise<Attempt> {
  const { step, n, cwd } = request;
  const started = host.clock.now();
  let log = null;
  let logError: string | null = null;
  try {
    log = await host.store.openLog(step.id, n);
  } catch (error) {
    logError = (error as Error).message;
  }
  const running: Attempt = {
    n, session: host.session, status: 'running', outcome: 'running', command: host.masker.mask(request.command),
    cwd: cwd.relative, shell: host.shell, shellFlags: host.shellFlags, startedAt: started.toISOString(), endedAt: null,
    durationMs: null, exitCode: null, signal: null, logPath: log?.relativePath ?? null, logSha256: null, logBytes: 0,
    results: null, values: [],
  };
  const record: AttemptEvents = request.events ?? {
    started: (a) => [{ type: 'attempt-started', at: a.startedAt!, stepId: step.id, attempt: a }],
    ended: (a) => [{ type: 'attempt-ended', at: a.endedAt!, stepId: step.id, attempt: a }],
  };
  await host.commit(record.started(running));

  const output = new StepOutput(host.masker, log, (text, stream) => host.onOutput?.(step.id, text, stream), step.annotations.expect);
  const timeoutMs = step.annotations.timeoutMs ?? host.defaultTimeoutMs;
  const end: ProcessOutcome = await host.runner
    .run(
      { command: request.command, shell: host.shell, cwd: cwd.absolute, env: host.env, timeoutMs, cookie: host.cookie, ...(step.annotations.background ? { background: true } : {}) },
      (chunk, stream) => output.handle(chunk, stream),
      signal,
    )
    .catch((error: unknown): ProcessOutcome => ({
      exitCode: null, signal: null, timedOut: false, cancelled: false, spawnError: (error as Error).message ?? String(error), shell: host.shell, shellFlags: host.shellFlags,
    }));
  const finished = await output.finish();
  const ended = host.clock.now();
  const judged = await judgeAttempt({ step, logPath: running.logPath, end, output: finished, timeoutMs, logError, cwd, startedAt: started, results: host.results, signal });
  const mask = (text: string): string => host.masker.mask(text);
  const attempt: Attempt = {
    ...running,
    status: judged.status,
    outcome: host.masker.mask(judged.outcome),
    shell: end.shell || host.shell,
    shellFlags: end.shellFlags,
    endedAt: ended.toISOString(),
    durationMs: Math.max(0, ended.getTime() - started.getTime()),
    exitCode: end.exitCode,
    signal: end.signal,
    logSha256: finished.logSha256,
    logBytes: finished.logBytes,
    // What a results file or a JSON value says is the step's output too: masked like it.
    results: judged.results && {
      ...judged.results,
      error: judged.results.error === null ? null : mask(judged.results.error),
      rows: judged.results.rows.map((row) => ({ ...row, id: mask(row.id), title: mask(row.title), detail: mask(row.detail) })),
    },
    values: judged.values.map((v) => ({ ...v, value: typeof v.value === 'string' ? mask(v.value) : v.value, detail: mask(v.detail) })),
  };
  const events: RunEvent[] = record.ended(attempt);
  for (const observation of judged.observations) {
    events.push({
      type: 'gate-observed', at: attempt.endedAt!, gateId: observation.gateId,
      observation: { at: attempt.endedAt!, source: 'step', stepId: step.id, attempt: n, status: observation.status, value: typeof observation.value === 'string' ? mask(observation.value) : observation.value, note: mask(observation.note), by: null },
    });
  }
  await host.commit(events);
  return attempt;
}

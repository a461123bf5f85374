// Running one command step: open its log, mark it running, stream its output through the
// StepOutput pipeline, and settle its evidence when the process ends.
import type { Clock, OutputStream, ProcessOutcome, ProcessRunner, RunStore } from '../ports';
import type { Step } from '../runbook/model';
import { stepVerdict } from './evidence';
import type { StepEvidence } from './model';
import type { CwdResolution } from './preflight';
import type { SecretMasker } from './secretMasker';
import { StepOutput } from './stepOutput';

/** What a command step needs from its session. */
export interface CommandStepHost {
  readonly store: RunStore;
  readonly runner: ProcessRunner;
  readonly clock: Clock;
  readonly shell: string;
  readonly defaultTimeoutMs: number;
  readonly masker: SecretMasker;
  readonly env: Record<string, string>;
  /** True once finish() has begun (a background step ended then counts as passed). */
  finishing(): boolean;
  started(ev: StepEvidence): void;
  output(stepId: string, text: string, stream: OutputStream): Promise<void> | void;
  settle(ev: StepEvidence, change: Partial<StepEvidence>): void;
}

/**
 * Starts the step and returns once it is running; the returned promise settles when its
 * process has ended and the evidence is recorded.
 */
export async function startCommandStep(
  host: CommandStepHost, step: Step, ev: StepEvidence, cwd: CwdResolution, signal?: AbortSignal,
): Promise<{ done: Promise<void> }> {
  const { clock, masker } = host;
  const background = step.annotations.background === true;
  const started = clock.now();
  let log = null;
  let logError: string | null = null;
  try {
    log = await host.store.openLog(step.id);
  } catch (error) {
    logError = (error as Error).message;
  }
  Object.assign(ev, {
    title: masker.mask(step.title),
    command: masker.mask(step.command),
    status: 'running',
    startedAt: started.toISOString(),
    endedAt: null,
    durationMs: null,
    exitCode: null,
    outcome: background ? 'running in background' : '',
    logPath: log?.relativePath ?? null,
    logSha256: null,
  });
  if (background) ev.background = true;
  host.started(ev);

  const output = new StepOutput(masker, log, (text, stream) => host.output(step.id, text, stream), step.annotations.expect);
  const timeoutMs = step.annotations.timeoutMs ?? host.defaultTimeoutMs;
  const request = {
    command: step.command,
    shell: host.shell,
    cwd: cwd.absolute,
    env: host.env,
    timeoutMs,
    ...(background ? { background: true } : {}),
  };
  const done = host.runner
    .run(request, (chunk, stream) => output.handle(chunk, stream), signal)
    .catch((error: unknown): ProcessOutcome => ({
      exitCode: null, signal: null, timedOut: false, cancelled: false, spawnError: (error as Error).message ?? String(error),
    }))
    .then(async (end) => {
      const result = await output.finish();
      const verdict = stepVerdict(step, end, result, timeoutMs, host.finishing(), logError);
      const ended = clock.now();
      delete ev.background;
      host.settle(ev, {
        status: verdict.status,
        outcome: masker.mask(verdict.outcome),
        exitCode: end.exitCode,
        endedAt: ended.toISOString(),
        durationMs: Math.max(0, ended.getTime() - started.getTime()),
        logSha256: result.logSha256,
      });
    });
  return { done };
}

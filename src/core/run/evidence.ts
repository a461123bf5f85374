// Building and judging one step's evidence record.
import type { ProcessOutcome } from '../ports';
import type { Step } from '../runbook/model';
import type { StepEvidence } from './model';
import { decideOutcome, type StepVerdict } from './outcome';
import type { CwdResolution } from './preflight';
import type { SecretMasker } from './secretMasker';
import { isManualStep } from './selectSteps';
import type { StepOutputResult } from './stepOutput';

export const MANUAL_PENDING = 'manual check: needs a verdict';

/** The fields a step that did not start (blocked, skipped) must not keep from an earlier run. */
export const NOT_STARTED = {
  startedAt: null, endedAt: null, durationMs: null, exitCode: null, logPath: null, logSha256: null,
} as const satisfies Partial<StepEvidence>;

export function initialEvidence(step: Step, cwd: CwdResolution, masker: SecretMasker, strict: boolean): StepEvidence {
  const manual = isManualStep(step);
  return {
    stepId: step.id,
    title: masker.mask(step.title),
    stageId: step.stageId,
    required: step.required || strict,
    status: 'pending',
    command: masker.mask(step.command),
    cwd: masker.mask(cwd.relative),
    ...NOT_STARTED,
    outcome: manual ? MANUAL_PENDING : '',
    ...(manual ? { manual: true } : {}),
  };
}

/** The verdict on a step that ran; a background step ended by finish() counts as passed. */
export function stepVerdict(
  step: Step, end: ProcessOutcome, output: StepOutputResult, timeoutMs: number, endedByFinish: boolean, logError: string | null,
): StepVerdict {
  if (endedByFinish && step.annotations.background && (end.cancelled || end.signal !== null)) {
    return { status: 'passed', outcome: 'ran in background until the run finished' };
  }
  const { expect, expectExit } = step.annotations;
  const verdict = decideOutcome({
    ...end,
    command: step.command,
    timeoutMs,
    ...output,
    ...(expectExit !== undefined ? { expectExit } : {}),
    ...(expect !== undefined ? { expect } : {}),
    spawnError: end.spawnError ?? logError,
  });
  // The evidence is incomplete if the log could not keep up (disk full): say so.
  return output.logError ? { ...verdict, outcome: `${verdict.outcome} (log incomplete: ${output.logError})` } : verdict;
}

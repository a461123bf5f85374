// Carries out a plan against a run: dependencies looked up, stages started, steps run in
// order. Stage policy (PRODUCT.md, J2): after a required check fails, the stage's read-only
// steps still run (the report shows the whole picture) and its destructive ones are skipped
// with the reason; `on-failure: stop` skips everything after it instead.
import type { Runbook, RunbookInput, Step } from '../runbook/model';
import type { DependencyRecord, RunRecord } from './record';
import type { Plan, WorkItem } from './plan';
import { fillPlaceholders, preflight } from './preflight';
import { runAttempt, type AttemptHost } from './stepAttempt';
import { stepCwd } from './defineRun';

export interface ExecutionContext extends AttemptHost {
  runbook: Runbook;
  /** Workspace-relative path of the runbook. */
  runbookPath: string;
  /** Value of an input: environment variable or placeholder. */
  value(name: string): string | undefined;
  /** Asks the host for inputs the step lacks (the editor prompts; the CLI cannot). */
  askInputs?(inputs: RunbookInput[], step: Step): Promise<void>;
  confirmDestructive(step: Step): Promise<boolean>;
  allowInteractive: boolean;
  /** The step's working directory through the workspace guard; rejects with a message when it leaves the workspace. */
  resolveCwd(relative: string): Promise<string>;
  lookupDependencies(record: RunRecord): Promise<DependencyRecord>;
  /** A background step's attempt: it ends with the session, which waits for its record. */
  trackBackground(attempt: Promise<unknown>): void;
  onRecord?(record: RunRecord): void;
}

export async function executePlan(ctx: ExecutionContext, plan: Plan, signal?: AbortSignal): Promise<RunRecord> {
  let record = await ctx.commit([{ type: 'scope-added', at: ctx.clock.now().toISOString(), scope: plan.scope }]);
  const failedStages = new Set<string>();
  for (const item of plan.work) {
    if (signal?.aborted) break;
    record = await doWork(ctx, record, item, failedStages, signal);
    ctx.onRecord?.(record);
  }
  return record;
}

async function doWork(
  ctx: ExecutionContext, record: RunRecord, item: WorkItem, failedStages: Set<string>, signal?: AbortSignal,
): Promise<RunRecord> {
  const now = () => ctx.clock.now().toISOString();
  switch (item.kind) {
    case 'dependencies': {
      const dependencies = await ctx.lookupDependencies(record);
      return ctx.commit([{ type: 'dependencies-checked', at: now(), dependencies }]);
    }
    case 'stage-start': {
      const stage = record.stages.find((s) => s.id === item.stageId);
      if (!stage || stage.startedAt !== null) return record;
      return ctx.commit([{ type: 'stage-started', at: now(), stageId: item.stageId }]);
    }
    case 'step': {
      const step = ctx.runbook.steps.find((s) => s.id === item.stepId);
      if (!step) return record;
      const notRun = (status: 'skipped' | 'blocked', outcome: string) =>
        ctx.commit([{ type: 'step-not-run', at: now(), stepId: step.id, status, outcome: ctx.masker.mask(outcome) }]);
      if (item.reason) return notRun('skipped', item.reason);
      const policy = stagePolicy(ctx, record, step, item.stageId, failedStages);
      if (policy) return notRun('skipped', policy);
      const relative = stepCwd(step, ctx.runbook, ctx.runbookPath);
      let absolute: string;
      try {
        absolute = await ctx.resolveCwd(relative);
      } catch (error) {
        return notRun('blocked', (error as Error).message);
      }
      await askMissingInputs(ctx, step);
      const blocked = await preflight(step, { value: (n) => ctx.value(n), allowInteractive: ctx.allowInteractive, confirmDestructive: (s) => ctx.confirmDestructive(s) });
      if (blocked) {
        markFailure(step, item.stageId, failedStages);
        return notRun('blocked', blocked);
      }
      const n = (record.steps.find((s) => s.id === step.id)?.attempts.at(-1)?.n ?? 0) + 1;
      const command = fillPlaceholders(step.command, step.placeholders, (name) => ctx.value(name));
      const attempt = runAttempt(ctx, { step, n, command, cwd: { relative, absolute } }, signal);
      if (step.annotations.background) {
        // It runs beside the rest of the run and is ended when the run finishes.
        ctx.trackBackground(attempt.catch(() => undefined));
        return ctx.store.read();
      }
      const done = await attempt;
      if (done.status === 'failed' || done.status === 'blocked') markFailure(step, item.stageId, failedStages);
      return ctx.store.read();
    }
  }
}

function markFailure(step: Step, stageId: string | null, failedStages: Set<string>): void {
  if (stageId !== null && step.required) failedStages.add(stageId);
}

function stagePolicy(ctx: ExecutionContext, record: RunRecord, step: Step, stageId: string | null, failedStages: Set<string>): string | null {
  if (stageId === null || !failedStages.has(stageId)) return null;
  const label = record.stages.find((s) => s.id === stageId)?.label ?? stageId;
  const rule = step.annotations.onFailure ?? record.onFailure;
  if (rule === 'stop') return `skipped: a required check of ${label} failed before it (on-failure: stop)`;
  if (step.destructive) return `skipped: a required check of ${label} failed before this destructive step (${step.destructiveReason ?? 'destructive'})`;
  return null;
}

async function askMissingInputs(ctx: ExecutionContext, step: Step): Promise<void> {
  if (!ctx.askInputs) return;
  const names = [...step.placeholders, ...step.inputs].filter((name) => !ctx.value(name));
  if (names.length === 0) return;
  const inputs = ctx.runbook.inputs.filter((i) => names.includes(i.name));
  if (inputs.length > 0) await ctx.askInputs(inputs, step);
}

// Which steps a selection runs. "All" leaves out steps that must be asked for by name:
// rollback, excludeFromRunAll, destructive and interactive ones. Running a stage is asking
// for its steps, destructive ones included (they are confirmed before they start); the
// others still need their step id.
import type { Runbook, Step } from '../runbook/model';

export interface StepSelection {
  all?: boolean;
  stageIds?: string[];
  stepIds?: string[];
}

export function isManualStep(step: Step): boolean {
  return step.language === 'manual' || step.command.trim() === '';
}

/** Left out of "all" unless named by step id. */
export function needsExplicitSelection(step: Step): boolean {
  return step.annotations.destructive === true || needsStepId(step);
}

/** Left out of "all" and of stage runs unless named by step id. */
function needsStepId(step: Step): boolean {
  const a = step.annotations;
  return step.rollback || a.excludeFromRunAll === true || a.interactive === true;
}

/** Does a user's stage reference ("0", "stage-0", "Stage 0", the title) name this stage? */
export function stageMatches(stage: Runbook['stages'][number], reference: string): boolean {
  const ref = reference.trim().toLowerCase();
  if (ref === stage.id.toLowerCase() || ref === stage.title.toLowerCase()) return true;
  const number = /^(?:(?:stage|phase|step)[-\s]?)?(\d+)$/.exec(ref);
  if (number && stage.number !== null && Number(number[1]) === stage.number) return true;
  return stage.id.toLowerCase() === `stage-${ref}`;
}

export function resolveStageIds(runbook: Runbook, references: readonly string[]): string[] {
  return runbook.stages.filter((s) => references.some((r) => stageMatches(s, r))).map((s) => s.id);
}

/** The steps to run, in document order. */
export function selectSteps(runbook: Runbook, selection: StepSelection): Step[] {
  const stageIds = new Set(resolveStageIds(runbook, selection.stageIds ?? []));
  const stepIds = new Set(selection.stepIds ?? []);
  return runbook.steps.filter((step) => {
    if (stepIds.has(step.id)) return true;
    if (needsStepId(step)) return false;
    if (step.stageId !== null && stageIds.has(step.stageId)) return true;
    return selection.all === true && !needsExplicitSelection(step);
  });
}

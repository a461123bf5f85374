// What one `run` does, in order: look up dependencies first (a dependency check never waits
// on a failed test), then each stage in document order — start it (holds count from here) and
// run the steps of its command checks — then steps asked for by id. Which steps "run all" and
// a stage run leave out is decided here (PRODUCT.md, "Steps").
import type { Runbook, Step } from '../runbook/model';
import { stageMatches } from '../runbook/stageReference';
import type { RunScope } from './record';

export interface Selection {
  all?: boolean;
  /** Stage references as a user types them: "0", "stage-0", "Stage 0", "A", "2+", a title. */
  stageIds?: string[];
  checkIds?: string[];
  stepIds?: string[];
}

export type WorkItem =
  | { kind: 'dependencies' }
  | { kind: 'stage-start'; stageId: string }
  /** `reason` set: the step is not run, and says why (skipped). */
  | { kind: 'step'; stepId: string; stageId: string | null; checkIds: string[]; explicit: boolean; reason: string | null };

export interface Plan {
  scope: RunScope;
  work: WorkItem[];
}


export function resolveStages(runbook: Runbook, references: readonly string[]): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const ref of references) {
    const stage = runbook.stages.find((s) => stageMatches(s, ref));
    if (stage) ids.push(stage.id);
    else unknown.push(ref);
  }
  return { ids: [...new Set(ids)], unknown };
}

/** Left out unless asked for by id: rollback steps, excludeFromRunAll, interactive ones. */
function needsStepId(step: Step): string | null {
  if (step.rollback) return 'a rollback step: it runs only when asked for by id';
  if (step.annotations.excludeFromRunAll) return 'excluded from run-all: it runs only when asked for by id';
  return null;
}

export function planSelection(runbook: Runbook, selection: Selection): Plan {
  const stageIds = selection.all ? runbook.stages.map((s) => s.id) : resolveStages(runbook, selection.stageIds ?? []).ids;
  const knownChecks = new Set(runbook.checks.map((c) => c.id));
  const checkIds = (selection.checkIds ?? []).filter((id) => knownChecks.has(id));
  const explicitSteps = new Set(selection.stepIds ?? []);
  const stepsById = new Map(runbook.steps.map((s) => [s.id, s]));
  // Looked up by id, not searched: a long runbook has thousands of stages, checks and steps.
  const selectedStages = new Set(stageIds);
  const selectedChecks = new Set(checkIds);
  const checks = runbook.checks.filter((c) => selectedStages.has(c.stageId) || selectedChecks.has(c.id));
  const checksOfStage = groupBy(checks, (c) => [c.stageId]);
  const explicitOfStage = groupBy(runbook.steps.filter((s) => explicitSteps.has(s.id)), (s) => (s.stageId === null ? [] : [s.stageId]));
  // Every check that runs a step, in the runbook's order (each once).
  const checkIdsOfStep = groupBy(runbook.checks, (c) => [...new Set(c.stepIds)]);
  const checksRunning = (step: Step): string[] => (checkIdsOfStep.get(step.id) ?? []).map((c) => c.id);

  const work: WorkItem[] = [];
  if (checks.some((c) => c.kind === 'dependency')) work.push({ kind: 'dependencies' });
  const planned = new Set<string>();
  const addStep = (step: Step, stageId: string | null, checkIdsOfStep: string[]) => {
    if (planned.has(step.id)) return;
    planned.add(step.id);
    const explicit = explicitSteps.has(step.id);
    let reason = explicit ? null : needsStepId(step);
    if (!reason && !explicit && selection.all && step.destructive) {
      reason = `destructive (${step.destructiveReason ?? 'annotated'}): not part of run all; run its stage or its id`;
    }
    work.push({ kind: 'step', stepId: step.id, stageId, checkIds: checkIdsOfStep, explicit, reason });
  };

  for (const stage of runbook.stages) {
    const stageChecks = checksOfStage.get(stage.id) ?? [];
    const stageSteps = explicitOfStage.get(stage.id) ?? [];
    if (stageChecks.length === 0 && stageSteps.length === 0 && !selectedStages.has(stage.id)) continue;
    work.push({ kind: 'stage-start', stageId: stage.id });
    // In the order the stage reads: a step written in the stage at its own line, a step kept
    // elsewhere (an appendix) at the line of the check that names it. So "Apply the migration"
    // runs before the checklist item under it that verifies the row counts.
    const ordered: Array<{ step: Step; line: number; index: number }> = [];
    for (const check of stageChecks) {
      for (const id of check.stepIds) {
        const step = stepsById.get(id);
        if (!step) continue;
        const inStage = step.range.startLine >= stage.range.startLine && step.range.startLine <= stage.range.endLine;
        ordered.push({ step, line: inStage ? step.range.startLine : check.range.startLine, index: ordered.length });
      }
    }
    ordered.sort((a, b) => a.line - b.line || a.index - b.index);
    for (const { step } of ordered) addStep(step, stage.id, checksRunning(step));
  }
  // Steps asked for by id; under "all" the steps no check names (they are their own checks);
  // and, when a stage runs, the steps that observe KPI gates: gates decide whether stages may
  // advance, so they are in scope (docs/conventions.md, "Gates in scope").
  const stageRuns = runbook.stages.some((s) => s.kind === 'stage' && selectedStages.has(s.id));
  const observers: string[] = [];
  for (const step of runbook.steps) {
    const loose = !checkIdsOfStep.has(step.id);
    const runnable = needsStepId(step) === null && !step.destructive;
    const observesGate = stageRuns && runnable && (step.annotations.gate ?? []).length > 0;
    if (explicitSteps.has(step.id) || (selection.all && loose && runnable) || observesGate) {
      if (observesGate && !planned.has(step.id)) observers.push(step.id);
      addStep(step, step.stageId, checksRunning(step));
    }
  }
  const stepIds = [...explicitSteps, ...observers].filter((id) => stepsById.has(id));
  if (selection.all) {
    const listed = new Set(stepIds);
    for (const item of work) {
      if (item.kind !== 'step' || item.reason !== null || listed.has(item.stepId)) continue;
      listed.add(item.stepId);
      stepIds.push(item.stepId);
    }
  }
  return { scope: { stageIds, checkIds, stepIds, gateIds: [] }, work };
}

/** Items by each key `keysOf` gives, in the items' order. */
function groupBy<T>(items: readonly T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

// Step statuses -> stage (or section) verdicts. Steps that sit in no stage are grouped
// under their section, so a plain runbook (seed 001: commands under "4. Monitoring
// Commands") still gets "stage or section results".
import type { Runbook, Step } from '../runbook/model';
import type { RunRecord, StepEvidence } from '../run/model';
import { selectSteps } from '../run/selectSteps';

export type StageVerdict = 'PASS' | 'FAIL' | 'BLOCKED' | 'NOT RUN';

export interface GroupResult {
  kind: 'stage' | 'section' | 'ungrouped';
  /** Stage id, section id, or "ungrouped". */
  id: string;
  number: number | null;
  title: string;
  /** "Stage 0 (Gate preflight)" or "Section (4. Monitoring Commands)". */
  label: string;
  verdict: StageVerdict;
  /** Evidence of the group's steps that were in the run's scope, in runbook order. */
  items: StepEvidence[];
  /** Whether each item counted as required for the verdict (strict makes all required). */
  requiredIds: string[];
  /** Source line of the stage or section, for ordering. */
  line: number;
}

/** The verdict of one group from its in-scope items. `strict` makes optional items required. */
export function verdictOf(items: readonly StepEvidence[], strict: boolean): StageVerdict {
  const required = items.filter((item) => strict || item.required);
  if (required.some((item) => item.status === 'failed')) return 'FAIL';
  if (required.some((item) => item.status === 'blocked')) return 'BLOCKED';
  if (required.length === 0) {
    // Nothing required: PASS once anything in the group actually ran.
    return items.some((item) => item.status !== 'pending') ? 'PASS' : 'NOT RUN';
  }
  return required.every((item) => item.status === 'passed') ? 'PASS' : 'NOT RUN';
}

/** Steps the run asked for (the session's selection rules) or touched. */
function stepsInScope(runbook: Runbook, record: RunRecord): Set<string> {
  const ids = new Set(selectSteps(runbook, record.scope).map((step) => step.id));
  for (const evidence of record.steps) {
    if (evidence.status !== 'pending' || evidence.selected === true) ids.add(evidence.stepId);
  }
  return ids;
}

function groupKey(step: Step): { kind: GroupResult['kind']; id: string } {
  if (step.stageId !== null) return { kind: 'stage', id: step.stageId };
  if (step.sectionId !== null) return { kind: 'section', id: step.sectionId };
  return { kind: 'ungrouped', id: 'ungrouped' };
}

function describeGroup(runbook: Runbook, kind: GroupResult['kind'], id: string): Pick<GroupResult, 'number' | 'title' | 'label' | 'line'> {
  if (kind === 'stage') {
    const stage = runbook.stages.find((s) => s.id === id);
    if (stage) {
      const head = stage.number !== null ? `${stage.marker || 'Stage'} ${stage.number}` : stage.marker || 'Stage';
      return { number: stage.number, title: stage.title, label: `${head} (${stage.title})`, line: stage.range.startLine };
    }
    return { number: null, title: id, label: `Stage (${id})`, line: Number.MAX_SAFE_INTEGER };
  }
  if (kind === 'section') {
    const section = runbook.sections.find((s) => s.id === id);
    if (section) return { number: null, title: section.title, label: `Section (${section.title})`, line: section.range.startLine };
    return { number: null, title: id, label: `Section (${id})`, line: Number.MAX_SAFE_INTEGER };
  }
  return { number: null, title: 'Outside any section', label: 'Steps outside any section', line: 0 };
}

/**
 * Groups the in-scope steps by stage (else section) and gives each group its verdict.
 * Groups with no in-scope step are left out: they were not part of this run.
 */
export function groupResults(runbook: Runbook, record: RunRecord, strict: boolean): GroupResult[] {
  const evidenceById = new Map(record.steps.map((e) => [e.stepId, e]));
  const groups = new Map<string, { kind: GroupResult['kind']; id: string; items: StepEvidence[]; firstLine: number }>();
  const known = new Set(runbook.steps.map((s) => s.id));
  const inScope = stepsInScope(runbook, record);
  for (const step of runbook.steps) {
    const evidence = evidenceById.get(step.id);
    if (!inScope.has(step.id)) continue;
    const key = groupKey({ ...step, stageId: evidence?.stageId ?? step.stageId });
    const mapKey = `${key.kind}:${key.id}`;
    const group = groups.get(mapKey) ?? { ...key, items: [], firstLine: step.range.startLine };
    group.items.push(evidence ?? pendingEvidence(step));
    groups.set(mapKey, group);
  }
  // Evidence for steps the runbook no longer has (edited since) still counts, by its stage.
  for (const evidence of record.steps) {
    if (known.has(evidence.stepId) || evidence.status === 'pending') continue;
    const key = evidence.stageId !== null ? { kind: 'stage' as const, id: evidence.stageId } : { kind: 'ungrouped' as const, id: 'ungrouped' };
    const mapKey = `${key.kind}:${key.id}`;
    const group = groups.get(mapKey) ?? { ...key, items: [], firstLine: Number.MAX_SAFE_INTEGER };
    group.items.push(evidence);
    groups.set(mapKey, group);
  }
  return [...groups.values()]
    .map((group) => {
      const described = describeGroup(runbook, group.kind, group.id);
      return {
        kind: group.kind,
        id: group.id,
        ...described,
        line: Math.min(described.line, group.firstLine),
        verdict: verdictOf(group.items, strict),
        items: group.items,
        requiredIds: group.items.filter((i) => strict || i.required).map((i) => i.stepId),
      };
    })
    .sort((a, b) => a.line - b.line);
}

function pendingEvidence(step: Step): StepEvidence {
  return {
    stepId: step.id,
    title: step.title,
    stageId: step.stageId,
    required: step.required,
    status: 'pending',
    command: step.command,
    cwd: '',
    startedAt: null,
    endedAt: null,
    durationMs: null,
    exitCode: null,
    outcome: 'not run',
    logPath: null,
    logSha256: null,
  };
}

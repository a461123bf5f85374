// What follows from the evidence: each step's status (its latest attempt, or why it did not
// run), each check's status by its kind, holds against the record's last change, gates from
// their observations, and which gates the run's scope covers. Recomputed after every event,
// never stored as an input: marks, attempts, observations and dependency states are the facts.
import type { CheckRecord, CheckStatus, DependencyRecord, GateRecord, RunRecord, StepRecord, StepStatus } from './record';
import { describeRemaining, holdUntil, shortTime } from './holds';
import { scopeTest } from './scope';
import { dependencyItemsOf } from './dependencyItems';
import { idList } from '../runbook/rules/text';

export function deriveRecord(record: RunRecord): RunRecord {
  for (const step of record.steps) deriveStep(step);
  record.dependencies.status = dependencyStatus(record.dependencies);
  const governs = gatesInScope(record);
  for (const gate of record.gates) deriveGate(gate, governs);
  const steps = new Map(record.steps.map((s) => [s.id, s]));
  const gates = new Map(record.gates.map((g) => [g.id, g]));
  const stages = new Map(record.stages.map((s) => [s.id, s]));
  for (const check of record.checks) {
    const stageStart = stages.get(check.stageId)?.startedAt ?? null;
    const { status, outcome } = check.mark
      ? { status: check.mark.status as CheckStatus, outcome: markOutcome(check) }
      : checkVerdict(check, { steps, gates, record, stageStart });
    if (check.hold) {
      check.hold.startedAt = stageStart;
      check.hold.until = stageStart ? holdUntil(check.hold, stageStart) : null;
    }
    if (status !== check.status || outcome !== check.outcome) check.updatedAt = record.updatedAt;
    check.status = status;
    check.outcome = outcome;
  }
  return record;
}

function deriveStep(step: StepRecord): void {
  const last = step.attempts[step.attempts.length - 1];
  const lastAt = last ? (last.endedAt ?? last.startedAt ?? '') : '';
  if (step.notRun && (!last || step.notRun.at >= lastAt) && last?.status !== 'running') {
    step.status = step.notRun.status;
    step.outcome = step.notRun.outcome;
  } else if (last) {
    step.status = last.status;
    step.outcome = last.outcome;
  } else {
    step.status = 'pending';
    step.outcome = '';
  }
}

function markOutcome(check: CheckRecord): string {
  const mark = check.mark!;
  const by = mark.by ? ` by ${mark.by}` : '';
  return `marked ${mark.status}${by}${mark.note ? `: ${mark.note}` : ''}`;
}

interface Lookup {
  steps: Map<string, StepRecord>;
  gates: Map<string, GateRecord>;
  record: RunRecord;
  stageStart: string | null;
}

/** Worst first: one failed step fails the check, one running step keeps it running. */
const STEP_PRECEDENCE: StepStatus[] = ['running', 'failed', 'blocked', 'interrupted', 'cancelled', 'skipped', 'pending', 'passed'];

export function combineStepStatuses(statuses: readonly StepStatus[]): StepStatus {
  for (const status of STEP_PRECEDENCE) if (statuses.includes(status)) return status;
  return 'pending';
}

function checkVerdict(check: CheckRecord, look: Lookup): { status: CheckStatus; outcome: string } {
  switch (check.kind) {
    case 'command':
      return commandVerdict(check, look);
    case 'dependency':
      return dependencyVerdict(check, look.record.dependencies);
    case 'hold':
      return holdVerdict(check, look);
    case 'gate':
      return gateVerdict(check, look);
    case 'manual':
      return { status: 'pending', outcome: 'needs a verdict' };
  }
}

function commandVerdict(check: CheckRecord, look: Lookup): { status: CheckStatus; outcome: string } {
  const steps = check.stepIds.map((id) => look.steps.get(id));
  if (steps.length === 0 || steps.some((s) => s === undefined)) {
    return { status: 'blocked', outcome: 'its step is not in the runbook any more' };
  }
  const known = steps as StepRecord[];
  const status = combineStepStatuses(known.map((s) => s.status));
  if (known.length === 1) return { status, outcome: known[0]!.outcome };
  const passed = known.filter((s) => s.status === 'passed').length;
  const worst = known.find((s) => s.status === status && status !== 'passed');
  return { status, outcome: `${passed} of ${known.length} steps passed${worst?.outcome ? `; ${worst.id}: ${worst.outcome}` : ''}` };
}

function dependencyVerdict(check: CheckRecord, deps: DependencyRecord): { status: CheckStatus; outcome: string } {
  const items = dependencyItemsOf(check, deps);
  if (items.length === 0) return { status: 'blocked', outcome: 'no dependency issues found in the runbook to check' };
  if (deps.checkedAt === null) return { status: 'pending', outcome: `dependency gate: ${items.length} issue${items.length === 1 ? '' : 's'} to check` };
  const failed = items.find((i) => i.error !== null || i.state === null);
  if (failed) return { status: 'blocked', outcome: `${failed.label} could not be checked: ${failed.error ?? deps.reason ?? 'no state'}` };
  const open = items.filter((i) => i.state === 'open');
  if (open.length > 0) return { status: 'failed', outcome: `${open.map((i) => i.label).join(', ')} ${open.length === 1 ? 'is' : 'are'} OPEN` };
  return { status: 'passed', outcome: `${items.length} of ${items.length} dependencies closed` };
}

function holdVerdict(check: CheckRecord, look: Lookup): { status: CheckStatus; outcome: string } {
  const hold = check.hold;
  if (!hold) return { status: 'pending', outcome: 'needs a verdict' };
  if (!look.stageStart) return { status: 'pending', outcome: `hold ${hold.text}: starts when the stage starts` };
  const until = holdUntil(hold, look.stageStart);
  if (until === null) return { status: 'pending', outcome: 'needs a verdict' };
  const now = look.record.updatedAt;
  if (now >= until) return { status: 'passed', outcome: `held ${hold.text} (since ${shortTime(look.stageStart)})` };
  const left = Date.parse(until) - Date.parse(now);
  return { status: 'holding', outcome: `holding until ${shortTime(until)} (${describeRemaining(left)} left)` };
}

function gateVerdict(check: CheckRecord, look: Lookup): { status: CheckStatus; outcome: string } {
  // One pass: "if SLOs remain green" follows every gate of the document.
  const red: GateRecord[] = [];
  const blocked: GateRecord[] = [];
  const waiting: GateRecord[] = [];
  let found = 0;
  for (const id of check.gateIds) {
    const gate = look.gates.get(id);
    if (!gate) continue;
    found++;
    if (gate.status === 'red') red.push(gate);
    else if (gate.status === 'blocked') blocked.push(gate);
    if (gate.status !== 'green') waiting.push(gate);
  }
  if (found === 0) return { status: 'pending', outcome: 'needs a verdict (no KPI gate found)' };
  // Twelve titles and a count.
  const titles = (list: GateRecord[]): string => idList(list, (g) => g.title);
  if (red.length > 0) return { status: 'failed', outcome: `red: ${titles(red)}` };
  if (blocked.length > 0) return { status: 'blocked', outcome: `blocked: ${titles(blocked)}` };
  if (waiting.length > 0) return { status: 'pending', outcome: `not observed: ${titles(waiting)}` };
  return { status: 'passed', outcome: `${found} gate${found === 1 ? '' : 's'} green` };
}

function dependencyStatus(deps: DependencyRecord): DependencyRecord['status'] {
  if (deps.checkedAt === null) return 'not checked';
  if (deps.items.length === 0) return deps.reason ? 'blocked' : 'not checked';
  if (deps.items.some((i) => i.error !== null || i.state === null)) return 'blocked';
  return deps.items.every((i) => i.state === 'closed') ? 'green' : 'red';
}

function deriveGate(gate: GateRecord, inScope: (gate: GateRecord) => boolean): void {
  const last = gate.observations[gate.observations.length - 1];
  gate.status = last ? last.status : 'not observed';
  gate.evidence = last ? observationText(last) : 'not observed in this run';
  gate.inScope = inScope(gate);
}

function observationText(o: GateRecord['observations'][number]): string {
  if (o.source === 'mark') return `marked ${o.status}${o.by ? ` by ${o.by}` : ''}${o.note ? `: ${o.note}` : ''}`;
  return o.note || `${o.stepId ?? 'a step'}: ${o.status}`;
}

/**
 * Which gates govern this run (docs/conventions.md, "Gates in scope"): every KPI/SLO gate
 * when a stage is in scope (gates decide whether stages may advance); otherwise the gates a
 * check in scope follows, a step in scope observes, or that were named explicitly.
 */
export function gatesInScope(record: RunRecord): (gate: GateRecord) => boolean {
  const scope = record.scope;
  const named = new Set(scope.gateIds);
  const stageKinds = new Map(record.stages.map((s) => [s.id, s.kind]));
  const stageInScope = scope.stageIds.some((id) => stageKinds.get(id) === 'stage');
  const inScope = scopeTest(record);
  const followed = new Set<string>();
  for (const check of record.checks) if (check.gateIds.length > 0 && inScope(check)) for (const id of check.gateIds) followed.add(id);
  const steps = new Set(scope.stepIds);
  return (gate) => named.has(gate.id) || stageInScope || followed.has(gate.id) || gate.observations.some((o) => o.stepId !== null && steps.has(o.stepId));
}

// The Go/No-Go decision from a run record alone (PRODUCT.md, "Verdicts"): Go only when every
// stage, gate and dependency in scope is PASS/green. No clock is read: a report regenerated
// from the same run.json says the same thing.
import type { CheckRecord, DependencyItem, GateRecord, MarkRecord, RunRecord, StageRecord, StageVerdict, StepRecord } from '../run/record';
import { checksInScope, scopeIsEmpty } from '../run/scope';
import { countChecks } from './counts';
import type { CheckResult, GateDecision, Problem, Reason, Remedy, StageResult, Subject } from './types';
import { recordIndex } from '../run/recordIndex';

const FINISHED: ReadonlySet<CheckResult['status']> = new Set(['passed', 'failed', 'blocked', 'skipped']);

export function stageVerdictOf(checks: readonly CheckResult[]): StageVerdict {
  const required = checks.filter((c) => c.required);
  if (required.length === 0) {
    // Only optional checks: a failure of one never fails the stage (docs/conventions.md,
    // `required`); the stage passes once they have run.
    if (checks.some((c) => c.status === 'holding')) return 'HOLDING';
    const ran = checks.some((c) => c.status !== 'skipped') && checks.every((c) => FINISHED.has(c.status));
    return ran ? 'PASS' : 'NOT RUN';
  }
  const judged = required;
  if (judged.some((c) => c.status === 'failed')) return 'FAIL';
  if (judged.some((c) => c.status === 'blocked')) return 'BLOCKED';
  if (judged.some((c) => c.status === 'holding')) return 'HOLDING';
  if (judged.length > 0 && judged.every((c) => c.status === 'passed')) return 'PASS';
  return 'NOT RUN';
}

function markedVerdict(mark: MarkRecord): StageVerdict {
  return mark.status === 'passed' ? 'PASS' : mark.status === 'failed' ? 'FAIL' : mark.status === 'blocked' ? 'BLOCKED' : 'NOT RUN';
}

export function decideRun(record: RunRecord, options: { strict?: boolean } = {}): GateDecision {
  const strict = options.strict === true || record.strict;
  const inScope = checksInScope(record);
  const stages = stageResults(record, inScope, strict);
  const gates = record.gates.map((g) => ({ gateId: g.id, status: g.status, inScope: g.inScope }));
  const dependencyInScope = inScope.some((c) => c.kind === 'dependency');
  const reasons: Reason[] = [];
  const passed: Subject[] = [];

  if (scopeIsEmpty(record) || (stages.length === 0 && !gates.some((g) => g.inScope))) {
    reasons.push({ subject: { kind: 'scope' }, problem: { kind: 'nothing-in-scope' }, remedy: { kind: 'select-scope' } });
  }
  const steps = new Map(record.steps.map((s) => [s.id, s]));
  const gateById = new Map(record.gates.map((g) => [g.id, g]));
  const { stages: stageById, checks: checkById } = recordIndex(record);
  for (const stage of stages) {
    const stageRecord = stageById.get(stage.stageId)!;
    if (stage.verdict === 'PASS') {
      passed.push(stageSubject(stageRecord));
      continue;
    }
    if (stageRecord.mark && stageRecord.mark.status !== 'passed') {
      reasons.push(stageMarkReason(record, stageRecord, stageRecord.mark));
      continue;
    }
    if (!stage.checks.some((c) => c.required)) {
      // Only optional checks: a hold still counting down says until when; else they have not run.
      const holding = stage.checks.filter((c) => c.status === 'holding');
      for (const result of holding) reasons.push(checkReason(checkById.get(result.checkId)!, stageRecord, steps, gateById));
      if (holding.length === 0) reasons.push({ subject: stageSubject(stageRecord), problem: { kind: 'not-run' }, remedy: { kind: 'rerun-stage', stageId: stageRecord.id, stageKey: stageRecord.key } });
      continue;
    }
    for (const result of stage.checks) {
      if (!result.required || result.status === 'passed') continue;
      const check = checkById.get(result.checkId)!;
      if (check.kind === 'dependency' && !check.mark) continue; // worded per issue below
      reasons.push(checkReason(check, stageRecord, steps, gateById));
    }
  }
  if (dependencyInScope) {
    const deps = record.dependencies;
    if (deps.status === 'green') passed.push({ kind: 'dependency-gate' });
    else reasons.push(...dependencyReasons(record));
  }
  for (const gate of record.gates) {
    if (!gate.inScope) continue;
    const subject: Subject = { kind: 'gate', gateId: gate.id, title: gate.title };
    if (gate.status === 'green') {
      passed.push(subject);
      continue;
    }
    const problem: Problem = gate.status === 'red' ? { kind: 'gate-red', detail: gate.evidence }
      : gate.status === 'blocked' ? { kind: 'gate-blocked', detail: gate.evidence } : { kind: 'not-observed' };
    reasons.push({ subject, problem, remedy: gateRemedyFor(gate, steps) });
  }
  const go = reasons.length === 0;
  return {
    decision: go ? 'Go' : 'No-Go',
    go,
    decidedAt: record.updatedAt,
    strict,
    stages,
    gates,
    dependencies: dependencyInScope ? record.dependencies.status : 'not checked',
    reasons,
    passed,
    counts: countChecks(record, inScope, strict),
  };
}

function stageResults(record: RunRecord, inScope: readonly CheckRecord[], strict: boolean): StageResult[] {
  const results: StageResult[] = [];
  // By stage, looked up: an "all" run of a long runbook has thousands of stages and checks.
  const byStage = new Map<string, CheckRecord[]>();
  for (const check of inScope) {
    const list = byStage.get(check.stageId);
    if (list) list.push(check);
    else byStage.set(check.stageId, [check]);
  }
  const scopeStages = new Set(record.scope.stageIds);
  for (const stage of record.stages) {
    const checks = byStage.get(stage.id) ?? [];
    if (checks.length === 0 && !scopeStages.has(stage.id)) continue;
    const checkResults = checks.map((c) => ({ checkId: c.id, status: c.status, required: strict || c.required }));
    const holding = checks.filter((c) => c.status === 'holding' && c.hold?.until).map((c) => c.hold!.until!);
    results.push({
      stageId: stage.id,
      label: stage.label,
      kind: stage.kind,
      verdict: stage.mark ? markedVerdict(stage.mark) : stageVerdictOf(checkResults),
      checks: checkResults,
      holdUntil: holding.length > 0 ? holding.sort().at(-1)! : null,
      marked: stage.mark !== null,
    });
  }
  return results;
}

function stageSubject(stage: StageRecord): Subject {
  return { kind: 'stage', stageId: stage.id, label: stage.label };
}

/**
 * A person marked the stage; when an extra evidence command (`exec`) of the stage failed, the
 * reason names it: that probe is what has to pass before the stage is run again.
 */
function stageMarkReason(record: RunRecord, stage: StageRecord, mark: MarkRecord): Reason {
  const probe = [...record.extra].reverse().find((e) => e.stageId === stage.id && (e.attempt.status === 'failed' || e.attempt.status === 'blocked'));
  const note = mark.note || `marked ${mark.status}`;
  const detail = probe ? `${note} (${probe.attempt.outcome})` : note;
  const command = probe?.command ?? null;
  const problem: Problem = mark.status === 'failed' ? { kind: 'failed', detail, command }
    : mark.status === 'blocked' ? { kind: 'blocked', detail, command } : { kind: 'not-run' };
  const remedy: Remedy = probe
    ? { kind: 'fix-and-rerun', stepId: probe.id, command: probe.command, stageId: stage.id, stageKey: stage.key }
    : { kind: 'rerun-stage', stageId: stage.id, stageKey: stage.key };
  return { subject: stageSubject(stage), problem, remedy };
}

/** The first bound step that is in the check's state: whose command and outcome explain it. */
function culprit(check: CheckRecord, steps: Map<string, StepRecord>): StepRecord | undefined {
  const bound = check.stepIds.map((id) => steps.get(id)).filter((s): s is StepRecord => s !== undefined);
  return bound.find((s) => s.status === check.status) ?? bound.find((s) => s.status !== 'passed') ?? bound[0];
}

function checkReason(check: CheckRecord, stage: StageRecord, steps: Map<string, StepRecord>, gates: Map<string, GateRecord>): Reason {
  const subject: Subject = { kind: 'check', checkId: check.id, stageId: stage.id, text: check.text };
  const step = check.kind === 'command' ? culprit(check, steps) : undefined;
  const command = step ? step.command : null;
  const rerun: Remedy = step
    ? { kind: 'fix-and-rerun', stepId: step.id, command: step.command, stageId: stage.id, stageKey: stage.key }
    : { kind: 'rerun-check', checkId: check.id };
  switch (check.status) {
    case 'failed':
      return { subject, problem: { kind: 'failed', detail: check.outcome, command }, remedy: check.kind === 'gate' ? gateRemedy(check, gates, steps) : rerun };
    case 'blocked':
      return { subject, problem: { kind: 'blocked', detail: check.outcome, command }, remedy: step ? blockedRemedy(step, rerun) : rerun };
    case 'holding':
      return {
        subject,
        problem: { kind: 'holding', until: check.hold?.until ?? '', text: check.hold?.text ?? '' },
        remedy: { kind: 'wait-hold', checkId: check.id, until: check.hold?.until ?? '', stageId: stage.id, stageKey: stage.key },
      };
    case 'cancelled':
      return { subject, problem: { kind: 'cancelled', command }, remedy: { kind: 'rerun-stage', stageId: stage.id, stageKey: stage.key } };
    case 'interrupted':
      return { subject, problem: { kind: 'interrupted', command }, remedy: { kind: 'rerun-stage', stageId: stage.id, stageKey: stage.key } };
    default:
      if (check.kind === 'manual' || (check.kind === 'hold' && check.hold?.durationMs === null && check.hold.businessDays === null)) {
        return { subject, problem: { kind: 'awaiting-verdict' }, remedy: { kind: 'mark-check', checkId: check.id } };
      }
      if (check.kind === 'gate') return { subject, problem: { kind: 'not-observed' }, remedy: gateRemedy(check, gates, steps) };
      return { subject, problem: { kind: 'not-run' }, remedy: { kind: 'rerun-stage', stageId: stage.id, stageKey: stage.key } };
  }
}

/** The first of the check's gates that is not green decides what to do. */
function gateRemedy(check: CheckRecord, gates: Map<string, GateRecord>, steps: Map<string, StepRecord>): Remedy {
  const gate = check.gateIds.map((id) => gates.get(id)).find((g): g is GateRecord => g !== undefined && g.status !== 'green');
  return gate ? gateRemedyFor(gate, steps) : { kind: 'mark-check', checkId: check.id };
}

/**
 * A gate a step observed red: bring what it measures back within the threshold and run that
 * step again; one the step could not observe (blocked): fix the step; else observe it.
 */
function gateRemedyFor(gate: GateRecord, steps: Map<string, StepRecord>): Remedy {
  const last = gate.observations.at(-1);
  const step = last?.source === 'step' && last.stepId ? steps.get(last.stepId) : undefined;
  if (step && gate.status === 'red') return { kind: 'restore-gate', gateId: gate.id, stepId: step.id, command: step.command };
  if (step && gate.status !== 'not observed') {
    return { kind: 'fix-and-rerun', stepId: step.id, command: step.command, stageId: step.stageId, stageKey: null };
  }
  return { kind: 'observe-gate', gateId: gate.id };
}

/** The executor's own words for why a step did not start (src/core/run/preflight). */
function blockedRemedy(step: StepRecord, fallback: Remedy): Remedy {
  const outcome = step.outcome;
  const missing = /^missing input: ([^,\s]+)/.exec(outcome);
  if (missing) return { kind: 'provide-input', name: missing[1]!, stepId: step.id };
  const placeholder = /^fill in (<[^>]+>)/.exec(outcome);
  if (placeholder) return { kind: 'fill-placeholder', name: placeholder[1]!, stepId: step.id };
  if (outcome.startsWith('destructive:')) return { kind: 'confirm-destructive', stepId: step.id };
  return fallback;
}

function dependencyReasons(record: RunRecord): Reason[] {
  const deps = record.dependencies;
  if (deps.items.length === 0 || (deps.checkedAt === null && deps.reason === null)) {
    const reason = deps.reason ?? (deps.items.length === 0 ? 'no dependency issues found in the runbook' : 'the dependency gate was not checked');
    return [{ subject: { kind: 'dependency-gate' }, problem: { kind: 'not-checked', reason }, remedy: githubRemedy(reason) }];
  }
  // Lookups that failed the same way (GitHub unreachable, no token) are one problem, named once.
  const failed = new Map<string, { labels: string[]; error: string; kind: DependencyItem['errorKind'] | null }>();
  const reasons: Reason[] = [];
  for (const item of deps.items) {
    if (item.error !== null || item.state === null) {
      const error = item.error ?? deps.reason ?? 'not checked';
      const key = item.errorKind ?? error;
      const group = failed.get(key) ?? { labels: [], error, kind: item.errorKind ?? null };
      group.labels.push(item.label);
      failed.set(key, group);
      continue;
    }
    if (item.state === 'closed') continue;
    reasons.push({ subject: { kind: 'dependency', label: item.label, url: item.url }, problem: { kind: 'issue-open', title: item.title ?? '' }, remedy: { kind: 'close-issue', label: item.label, url: item.url } });
  }
  const lookups = [...failed.values()].map((group): Reason => {
    const subject: Subject = group.labels.length === 1
      ? { kind: 'dependency', label: group.labels[0]!, url: null }
      : { kind: 'dependency', label: group.labels.join(', '), url: null };
    return { subject, problem: { kind: 'lookup-failed', error: group.error }, remedy: githubRemedy(group.error, group.kind) };
  });
  return [...lookups, ...reasons];
}

function githubRemedy(error: string, kind: DependencyItem['errorKind'] | null = null): Remedy {
  const need: Extract<Remedy, { kind: 'configure-github' }>['need'] =
    kind === 'no-repository' ? 'repository'
      : kind === 'unauthorized' || kind === 'no-client' ? 'token'
        : kind === 'forbidden' || kind === 'not-found' ? 'access'
          : kind === 'network' || kind === 'timeout' || kind === 'server' || kind === 'rate-limited' || kind === 'malformed' ? 'network'
            : /no repository/i.test(error) ? 'repository' : 'network';
  // The reason's problem says what GitHub answered; the remedy says only what to do.
  return { kind: 'configure-github', need };
}

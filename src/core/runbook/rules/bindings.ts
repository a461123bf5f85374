// Which steps each check runs, in order of precedence:
//   1. comment   `<!-- runbook: run=step-id -->` on the item;
//   2. annotation a step's `check=stage-0.2` (a step that names a check goes only there);
//   3. position  a fence nested in the item, an inline command in it, or a fence right after it
//                (at most one blank line between) when the item is a task or ends with a colon;
//   4. inferred  the matcher of inferBindings.ts, for checks that read as manual.
// Then every step in a stage (or checklist) that no check runs becomes a command check of its
// own, appended after the stage's items; and a stage with no checks at all gets one from its own
// line ("Stage 3: soak for 24 hours"). Steps outside stages that nothing binds stay unbound:
// runnable on their own in their section.
import type { Check, RunbookDiagnostic, SourceRange, Stage, Step } from '../model';
import type { Draft, DraftCheck } from './draft';
import { inferBindings, type Suggestion } from './inferBindings';
import { readCheckText } from './checkText';
import { idList } from './text';

function explicit(how: 'comment' | 'annotation', stepIds: string[], reason: string): Check['binding'] {
  return { how, stepIds, confidence: 1, reason };
}

function fix(d: DraftCheck, stepId: string): { title: string; range: SourceRange; newText: string } {
  const at = { startLine: d.fixAt.line, startColumn: d.fixAt.column, endLine: d.fixAt.line, endColumn: d.fixAt.column };
  return { title: `Bind ${d.check.id} to step ${stepId}`, range: at, newText: ` <!-- runbook: run=${stepId} -->` };
}

function itemLine(d: DraftCheck): SourceRange {
  const r = d.check.range;
  return { startLine: r.startLine, startColumn: r.startColumn, endLine: d.fixAt.line, endColumn: d.fixAt.column };
}

/** What the inference left unbound, worded for the author with a fix that writes the binding. */
function suggestionDiagnostic(s: Suggestion, checks: DraftCheck[], candidates: Step[]): RunbookDiagnostic | null {
  const d = checks[s.check];
  const steps = s.steps.map((i) => candidates[i]).filter((x): x is Step => x !== undefined);
  const first = steps[0];
  if (!d || !first) return null;
  const names = steps.map((x) => `\`${x.id}\``).join(' or ');
  const messages: Record<Suggestion['why'], string> = {
    'below-threshold': `${d.check.id} "${d.check.text}" may run step ${names} ("${first.title}"), but the match scores ${s.score.toFixed(2)}, under the 0.50 needed to bind on its own: did you mean ${names}?`,
    ambiguous: `${d.check.id} "${d.check.text}" matches steps ${names} about equally well, so neither is bound: say which one it runs.`,
    reused: `${d.check.id} "${d.check.text}" would also bind step ${names}, already bound by inference to ${checks[s.keptBy ?? -1]?.check.id ?? 'another check'}: one step is not bound to two unrelated checks without you saying so.`,
  };
  return {
    range: itemLine(d), severity: s.why === 'reused' ? 'warning' : 'info',
    code: s.why === 'reused' ? 'inferred-binding-reused' : s.why === 'ambiguous' ? 'binding-ambiguous' : 'binding-below-threshold',
    message: messages[s.why], fixes: steps.map((x) => fix(d, x.id)),
  };
}

export interface BindResult {
  /** Checks for which a "did you mean" was offered (no unbound-command-check on top of it). */
  suggested: Set<DraftCheck>;
}

export function bindChecks(draft: Draft, steps: Step[], byId: ReadonlyMap<string, Step>, dependencyItems: Set<DraftCheck>): BindResult {
  let checkById: Map<string, DraftCheck> | null = null;
  const claimed = new Set<Step>();
  const bind = (d: DraftCheck, stepIds: string[], binding: Check['binding']): void => {
    d.check.stepIds = stepIds;
    d.check.binding = binding;
    for (const id of stepIds) claimed.add(byId.get(id)!);
  };
  for (const d of draft.checks) {
    const run = d.comment?.parsed.run;
    if (!run) continue;
    const known = run.filter((id) => byId.has(id));
    for (const id of run.filter((x) => !byId.has(x))) {
      draft.diagnostics.push({ range: d.comment!.range, severity: 'warning', code: 'unknown-step', message: `run=${id} names no step in this runbook (steps: ${idList(steps, (s) => s.id)}).` });
    }
    if (known.length > 0) bind(d, known, explicit('comment', known, `<!-- runbook: run=${known.join(',')} --> on the item`));
  }
  const named = new Set<Step>();
  draft.steps.forEach((p, index) => {
    const wanted = p.step.annotations.check;
    if (!wanted) return;
    const step = steps[index]!;
    named.add(step);
    checkById ??= new Map(draft.checks.map((d) => [d.check.id, d]));
    for (const id of wanted) {
      const d = checkById.get(id);
      if (!d) {
        draft.diagnostics.push({ range: p.headRange, severity: 'warning', code: 'unknown-check', message: `check=${id} names no check in this runbook (checks: ${idList(draft.checks, (c) => c.check.id)}).` });
        continue;
      }
      const ids = d.check.binding?.how === 'comment' || d.check.binding?.how === 'annotation' ? [...d.check.stepIds, step.id] : [step.id];
      bind(d, [...new Set(ids)], explicit(d.check.binding?.how === 'comment' ? 'comment' : 'annotation', [...new Set(ids)], `check=${ids.length > 1 ? '…' : id} on step ${step.id}`));
    }
  });
  for (const d of draft.checks) {
    if (d.check.binding || d.positional.length === 0) continue;
    // A fence right after a list is its last item's when that item is a task or ends with a colon
    // ("Check the logs:"), holds no step of its own and says nothing else (a hold, a dependency, the gates).
    const saysOther = d.facts.dependenciesClosed || dependencyItems.has(d) || d.facts.refersToGates || (d.facts.hold !== null && (d.facts.hold.durationMs !== null || d.facts.hold.businessDays !== null));
    const holds = d.positional.some((p) => p.how !== 'adjacent');
    const introduces = d.check.task !== null || /:\s*$/.test(d.check.text);
    const positional = d.positional.filter((p) => !named.has(steps[p.step]!) && !(p.how === 'adjacent' && (saysOther || holds || !introduces)));
    if (positional.length === 0) continue;
    const ids = positional.map((p) => steps[p.step]!.id);
    const how = positional[0]!.how;
    const where = how === 'adjacent' ? 'the step right after the item' : how === 'inline' ? 'the inline command in the item' : 'the step nested in the item';
    bind(d, ids, { how, stepIds: ids, confidence: 1, reason: where });
  }
  const suggested = new Set<DraftCheck>();
  stageLineChecks(draft, steps);
  infer(draft, steps, claimed, named, dependencyItems, suggested);
  ownChecks(draft, steps, claimed, named);
  for (const d of draft.checks) for (const id of d.check.stepIds) {
    const step = byId.get(id);
    if (step && !step.checkIds.includes(d.check.id)) step.checkIds.push(d.check.id);
  }
  return { suggested };
}

function infer(draft: Draft, steps: Step[], claimed: Set<Step>, named: Set<Step>, dependencyItems: Set<DraftCheck>, suggested: Set<DraftCheck>): void {
  const checks = draft.checks.filter((d) => !d.check.binding && d.gate === null && !dependencyItems.has(d) && !d.facts.dependenciesClosed && d.facts.hold === null && !d.facts.refersToGates);
  const candidates = steps.filter((s) => !claimed.has(s) && !named.has(s) && !s.rollback && s.language !== 'manual');
  if (checks.length === 0 || candidates.length === 0) return;
  const section = new Map(draft.steps.map((p, i) => [steps[i]!, p.sectionTitle]));
  const result = inferBindings(
    checks.map((d) => ({ text: d.check.text, stageId: d.check.stageId })),
    candidates.map((s) => ({ title: s.title, name: s.annotations.name ?? null, command: s.command, sectionTitle: section.get(s) ?? null, stageId: s.stageId })),
  );
  for (const b of result.bound) {
    const d = checks[b.check]!;
    const step = candidates[b.step]!;
    const previous = d.check.binding;
    d.check.stepIds = [...d.check.stepIds, step.id];
    d.check.binding = previous
      ? { ...previous, stepIds: d.check.stepIds, confidence: Math.min(previous.confidence, b.score), reason: `${previous.reason}; ${b.reason}` }
      : { how: 'inferred', stepIds: d.check.stepIds, confidence: b.score, reason: b.reason };
    claimed.add(step);
  }
  for (const s of result.suggestions) {
    const diagnostic = suggestionDiagnostic(s, checks, candidates);
    if (!diagnostic) continue;
    draft.diagnostics.push(diagnostic);
    suggested.add(checks[s.check]!);
  }
}

/** A step in a stage that no check runs is a command check of its own, after the stage's items. */
function ownChecks(draft: Draft, steps: Step[], claimed: Set<Step>, named: Set<Step>): void {
  const stages = new Map(draft.stages.map((s) => [s.id, s]));
  for (const step of steps) {
    if (claimed.has(step) || named.has(step) || step.stageId === null) continue;
    const stage = stages.get(step.stageId);
    if (!stage) continue;
    addCheck(draft, stage, {
      text: step.title, detail: [], range: step.range, required: step.required, task: null, stepIds: [step.id],
      binding: step.annotations.stage !== undefined
        ? { how: 'annotation', stepIds: [step.id], confidence: 1, reason: `stage=${step.annotations.stage} on step ${step.id}; no item of the stage names it` }
        : { how: 'nested', stepIds: [step.id], confidence: 1, reason: 'a step in this stage that no item names' },
    });
    claimed.add(step);
  }
  // An empty checklist group (a checklist heading with nothing under it) is dropped.
  draft.stages = draft.stages.filter((s) => s.checkIds.length > 0 || s.kind === 'stage');
}

/**
 * A stage with no items and no steps of its own: its own line is its check ("3. Wait for the
 * reindex to catch up, at least 2 hours"), made before inference so that it can find its step.
 */
function stageLineChecks(draft: Draft, steps: Step[]): void {
  const staged = new Set(steps.map((s) => s.stageId));
  for (const stage of draft.stages) {
    if (stage.checkIds.length > 0 || stage.kind !== 'stage' || staged.has(stage.id)) continue;
    const line = draft.stageLines.get(stage);
    if (!line) continue;
    const facts = line.facts ?? readCheckText(line.text);
    addCheck(draft, stage, { text: line.text, detail: [], range: line.range, required: !facts.optional, task: line.task, stepIds: [], binding: null }, facts);
  }
}

function addCheck(
  draft: Draft, stage: Stage,
  fields: Pick<Check, 'text' | 'detail' | 'range' | 'required' | 'task' | 'stepIds' | 'binding'>,
  facts = readCheckText(fields.text),
): void {
  const ordinal = stage.checkIds.length + 1;
  const check: Check = { id: `${stage.id}.${ordinal}`, stageId: stage.id, ordinal, kind: 'manual', hold: null, gateIds: [], issueIds: [], ...fields };
  stage.checkIds.push(check.id);
  const at = { line: fields.range.startLine, column: fields.range.startColumn };
  draft.checks.push({ check, facts, comment: null, fixAt: at, positional: [], gate: null });
}

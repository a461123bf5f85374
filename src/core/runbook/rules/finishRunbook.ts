// The whole-document passes over the draft the walk collected: step ids, safety classes,
// report context, reference roles, bindings (bindings.ts), kinds (checkKinds.ts), inputs and
// the diagnostics that need the whole document.
import type { Check, Runbook, RunbookDiagnostic, Step } from '../model';
import { CHECK_KEYS } from './annotations';
import { bindChecks } from './bindings';
import { decideKinds } from './checkKinds';
import type { Draft, DraftCheck } from './draft';
import { classifyReferences, referencesInChecks, referencesInSteps } from './references';
import { buildReportContext } from './reportContext';
import { stageOrderDiagnostics } from './stageOrder';
import { assignStepIds, collectInputs } from './steps';
import { positionKey } from '../parse/ranges';

/** Stable sort by start position; most of the list arrives in order, so check before sorting. */
function sortByPosition(diagnostics: RunbookDiagnostic[]): void {
  const key = (d: RunbookDiagnostic): number => positionKey(d.range.startLine, d.range.startColumn);
  let sorted = true;
  for (let i = 1; i < diagnostics.length && sorted; i++) sorted = key(diagnostics[i - 1]!) <= key(diagnostics[i]!);
  if (!sorted) diagnostics.sort((a, b) => key(a) - key(b));
}

/**
 * Step keys in a comment on an item (name, timeout, destructive…) annotate its one inline
 * command; with none (or several) they have no step to apply to.
 */
function itemCommentsOnSteps(draft: Draft): void {
  for (const d of draft.checks) {
    if (!d.comment) continue;
    const stepKeys = d.comment.parsed.keys.filter((k) => !CHECK_KEYS.has(k));
    if (stepKeys.length === 0) continue;
    const inline = d.positional.filter((p) => p.how === 'inline');
    // A fence after the item is only a candidate here (bindings decide later): it does not make the item run two steps.
    const own = d.positional.filter((p) => p.how !== 'adjacent');
    const target = inline.length === 1 && own.length === 1 ? draft.steps[inline[0]!.step] : undefined;
    if (target) {
      const annotations = d.comment.parsed.annotations;
      target.step.annotations = { ...target.step.annotations, ...annotations };
      // secret=true on the item makes every input of its command secret (the fragment is shared: copy it).
      if (d.comment.parsed.allSecret) target.fragment = { ...target.fragment, allSecret: true };
      if (annotations.cwd !== undefined) target.step.cwd = annotations.cwd;
      if (annotations.required !== undefined) target.step.required = annotations.required;
      continue;
    }
    draft.diagnostics.push({
      range: d.comment.range, severity: 'warning', code: 'annotation-not-for-check',
      message: `${stepKeys.join(', ')} ${stepKeys.length > 1 ? 'are step keys' : 'is a step key'}, but ${d.check.id} runs ${own.length === 0 ? 'no step of its own' : 'more than one step'}: on a checklist item use run=STEP, optional or gate=ID, and put step keys on the step's fence.`,
    });
  }
}

/** Destructive: an annotation says so either way; else a Rollback section, else the command's pattern. */
function applySafety(steps: Step[], draft: Draft): void {
  steps.forEach((step, index) => {
    const fragment = draft.steps[index]!.fragment;
    const written = step.annotations.destructive;
    if (written !== undefined) {
      step.destructive = written;
      step.destructiveReason = written ? 'annotated destructive' : null;
    } else if (step.rollback) {
      step.destructive = true;
      step.destructiveReason = 'under a Rollback heading';
    } else if (fragment.risk !== null) {
      step.destructive = true;
      step.destructiveReason = fragment.risk;
    }
  });
}

export function finishRunbook(draft: Draft): Runbook {
  itemCommentsOnSteps(draft);
  const steps = assignStepIds(draft.steps, draft.stages, draft.diagnostics);
  applySafety(steps, draft);
  const context = buildReportContext({ title: draft.title, meta: draft.meta, reportFolder: draft.reportFolder, frontMatter: draft.frontMatter, defaultRepo: draft.defaultRepo });
  const issueLine = draft.meta.find((m) => m.key === 'issue')?.line ?? null;
  const fmIssue = draft.frontMatter.issue !== undefined ? context.issue : null;
  const references = classifyReferences(draft.references, issueLine, fmIssue);
  referencesInChecks(references, draft.checks);
  const itemChecks = new Map<string, DraftCheck>();
  for (const d of draft.checks) itemChecks.set(d.check.id, d);
  const dependencyItems = new Set<DraftCheck>();
  for (const r of references) if (r.role === 'dependency' && r.checkId !== null) dependencyItems.add(itemChecks.get(r.checkId)!);
  const stepById = new Map<string, Step>();
  for (const step of steps) stepById.set(step.id, step);
  const { suggested } = bindChecks(draft, steps, stepById, dependencyItems);
  referencesInSteps(references, draft.references, steps);
  decideKinds(draft.checks, stepById, draft.gates, references, draft.stages, draft.diagnostics);
  for (const d of draft.checks) {
    if (!d.facts.readsAsCommand || d.check.kind !== 'manual' || suggested.has(d) || d.check.binding) continue;
    draft.diagnostics.push({
      range: { startLine: d.check.range.startLine, startColumn: d.check.range.startColumn, endLine: d.fixAt.line, endColumn: d.fixAt.column },
      severity: 'info', code: 'unbound-command-check',
      message: `${d.check.id} "${d.check.text}" reads as a command, but no step in this runbook matches it, so a person will be asked for its verdict. Add the command (a fence or \`inline code\` in the item), or bind a step with <!-- runbook: run=STEP -->.`,
    });
  }
  draft.diagnostics.push(...stageOrderDiagnostics(draft.stages, draft.lineLengths));
  const inputs = collectInputs(draft.steps, steps, draft.diagnostics);
  sortByPosition(draft.diagnostics);
  // In stage order, and in each stage in the order of its ids.
  const byId = new Map<string, Check>();
  for (const d of draft.checks) byId.set(d.check.id, d.check);
  const checks: Check[] = [];
  for (const stage of draft.stages) for (const id of stage.checkIds) checks.push(byId.get(id)!);
  return {
    title: draft.title,
    context,
    frontMatter: draft.frontMatter,
    generated: draft.generated,
    sections: draft.sections,
    stages: draft.stages,
    checks,
    steps,
    gates: draft.gates,
    issues: references,
    inputs,
    diagnostics: draft.diagnostics,
    lineCount: draft.lineCount,
  };
}

// Issue references of the document: ids in document order, roles (issueRoles.ts), and the
// check each belongs to: the check whose item holds it, else a check that runs the step holding it.
import type { IssueReference, ReportContext, SourceRange, Step } from '../model';
import type { DraftCheck, DraftReference } from './draft';
import { referenceRole } from './issueRoles';

function contains(outer: SourceRange, inner: SourceRange): boolean {
  const after = inner.startLine > outer.startLine || (inner.startLine === outer.startLine && inner.startColumn >= outer.startColumn);
  const before = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return after && before;
}

export function classifyReferences(draft: DraftReference[], issueLine: number | null, frontMatterIssue: ReportContext['issue']): IssueReference[] {
  return draft.map((d, index) => {
    const own = frontMatterIssue !== null && frontMatterIssue.number === d.ref.number && (frontMatterIssue.repo === null || d.ref.repo === null || frontMatterIssue.repo === d.ref.repo);
    const { role, why } = referenceRole({
      source: d.source, cue: d.cue, issueLine: issueLine !== null && d.ref.line === issueLine && d.source === 'text',
      preconditions: d.preconditions, frontMatterIssue: own,
    });
    return { id: `ref-${index + 1}`, ...d.ref, role, why, checkId: null };
  });
}

function startsBefore(a: SourceRange, b: SourceRange): boolean {
  return a.startLine < b.startLine || (a.startLine === b.startLine && a.startColumn <= b.startColumn);
}

/**
 * The innermost check item holding each reference (before bindings: it decides what may be
 * inferred). Both lists are in document order: one sweep, keeping the items still open.
 */
export function referencesInChecks(references: IssueReference[], checks: DraftCheck[]): void {
  let next = 0;
  let open: DraftCheck[] = [];
  for (const ref of references) {
    while (next < checks.length && startsBefore(checks[next]!.check.range, ref.range)) open.push(checks[next++]!);
    open = open.filter((d) => contains(d.check.range, ref.range) || !startsBefore(ref.range, { ...d.check.range, startLine: d.check.range.endLine, startColumn: d.check.range.endColumn }));
    const holder = [...open].reverse().find((d) => contains(d.check.range, ref.range));
    if (holder) ref.checkId = holder.check.id;
  }
}

/** References in a step's command belong to the (first) check that runs the step. */
export function referencesInSteps(references: IssueReference[], steps: Step[]): void {
  for (const ref of references) {
    if (ref.checkId !== null) continue;
    const step = steps.find((s) => s.checkIds.length > 0 && contains(s.range, ref.range));
    if (step) ref.checkId = step.checkIds[0] ?? null;
  }
}

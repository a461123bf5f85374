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

function endsBefore(a: SourceRange, b: SourceRange): boolean {
  return a.endLine < b.startLine || (a.endLine === b.startLine && a.endColumn <= b.startColumn);
}

/**
 * The innermost check item holding each reference (before bindings: it decides what may be
 * inferred). Both lists are in document order and items nest: one sweep with a stack of the
 * items still open.
 */
export function referencesInChecks(references: IssueReference[], checks: DraftCheck[]): void {
  let next = 0;
  const open: DraftCheck[] = [];
  const closeBefore = (range: SourceRange): void => {
    while (open.length > 0 && endsBefore(open[open.length - 1]!.check.range, range)) open.pop();
  };
  for (const ref of references) {
    while (next < checks.length && startsBefore(checks[next]!.check.range, ref.range)) {
      const check = checks[next++]!;
      closeBefore(check.check.range);
      open.push(check);
    }
    closeBefore(ref.range);
    for (let i = open.length - 1; i >= 0; i--) {
      if (contains(open[i]!.check.range, ref.range)) {
        ref.checkId = open[i]!.check.id;
        break;
      }
    }
  }
}

/** References in a step's command (`gh issue view`) belong to the (first) check that runs the step. */
export function referencesInSteps(references: IssueReference[], draft: DraftReference[], steps: Step[]): void {
  references.forEach((ref, i) => {
    const index = draft[i]?.step;
    if (ref.checkId !== null || index === null || index === undefined) return;
    ref.checkId = steps[index]?.checkIds[0] ?? null;
  });
}

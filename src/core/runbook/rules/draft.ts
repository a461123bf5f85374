// What the assembly's walk over the fragments collects, before the whole-document passes
// (ids, bindings, kinds, reference roles, inputs) turn it into the Runbook.
import type { Check, FrontMatter, Gate, IssueReference, RunbookDiagnostic, Section, SourceRange, Stage, Step } from '../model';
import type { ItemComment, StepFragment } from '../parse/fragment';
import type { CheckTextFacts } from './checkText';
import type { ReferenceSource } from './issueRoles';
import type { MetaLine } from './reportContext';

export type PositionalHow = 'nested' | 'inline' | 'adjacent';

export interface DraftCheck {
  check: Check;
  facts: CheckTextFacts;
  /** The item's `<!-- runbook: … -->`, placed in the document. */
  comment: ItemComment | null;
  /** Where a quick fix inserts an annotation: the end of the item's first paragraph. */
  fixAt: { line: number; column: number };
  /** Steps the item holds (nested fences, inline commands) or that follow it right after. */
  positional: { step: number; how: PositionalHow }[];
  /** A gate item that is also a check (a task item under a gates heading, a gate inside a stage). */
  gate: number | null;
}

export interface DraftStep {
  step: Step;
  fragment: StepFragment;
  /** The fence line (or comment, or code span) in the document, where step diagnostics point. */
  headRange: SourceRange;
  sectionTitle: string | null;
}

export interface DraftReference {
  ref: Omit<IssueReference, 'id' | 'role' | 'why' | 'checkId'>;
  source: ReferenceSource;
  cue: string | null;
  /** Title of the preconditions/dependencies section it sits in. */
  preconditions: string | null;
  /** For a reference in a step's command: that step (its index among the draft's steps). */
  step: number | null;
}

/** A stage's own line, for a stage that ends up with no checks (it becomes its one check). */
export interface StageLine {
  text: string;
  /** The heading line, or the whole item. */
  range: SourceRange;
  task: Check['task'];
  /** Read when needed (most stages have checks of their own). */
  facts: CheckTextFacts | null;
}

export interface Draft {
  title: string;
  frontMatter: FrontMatter;
  generated: boolean;
  sections: Section[];
  stages: Stage[];
  /** By stage, in the order of `stages`. */
  stageLines: Map<Stage, StageLine>;
  checks: DraftCheck[];
  steps: DraftStep[];
  gates: Gate[];
  references: DraftReference[];
  /** Header lines (`Owner:`, `Issue:`, `Scope:`) with their document line. */
  meta: (MetaLine & { line: number })[];
  reportFolder: string | null;
  diagnostics: RunbookDiagnostic[];
  lineLengths: number[];
  lineCount: number;
  defaultRepo: string | null;
}

// Walks the fragments of a document in order and builds the Runbook: sections, stages and
// their extents, step titles and ids, task bindings, gates, inputs and the diagnostics that
// need the whole document (duplicate names, stage order, inputs from the environment).
import type { Gate, IssueReference, Runbook, RunbookDiagnostic, Section, SourceRange, Stage, Step, TaskItem } from '../model';
import type { Fragment, FragmentEvent, StepFragment } from './fragment';
import type { FrontMatterResult } from '../rules/frontMatter';
import { isRollbackTitle, shortSlug, slugify, truncate } from '../rules/text';
import { IdPool } from '../rules/ids';
import { assignStepIds, collectInputs, type PendingStep } from '../rules/steps';
import { TaskBinder } from '../rules/tasks';

export interface PlacedFragment {
  fragment: Fragment;
  /** Added to every fragment line to get the document line. */
  lineOffset: number;
}

export interface AssembleInput {
  fragments: PlacedFragment[];
  frontMatter: FrontMatterResult;
  lineLengths: number[];
  lineCount: number;
  defaultRepo: string | null;
}

const COLUMNS = 1e7;

/** Stable sort by start position; most of the list arrives in order, so check before sorting. */
function sortByPosition(diagnostics: RunbookDiagnostic[]): void {
  const key = (d: RunbookDiagnostic): number => d.range.startLine * COLUMNS + Math.min(d.range.startColumn, COLUMNS - 1);
  let sorted = true;
  for (let i = 1; i < diagnostics.length && sorted; i++) sorted = key(diagnostics[i - 1]!) <= key(diagnostics[i]!);
  if (!sorted) diagnostics.sort((a, b) => key(a) - key(b));
}

export function assembleRunbook(input: AssembleInput): Runbook {
  return new Assembler(input).run();
}

class Assembler {
  private readonly sections: Section[] = [];
  private readonly sectionStack: { section: Section; depth: number }[] = [];
  private readonly slugCounts = new Map<string, number>();
  private readonly stages: Stage[] = [];
  private readonly stageIds = new IdPool();
  private headingStage: { stage: Stage; depth: number; rollback: boolean } | null = null;
  private itemStage: { stage: Stage; rollback: boolean } | null = null;
  private gateSection = false;
  private titleCandidate: string | null = null;
  /** End of the content seen so far, as line * COLUMNS + column (no allocation per block). */
  private lastEnd = COLUMNS + 1;
  private readonly pending: PendingStep[] = [];
  private readonly tasks: TaskItem[] = [];
  private readonly binder = new TaskBinder();
  private readonly gates: Gate[] = [];
  private readonly gateIds = new IdPool();
  private readonly issues: IssueReference[] = [];
  private readonly diagnostics: RunbookDiagnostic[] = [];
  private title: string | null = null;
  private firstHeading: string | null = null;

  constructor(private readonly input: AssembleInput) {}

  run(): Runbook {
    this.diagnostics.push(...this.input.frontMatter.diagnostics);
    for (const placed of this.input.fragments) {
      for (const event of placed.fragment.events) this.event(event, placed.lineOffset);
      if (placed.fragment.end) this.noteEnd(placed.fragment.end, placed.lineOffset);
    }
    while (this.sectionStack.length > 0) this.closeSection();
    this.closeHeadingStage();
    this.itemStage = null;
    const steps = assignStepIds(this.pending, this.stages, this.diagnostics);
    for (const [task, index] of this.binder.bound) task.stepId = steps[index]?.id ?? null;
    this.checkStageOrder();
    const inputs = collectInputs(this.pending, steps, this.diagnostics);
    sortByPosition(this.diagnostics);
    return {
      title: this.title ?? this.input.frontMatter.title ?? this.firstHeading ?? '',
      frontMatter: this.input.frontMatter.frontMatter,
      sections: this.sections,
      stages: this.stages,
      steps,
      tasks: this.tasks,
      gates: this.gates,
      issues: this.issues,
      inputs,
      diagnostics: this.diagnostics,
      lineCount: this.input.lineCount,
    };
  }

  /** Shifts a fragment range into the document and keeps it inside it. */
  private place(range: SourceRange, offset: number): SourceRange {
    const lineCount = Math.max(this.input.lineCount, 1);
    const lengths = this.input.lineLengths;
    const startLine = Math.min(Math.max(range.startLine + offset, 1), lineCount);
    const endLine = Math.max(Math.min(Math.max(range.endLine + offset, 1), lineCount), startLine);
    const startColumn = Math.min(range.startColumn, (lengths[startLine - 1] ?? 0) + 1);
    const endLength = (lengths[endLine - 1] ?? 0) + 1;
    let endColumn = range.endLine + offset > lineCount ? endLength : Math.min(range.endColumn, endLength);
    if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
    return { startLine, startColumn, endLine, endColumn };
  }

  private event(event: FragmentEvent, offset: number): void {
    // Most events are prose and block ends: handled without building a placed range.
    if (event.kind === 'paragraph') {
      if (event.titleLine.length > 0) this.titleCandidate = event.titleLine;
      if (this.binder.waiting) this.binder.other(this.place(event.range, offset));
      return;
    }
    if (event.kind === 'code' && !event.step) {
      this.titleCandidate = null;
      if (this.binder.waiting) this.binder.other(this.place(event.range, offset));
      return;
    }
    if (event.kind === 'item' && event.checked === null && !event.stage && !(event.ordered && event.listDepth === 0 && this.gateSection)) {
      // A plain bullet: it only matters to a task waiting for its step.
      if (this.binder.waiting) this.binder.other(this.place(event.range, offset));
      return;
    }
    const range = this.place(event.range, offset);
    switch (event.kind) {
      case 'heading':
        // What this heading closes ends with the block before it.
        if (event.previousEnd) this.noteEnd(event.previousEnd, offset);
        this.heading(event, range);
        this.noteEnd(event.range, offset);
        this.binder.other(range);
        break;
      case 'item':
        this.item(event, range);
        break;
      case 'code':
        if (event.step) this.step(event.step, range, null, offset);
        else this.binder.other(range);
        this.titleCandidate = null;
        break;
      case 'manual':
        this.step(event.step, range, event.inlineTitle, offset);
        break;
      case 'gateRow':
        this.addGate(event.title, null, range, event.status);
        break;
      case 'issue':
        this.issues.push({
          line: range.startLine, range, number: event.number, text: event.text,
          repo: event.repo ?? this.input.frontMatter.frontMatter.repo ?? this.input.defaultRepo ?? null,
        });
        break;
      case 'diagnostic':
        this.diagnostics.push({ range, severity: event.severity, code: event.code, message: event.message });
        break;
    }
  }

  /** The placed end of a range, folded into lastEnd. */
  private noteEnd(range: SourceRange, offset: number): void {
    const { endLine, endColumn } = this.place(range, offset);
    const end = endLine * COLUMNS + Math.min(endColumn, COLUMNS - 1);
    if (end > this.lastEnd) this.lastEnd = end;
  }

  private extendToLastEnd(range: SourceRange): void {
    if (this.lastEnd > range.endLine * COLUMNS + range.endColumn) {
      range.endLine = Math.floor(this.lastEnd / COLUMNS);
      range.endColumn = this.lastEnd % COLUMNS;
    }
  }

  private closeSection(): void {
    const top = this.sectionStack.pop();
    if (top) this.extendToLastEnd(top.section.range);
  }

  private closeHeadingStage(): void {
    if (this.headingStage) this.extendToLastEnd(this.headingStage.stage.range);
    this.headingStage = null;
  }

  private currentSection(): Section | null {
    return this.sectionStack[this.sectionStack.length - 1]?.section ?? null;
  }

  private uniqueSlug(slug: string): string {
    const base = slug || 'section';
    const count = this.slugCounts.get(base) ?? 0;
    this.slugCounts.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }

  private heading(event: Extract<FragmentEvent, { kind: 'heading' }>, range: SourceRange): void {
    const { depth, text } = event;
    while ((this.sectionStack[this.sectionStack.length - 1]?.depth ?? 0) >= depth) this.closeSection();
    if (this.headingStage && depth <= this.headingStage.depth) this.closeHeadingStage();
    this.itemStage = null;
    const parent = this.currentSection();
    const section: Section = {
      id: this.uniqueSlug(event.slug), title: text, depth, range: { ...range }, parentId: parent?.id ?? null,
      // The document title ("Deploy and Rollback") does not make every step a rollback step.
      rollback: (depth > 1 && event.rollback) || (parent?.rollback ?? false),
    };
    this.sections.push(section);
    this.sectionStack.push({ section, depth });
    if (this.title === null && depth === 1) this.title = text;
    this.firstHeading ??= text;
    const marker = event.stage;
    if (marker && !this.headingStage) {
      const stage = this.addStage(marker.marker, marker.number, marker.title, { ...range }, section.id);
      this.headingStage = { stage, depth, rollback: section.rollback };
    }
    this.gateSection = event.namesGates;
    this.titleCandidate = event.titleText || null;
  }

  private addStage(marker: string, number: number | null, title: string, range: SourceRange, sectionId: string | null): Stage {
    const base = number !== null ? `stage-${number}` : slugify(`${marker} ${title}`);
    const id = this.stageIds.claim(base);
    const stage: Stage = { id, number, title: title || `${marker} ${number ?? ''}`.trim(), marker, range, sectionId };
    this.stages.push(stage);
    return stage;
  }

  private item(event: Extract<FragmentEvent, { kind: 'item' }>, range: SourceRange): void {
    const section = this.currentSection();
    if (event.ordered && !this.headingStage) {
      const marker = event.stage;
      if (marker) {
        const stage = this.addStage(marker.marker, marker.number, marker.title, range, section?.id ?? null);
        this.itemStage = { stage, rollback: (section?.rollback ?? false) || isRollbackTitle(marker.title) };
      }
    }
    if (event.ordered && event.listDepth === 0 && this.gateSection && event.text.length > 0) {
      this.addGate(event.text, event.ordinal, range, undefined);
    }
    if (event.checked !== null) {
      const task: TaskItem = {
        line: range.startLine, range, checked: event.checked, text: event.text, stepId: null,
        stageId: (this.itemStage ?? this.headingStage)?.stage.id ?? null,
      };
      this.tasks.push(task);
      this.binder.task(task);
    } else {
      this.binder.other(range);
    }
  }

  private addGate(title: string, number: number | null, range: SourceRange, status: string | undefined): void {
    // "Preflight gate: every tool is installed" -> preflight-gate.
    const head = /^([^:]{3,}):\s/.exec(title)?.[1] ?? title;
    const id = this.gateIds.claim(shortSlug(head, 6) || 'gate');
    const gate: Gate = { id, number, title, line: range.startLine, range, sectionId: this.currentSection()?.id ?? null };
    if (status !== undefined) gate.status = status;
    this.gates.push(gate);
  }

  private step(fragment: StepFragment, range: SourceRange, inlineTitle: string | null, offset: number): void {
    const section = this.currentSection();
    const stageContext = this.itemStage ?? this.headingStage;
    const firstLine = fragment.firstLine;
    const fallback = fragment.language === 'manual' ? (fragment.annotations.name ?? 'Manual check') : truncate(firstLine, 60);
    const title = fragment.annotations.title ?? inlineTitle ?? this.titleCandidate ?? fallback;
    this.titleCandidate = null;
    const rollback = (section?.rollback ?? false) || (stageContext?.rollback ?? false);
    const step: Step = {
      id: '',
      title,
      range,
      language: fragment.language,
      command: fragment.command,
      stageId: stageContext?.stage.id ?? null,
      sectionId: section?.id ?? null,
      required: fragment.annotations.required ?? !rollback,
      rollback,
      annotations: { ...fragment.annotations, ...(fragment.annotations.secret ? { secret: [...fragment.annotations.secret] } : {}) },
      inputs: fragment.inputs.map((i) => i.name),
    };
    this.pending.push({ step, fragment, headRange: this.place(fragment.headRange, offset) });
    this.binder.step(range, this.pending.length - 1, fragment.language !== 'manual');
  }

  private checkStageOrder(): void {
    let highest: Stage | null = null;
    for (const stage of this.stages) {
      if (stage.number === null) continue;
      if (highest && highest.number !== null && stage.number <= highest.number) {
        const what = stage.number === highest.number ? `appears again (line ${highest.range.startLine})` : `comes after ${highest.marker} ${highest.number}`;
        this.diagnostics.push({
          range: { startLine: stage.range.startLine, startColumn: stage.range.startColumn, endLine: stage.range.startLine, endColumn: (this.input.lineLengths[stage.range.startLine - 1] ?? 0) + 1 },
          severity: 'warning', code: 'stage-order',
          message: `${stage.marker} ${stage.number} ${what}: number stages in the order they run.`,
        });
      }
      if (!highest || highest.number === null || stage.number > highest.number) highest = stage;
    }
  }

}

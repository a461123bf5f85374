// Walks the fragments of a document in order and collects the draft of the Runbook: sections
// and their roles, stages (headings, list items, items of a stage-listing section) and
// checklist groups with their extents, the checks their items make, steps with the checks
// they sit in or follow, gates, issue references with the section they sit in, and the
// header lines. The whole-document passes (rules/finishRunbook.ts) then bind, classify and id.
import type { Check, Gate, Runbook, Section, SourceRange, Stage } from '../model';
import type { Fragment, FragmentEvent, ItemFragment, StepFragment } from './fragment';
import type { FrontMatterResult } from '../rules/frontMatter';
import type { Draft, DraftCheck, DraftReference, DraftStep, PositionalHow, StageLine } from '../rules/draft';
import { finishRunbook } from '../rules/finishRunbook';
import { IdPool } from '../rules/ids';
import { SectionStack } from './sectionStack';
import { CheckPlaces, type OpenCheck } from './checkPlaces';
import { COLUMNS, placeRange, positionKey, within } from './ranges';
import { buildGate } from './gateDraft';
import { reportPathIn } from '../rules/reportContext';
import { isNarrative, stageBaseId, stageLabel, stageLead, type StageMarker } from '../rules/stageMarkers';
import { truncate } from '../rules/text';

export interface PlacedFragment {
  fragment: Fragment;
  /** Added to every fragment line to get the document line. */
  lineOffset: number;
}

/** What the assembly knows of the document before its first fragment. */
export interface DocumentFacts {
  frontMatter: FrontMatterResult;
  lineLengths: number[];
  lineCount: number;
  defaultRepo: string | null;
}

export interface AssembleInput extends DocumentFacts {
  fragments: PlacedFragment[];
}

export function assembleRunbook(input: AssembleInput): Runbook {
  const assembly = startAssembly(input);
  for (const placed of input.fragments) assembly.add(placed);
  return assembly.finish();
}

/** An assembly fed one fragment at a time, in document order (a one-shot parse keeps none of them). */
export interface Assembly {
  add(placed: PlacedFragment): void;
  finish(): Runbook;
}

export function startAssembly(facts: DocumentFacts): Assembly {
  const assembler = new Assembler(facts);
  return { add: (placed) => assembler.add(placed), finish: () => finishRunbook(assembler.finish()) };
}

class Assembler {
  private readonly sections = new SectionStack();
  private readonly stages: Stage[] = [];
  private readonly stageLines = new Map<Stage, StageLine>();
  private readonly stageIds = new IdPool();
  private headingStage: { stage: Stage; depth: number; rollback: boolean } | null = null;
  private checklistGroup: { stage: Stage; depth: number } | null = null;
  private itemStage: { stage: Stage; range: SourceRange; listDepth: number; rollback: boolean } | null = null;
  private readonly implicitGroups = new Map<string, Stage>();
  private gateSection = false;
  private titleCandidate: string | null = null;
  /** The list item the title candidate comes from, if any (placed). */
  private titleItem: { range: SourceRange; introduces: boolean } | null = null;
  /** End of the content seen so far, as line * COLUMNS + column (no allocation per block). */
  private lastEnd = COLUMNS + 1;
  private readonly checks: DraftCheck[] = [];
  /** Which check a fence sits in or follows. */
  private readonly places = new CheckPlaces();
  private readonly steps: DraftStep[] = [];
  private readonly gates: Gate[] = [];
  private readonly gateIds = new IdPool();
  private readonly references: DraftReference[] = [];
  private readonly draft: Pick<Draft, 'meta' | 'diagnostics'> = { meta: [], diagnostics: [] };
  private headerOpen = true;
  private reportFolder: string | null = null;
  private generated = false;
  private sawBlock = false;
  private title: string | null = null;
  private firstHeading: string | null = null;

  constructor(private readonly input: DocumentFacts) {
    this.draft.diagnostics.push(...input.frontMatter.diagnostics);
  }

  add(placed: PlacedFragment): void {
    for (const event of placed.fragment.events) this.event(event, placed.lineOffset);
    if (placed.fragment.end) this.noteEnd(placed.fragment.end, placed.lineOffset);
  }

  finish(): Draft {
    while (this.sections.innermostDepth() > 0) this.closeSection();
    this.closeHeadingStage();
    if (this.checklistGroup) this.extendToLastEnd(this.checklistGroup.stage.range);
    const fm = this.input.frontMatter;
    return {
      title: fm.title ?? this.title ?? this.firstHeading ?? '',
      frontMatter: fm.frontMatter,
      generated: this.generated,
      sections: this.sections.all,
      stages: this.stages,
      stageLines: this.stageLines,
      checks: this.checks,
      steps: this.steps,
      gates: this.gates,
      references: this.references,
      meta: this.draft.meta,
      reportFolder: this.reportFolder,
      diagnostics: this.draft.diagnostics,
      lineLengths: this.input.lineLengths,
      lineCount: this.input.lineCount,
      defaultRepo: this.input.defaultRepo,
    };
  }

  /** Shifts a fragment range into the document and keeps it inside it. */
  private place(range: SourceRange, offset: number): SourceRange {
    return placeRange(range, offset, this.input.lineLengths, this.input.lineCount);
  }

  private event(event: FragmentEvent, offset: number): void {
    switch (event.kind) {
      case 'paragraph':
        this.sawBlock = true;
        if (event.titleLine.length > 0) {
          this.titleCandidate = event.titleLine;
          this.titleItem = event.item ? { range: this.place(event.item.range, offset), introduces: event.item.introduces } : null;
        }
        if (this.headerOpen) for (const m of event.meta) this.draft.meta.push({ ...m, line: m.line + offset });
        if (this.places.watching) this.places.other(this.place(event.range, offset));
        break;
      case 'heading': {
        this.sawBlock = true;
        // What this heading closes ends with the block before it.
        if (event.previousEnd) this.noteEnd(event.previousEnd, offset);
        this.heading(event, this.place(event.range, offset));
        this.noteEnd(event.range, offset);
        break;
      }
      case 'item':
        this.item(event.item, this.place(event.range, offset), offset);
        break;
      case 'code': {
        this.sawBlock = true;
        const range = this.place(event.range, offset);
        if (event.step) this.step(event.step, range, null, offset, null);
        else this.places.other(range);
        this.titleCandidate = null;
        break;
      }
      case 'manual':
        this.step(event.step, this.place(event.range, offset), event.inlineTitle, offset, null);
        break;
      case 'gateRow': {
        this.addGate(event.title, null, this.place(event.range, offset), [], event.threshold, event.status, event.evidence);
        break;
      }
      case 'issue':
        this.reference(event, this.place(event.range, offset));
        break;
      case 'generated':
        if (!this.sawBlock) this.generated = true;
        this.sawBlock = true;
        break;
      case 'diagnostic':
        this.draft.diagnostics.push({ range: this.place(event.range, offset), severity: event.severity, code: event.code, message: event.message });
        break;
    }
  }

  /** The placed end of a range, folded into lastEnd. */
  private noteEnd(range: SourceRange, offset: number): void {
    const { endLine, endColumn } = this.place(range, offset);
    const end = positionKey(endLine, endColumn);
    if (end > this.lastEnd) this.lastEnd = end;
  }

  private extendToLastEnd(range: SourceRange): void {
    if (this.lastEnd > positionKey(range.endLine, range.endColumn)) {
      range.endLine = Math.floor(this.lastEnd / COLUMNS);
      range.endColumn = this.lastEnd % COLUMNS;
    }
  }

  private closeSection(): void {
    const top = this.sections.pop();
    if (top) this.extendToLastEnd(top.range);
  }

  private closeHeadingStage(): void {
    if (this.headingStage) this.extendToLastEnd(this.headingStage.stage.range);
    this.headingStage = null;
  }

  private heading(event: Extract<FragmentEvent, { kind: 'heading' }>, range: SourceRange): void {
    const { depth, text } = event;
    while (this.sections.innermostDepth() >= depth) this.closeSection();
    if (this.headingStage && depth <= this.headingStage.depth) this.closeHeadingStage();
    if (this.checklistGroup && depth <= this.checklistGroup.depth) {
      this.extendToLastEnd(this.checklistGroup.stage.range);
      this.checklistGroup = null;
    }
    this.itemStage = null;
    this.places.reset();
    const parent = this.sections.current();
    const section: Section = {
      id: this.sections.uniqueSlug(event.slug), title: text, depth, range: { ...range }, parentId: parent?.id ?? null,
      // The document title ("Deploy and Rollback") does not make every step a rollback step.
      rollback: (depth > 1 && event.rollback) || (parent?.rollback ?? false),
      role: depth > 1 || this.firstHeading !== null ? event.role : null,
    };
    this.sections.push(section, depth);
    // The document's title ("# Phase 6 cutover receipt") is never a stage.
    const documentTitle = depth === 1 && this.firstHeading === null;
    if (depth > 1) this.headerOpen = false;
    if (this.title === null && depth === 1) this.title = text;
    this.firstHeading ??= text;
    const marker = event.stage;
    if (marker && !this.headingStage && !documentTitle) {
      const stage = this.addStage(marker, 'stage', { ...range }, section.id);
      this.headingStage = { stage, depth, rollback: section.rollback };
      this.stageLines.set(stage, { text: marker.title || event.titleText, range: { ...range, endLine: range.startLine, endColumn: (this.input.lineLengths[range.startLine - 1] ?? 0) + 1 }, task: null, facts: null });
    } else if (section.role === 'checklist' && !this.headingStage && !this.checklistGroup) {
      this.checklistGroup = { stage: this.addGroup(section, event.titleText, { ...range }), depth };
    }
    this.gateSection = section.role === 'gates';
    this.titleCandidate = event.titleText || null;
    this.titleItem = null;
  }

  private addStage(marker: StageMarker, kind: Stage['kind'], range: SourceRange, sectionId: string | null): Stage {
    const stage: Stage = {
      id: this.stageIds.claim(stageBaseId(marker)), kind, key: marker.key, number: marker.number, marker: marker.marker,
      title: marker.title || stageLabel(marker), label: stageLabel(marker), range, sectionId, checkIds: [],
    };
    this.stages.push(stage);
    return stage;
  }

  /** A checklist group: a checklist section, or the task items of any other section. */
  private addGroup(section: Section | null, title: string, range: SourceRange): Stage {
    const id = this.stageIds.claim(section?.id ?? 'checklist');
    const stage: Stage = { id, kind: 'checklist', key: null, number: null, marker: '', title, label: title, range, sectionId: section?.id ?? null, checkIds: [] };
    this.stages.push(stage);
    return stage;
  }

  /** Stage of a numbered item in a section that lists stages ("## Rollout order"). */
  private listedStage(item: ItemFragment): StageMarker | null {
    if (this.sections.current()?.role !== 'stages' || !item.ordered || item.listDepth !== 0 || item.ordinal === null) return null;
    if (item.text.length === 0 || isNarrative(item.text)) return null;
    return { marker: 'Stage', key: String(item.ordinal), number: item.ordinal, title: stageLead(item.text), written: item.text };
  }

  private item(item: ItemFragment, range: SourceRange, offset: number): void {
    this.sawBlock = true;
    const parent = this.places.enclosing(range);
    const section = this.sections.current();
    const inItemStage = this.itemStage !== null && within(this.itemStage.range, range);
    if (!this.headingStage && !this.checklistGroup && !inItemStage) {
      const marker = item.stage ?? this.listedStage(item);
      if (marker) {
        const stage = this.addStage(marker, 'stage', range, section?.id ?? null);
        this.itemStage = { stage, range, listDepth: item.listDepth, rollback: (section?.rollback ?? false) || /^roll[- ]?back\b/i.test(marker.title) };
        const task = item.task ? { checked: item.checked === true, line: item.task.line + offset, column: item.task.column } : null;
        this.stageLines.set(stage, { text: item.text, range, task, facts: item.facts });
        this.places.other(range);
        this.itemSteps(item, offset, null);
        return;
      }
    }
    const declared = item.checked !== null || item.comment?.parsed.run !== undefined;
    let gate: number | null = null;
    if (this.gateSection && item.listDepth === 0 && item.text.length > 0 && !inItemStage) {
      gate = this.addGate(item.text, item.ordinal, range, item.detail, undefined, undefined, undefined);
    }
    let owner: Stage | null = null;
    if (inItemStage && this.itemStage) owner = (item.listDepth === this.itemStage.listDepth + 1 && !parent) || declared ? this.itemStage.stage : null;
    else if (this.headingStage || this.checklistGroup) owner = !parent || declared ? (this.headingStage ?? this.checklistGroup)!.stage : null;
    else if (declared) owner = parent ? this.stageOf(parent) : this.implicitGroup(section, range);
    if (!owner) {
      this.places.other(range);
      this.itemSteps(item, offset, parent);
      this.artifacts(item);
      return;
    }
    const index = this.checks.length;
    const check: Check = {
      id: `${owner.id}.${owner.checkIds.length + 1}`, stageId: owner.id, ordinal: owner.checkIds.length + 1, text: item.text, detail: [...item.detail], range,
      kind: 'manual', required: true, task: item.task ? { checked: item.checked === true, line: item.task.line + offset, column: item.task.column } : null,
      stepIds: [], binding: null, hold: null, gateIds: [], issueIds: [],
    };
    owner.checkIds.push(check.id);
    const comment = item.comment ? { parsed: item.comment.parsed, range: this.place(item.comment.range, offset) } : null;
    this.checks.push({ check, facts: item.facts, comment, fixAt: { line: item.textEnd.line + offset, column: item.textEnd.column }, positional: [], gate });
    const open = { range, index };
    this.places.opened(open);
    this.itemSteps(item, offset, open);
  }

  private stageOf(open: OpenCheck): Stage {
    const stageId = this.checks[open.index]?.check.stageId;
    return this.stages.find((s) => s.id === stageId) ?? this.implicitGroup(this.sections.current(), open.range);
  }

  private implicitGroup(section: Section | null, range: SourceRange): Stage {
    const key = section?.id ?? '';
    let group = this.implicitGroups.get(key);
    if (!group) {
      group = this.addGroup(section, section ? this.sections.plainTitle(section) : 'Checklist', section ? section.range : { ...range });
      this.implicitGroups.set(key, group);
    }
    return group;
  }

  /** Inline commands become steps of the item's check; a comment on an item that is no check is a manual step. */
  private itemSteps(item: ItemFragment, offset: number, check: OpenCheck | null): void {
    for (const command of item.commands) {
      // The item's words when it says more than the command; else the command itself.
      const title = item.commands.length === 1 && item.text !== command.code ? truncate(item.text, 60) : truncate(command.step.command, 60);
      this.step(command.step, this.place(command.range, offset), title, offset, check ? { index: check.index, how: 'inline' } : null, false);
    }
    if (!check && item.comment) {
      const { parsed } = item.comment;
      const placed = this.place(item.comment.range, offset);
      const step: StepFragment = { language: 'manual', command: '', annotations: parsed.annotations, allSecret: parsed.allSecret, inputs: [], headRange: item.comment.range, firstLine: '', cwd: null, risk: null, placeholders: [] };
      this.step(step, placed, item.text || null, offset, null, false);
    }
  }

  private artifacts(item: ItemFragment): void {
    if (this.reportFolder !== null || !this.sections.withRole('artifacts')) return;
    this.reportFolder = reportPathIn(item.text, item.codeSpans);
  }

  private addGate(title: string, number: number | null, range: SourceRange, detail: string[], threshold: string | undefined, status: string | undefined, evidence: string | undefined): number {
    const lineLength = this.input.lineLengths[range.startLine - 1] ?? 0;
    const { gate, diagnostics } = buildGate({ title, number, range, detail, threshold, status, evidence, sectionId: this.sections.current()?.id ?? null, lineLength }, this.gateIds);
    this.draft.diagnostics.push(...diagnostics);
    this.gates.push(gate);
    return this.gates.length - 1;
  }

  private reference(event: Extract<FragmentEvent, { kind: 'issue' }>, range: SourceRange): void {
    const fm = this.input.frontMatter.frontMatter;
    this.references.push({
      ref: { line: range.startLine, range, number: event.number, text: event.text, repo: event.repo ?? fm.repo ?? this.input.defaultRepo ?? null },
      source: event.source, cue: event.cue, preconditions: this.preconditionsTitle(),
      // A reference read from a command follows the step it was read from.
      step: event.source === 'text' ? null : this.steps.length - 1,
    });
  }

  private preconditionsTitle(): string | null {
    const section = this.sections.withRole('preconditions');
    return section ? this.sections.plainTitle(section) : null;
  }

  private step(fragment: StepFragment, range: SourceRange, inlineTitle: string | null, offset: number, given: { index: number; how: PositionalHow } | null, fenced = true): void {
    const section = this.sections.current();
    const stageContext = this.itemStage ?? this.headingStage ?? this.checklistGroup;
    const fallback = fragment.language === 'manual' ? (fragment.annotations.name ?? 'Manual check') : truncate(fragment.firstLine, 60);
    // An item's words title a fence after the list only when the item introduces it ("Check the logs:").
    const candidate = this.titleItem && !within(this.titleItem.range, range) && !this.titleItem.introduces ? null : this.titleCandidate;
    const title = fragment.annotations.title ?? inlineTitle ?? (fenced ? candidate : null) ?? fallback;
    if (fenced) this.titleCandidate = null;
    const rollback = (section?.rollback ?? false) || (this.itemStage?.rollback ?? false) || (this.headingStage?.rollback ?? false);
    const positional = given ?? (fenced ? this.places.fence(range, fragment.language === 'manual') : null);
    const boundStage = positional ? this.checks[positional.index]?.check.stageId ?? null : null;
    const { annotations } = fragment;
    this.steps.push({
      step: {
        id: '', title, range, language: fragment.language, command: fragment.command,
        stageId: stageContext?.stage.id ?? boundStage, sectionId: section?.id ?? null, checkIds: [],
        required: annotations.required ?? !rollback, rollback, destructive: false, destructiveReason: null,
        placeholders: fragment.placeholders, cwd: annotations.cwd ?? fragment.cwd,
        annotations: { ...annotations, ...(annotations.secret ? { secret: [...annotations.secret] } : {}) },
        inputs: fragment.inputs.map((i) => i.name),
      },
      fragment,
      headRange: this.place(fragment.headRange, offset),
      sectionTitle: section ? this.sections.plainTitle(section) : null,
    });
    if (positional) this.checks[positional.index]?.positional.push({ step: this.steps.length - 1, how: positional.how });
  }
}

// What the CodeLenses above a runbook say and do, as plain data (the editor turns it into
// CodeLens objects). Two passes, so that VS Code's request stays cheap: `lensSlots` (here)
// decides which lenses exist and where (provideCodeLenses), `lensContent` (lensWords.ts) words
// one of them (resolveCodeLens, only for lenses on screen).
import type { Check, Gate, Runbook, Stage, Step } from '../runbook/model';
import type { CheckRecord, GateRecord, RunRecord, StageRecord, StepRecord } from '../run/record';
import { isRunbookModel } from '../runbook/isRunbookModel';

export { lensContent, stageVerdict, stepResult, holdLength } from './lensWords';

/** Commands the lenses run (the editor prefixes them with `runbookGate.`); `manageTrust` is VS Code's. */
export type LensAction =
  | 'runStage' | 'runCheck' | 'runStep' | 'cancelStep' | 'copyStep' | 'runInTerminal' | 'showStepLog'
  | 'markCheck' | 'markGate' | 'changeBinding' | 'bindToStep' | 'manageTrust' | 'showPanel';

export type SlotName =
  | 'run' | 'verdict' | 'what' | 'state' | 'markPassed' | 'markFailed' | 'markBlocked' | 'changeBinding' | 'bind'
  | 'copy' | 'terminal' | 'result' | 'elapsed' | 'cancel' | 'trust' | 'mark';

export interface LensSlot {
  /** 1-based line the lens sits above. */
  line: number;
  item: 'stage' | 'check' | 'step' | 'gate';
  id: string;
  slot: SlotName;
}

export interface LensContent {
  title: string;
  /** null: a label that does nothing when clicked. */
  action: LensAction | null;
  /** Arguments after the document's URI. */
  args: Array<string | { status: string }>;
  tooltip?: string;
}

/** The state the lenses show besides the model. */
export interface LensView {
  record: RunRecord | null;
  /** Steps running now, and when their attempt started (ms since the epoch). */
  running: ReadonlyMap<string, number>;
  /** Stage, check and step ids waiting behind the current run. */
  queued: ReadonlySet<string>;
  /** A run of this runbook is in progress: a click is queued or offered "Cancel and run". */
  busy: boolean;
  trusted: boolean;
  strict: boolean;
  now: number;
}

/** Lookups built once per (model, record) pair; resolveCodeLens reuses them. */
export interface LensIndex {
  runbook: Runbook;
  stages: Map<string, Stage>;
  checks: Map<string, Check>;
  steps: Map<string, Step>;
  gates: Map<string, Gate>;
  recordStages: Map<string, StageRecord>;
  recordChecks: Map<string, CheckRecord>;
  recordSteps: Map<string, StepRecord>;
  recordGates: Map<string, GateRecord>;
  /** Diagnostics that say a command-looking item is bound to no step, by line. */
  unboundLines: Set<number>;
}

/** Diagnostics that say an item reads like a command but runs no step (yet). */
const UNBOUND_CODES = new Set(['unbound-command-check', 'binding-ambiguous', 'binding-below-threshold']);

/** The last index of each model, with the record it was made for: the lenses and the panel share it. */
const indexes = new WeakMap<Runbook, { record: RunRecord | null; index: LensIndex }>();

export function indexLenses(runbook: Runbook, record: RunRecord | null): LensIndex {
  const known = indexes.get(runbook);
  if (known && known.record === record) return known.index;
  const index = buildIndex(runbook, record);
  indexes.set(runbook, { record, index });
  return index;
}

function buildIndex(runbook: Runbook, record: RunRecord | null): LensIndex {
  return {
    runbook,
    stages: new Map(runbook.stages.map((s) => [s.id, s])),
    checks: new Map(runbook.checks.map((c) => [c.id, c])),
    steps: new Map(runbook.steps.map((s) => [s.id, s])),
    gates: new Map(runbook.gates.map((g) => [g.id, g])),
    recordStages: new Map((record?.stages ?? []).map((s) => [s.id, s])),
    recordChecks: new Map((record?.checks ?? []).map((c) => [c.id, c])),
    recordSteps: new Map((record?.steps ?? []).map((s) => [s.id, s])),
    recordGates: new Map((record?.gates ?? []).map((g) => [g.id, g])),
    unboundLines: new Set(runbook.diagnostics.filter((d) => UNBOUND_CODES.has(d.code)).map((d) => d.range.startLine)),
  };
}

export { isRunbookModel };

// ---------------------------------------------------------------------------------------------
// Pass 1: which lenses exist.

export function lensSlots(index: LensIndex, view: LensView): LensSlot[] {
  const { runbook } = index;
  if (!isRunbookModel(runbook)) return [];
  const slots: LensSlot[] = [];
  const stepLines = new Set(runbook.steps.map((s) => s.range.startLine));
  for (const stage of runbook.stages) {
    const line = stage.range.startLine;
    const runnable = stage.checkIds.length > 0;
    if (runnable) slots.push({ line, item: 'stage', id: stage.id, slot: view.trusted ? 'run' : 'trust' });
    slots.push({ line, item: 'stage', id: stage.id, slot: 'verdict' });
  }
  for (const check of runbook.checks) slots.push(...checkSlots(check, index, view, stepLines));
  for (const step of runbook.steps) slots.push(...stepSlots(step, index, view));
  for (const gate of runbook.gates) {
    slots.push({ line: gate.range.startLine, item: 'gate', id: gate.id, slot: 'state' });
    if (view.trusted) slots.push({ line: gate.range.startLine, item: 'gate', id: gate.id, slot: 'mark' });
  }
  return slots;
}

function checkSlots(check: Check, index: LensIndex, view: LensView, stepLines: Set<number>): LensSlot[] {
  const line = check.range.startLine;
  const at = (slot: SlotName): LensSlot => ({ line, item: 'check', id: check.id, slot });
  // An item that is itself the command (`- Run \`make test\``): the step's lenses say it all.
  const inline = check.kind === 'command' && check.stepIds.some((id) => index.steps.get(id)?.range.startLine === line);
  if (inline && stepLines.has(line)) return [];
  const slots: LensSlot[] = [at('what')];
  const recorded = index.recordChecks.get(check.id);
  if (recorded && recorded.status !== 'pending') slots.push(at('state'));
  const manual = check.kind === 'manual' || (check.kind === 'hold' && check.hold?.durationMs === null && check.hold.businessDays === null);
  const runnable = (check.kind === 'command' && check.stepIds.length > 0) || check.kind === 'dependency' || (check.kind === 'hold' && !manual);
  if (!view.trusted && (manual || check.kind === 'gate' || runnable)) slots.push(at('trust'));
  else if (manual || check.kind === 'gate') slots.push(at('markPassed'), at('markFailed'), at('markBlocked'));
  if (check.kind === 'command' && check.binding?.how === 'inferred' && view.trusted) slots.push(at('changeBinding'));
  if (((check.kind === 'command' && check.stepIds.length === 0) || index.unboundLines.has(line)) && view.trusted) slots.push(at('bind'));
  return slots;
}

function stepSlots(step: Step, index: LensIndex, view: LensView): LensSlot[] {
  const line = step.range.startLine;
  const at = (slot: SlotName): LensSlot => ({ line, item: 'step', id: step.id, slot });
  if (step.language === 'manual') return [];
  if (view.running.has(step.id)) return [at('elapsed'), at('cancel')];
  const slots: LensSlot[] = [at(view.trusted ? 'run' : 'trust'), at('copy')];
  if (view.trusted && !step.annotations.interactive) slots.push(at('terminal'));
  const recorded = index.recordSteps.get(step.id);
  if (recorded && recorded.status !== 'pending') slots.push(at('result'));
  return slots;
}

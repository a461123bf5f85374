// CodeLens on every stage, check and step (src/core/editor/lensPlan.ts says what they are).
// provideCodeLenses only places them, from the cached model of this document version and the
// run's state; resolveCodeLens words the ones on screen. Redrawn when the model, the run or
// the trust changes, when the panel takes the keyboard, every second while a step runs (elapsed
// time), every 30 s while a hold runs.
import * as vscode from 'vscode';
import type { LensIndex, LensSlot, LensView } from '../core/editor/lensPlan';
import type { Runbook } from '../core/runbook/model';
import type { RunRecord } from '../core/run/record';
import { readConfig } from './config';
import { editorCore } from './lazy';
import type { RunbookModels } from './models';
import type { RunManager } from './runs/runManager';

type EditorCore = Awaited<ReturnType<typeof editorCore>>;

/**
 * Lenses are placed only around what is on screen (this many lines either side): a long
 * runbook has thousands of items, and the workbench pays for every lens it is given.
 */
const MARGIN = 300;

/** How long the first request of a document may wait for its model before answering with none. */
const FIRST_ANSWER_MS = 40;

/** 0-based lines around the document's visible ranges, or null when no editor shows it. */
function visibleWindow(document: vscode.TextDocument): { from: number; to: number } | null {
  const ranges = vscode.window.visibleTextEditors.filter((e) => e.document === document).flatMap((e) => e.visibleRanges);
  if (ranges.length === 0) return null;
  const from = Math.min(...ranges.map((r) => r.start.line)) - MARGIN;
  const to = Math.max(...ranges.map((r) => r.end.line)) + MARGIN;
  return { from: Math.max(0, from), to };
}

class RunbookLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly uri: vscode.Uri, readonly slot: LensSlot, readonly index: LensIndex, readonly view: LensView) {
    super(range);
  }
}

export interface LensTiming {
  version: number;
  /** Building the model of this version before the lenses could be placed (ms; 0 when they came from the shifted model). */
  modelMs: number;
  /** provideCodeLenses itself (ms). */
  provideMs: number;
  lenses: number;
  /** Placed from the previous model, its lines carried through the edit (exact lenses follow the background re-model). */
  shifted: boolean;
}

export class LensProvider implements vscode.CodeLensProvider<RunbookLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private core: EditorCore | null = null;
  private readonly timings = new Map<string, LensTiming>();
  private ticker: ReturnType<typeof setInterval> | undefined;
  private tickEvery = 0;

  private readonly subscription: vscode.Disposable;
  /** Documents whose lenses were placed from a shifted model: redraw them once the model is current. */
  private readonly provisional = new Set<string>();

  /** The lines each document's lenses were placed for (those around what is on screen). */
  private readonly windows = new Map<string, { from: number; to: number }>();
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly models: RunbookModels,
    private readonly runs: RunManager,
  ) {
    this.subscription = vscode.Disposable.from(
      models.onDidChangeModel(({ document }) => {
        if (this.provisional.delete(document.uri.toString())) this.changed.fire();
      }),
      // Scrolled towards the edge of the lines that have lenses: place them around the new view.
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor, visibleRanges }) => {
        const placed = this.windows.get(textEditor.document.uri.toString());
        if (!placed) return;
        const first = visibleRanges[0]?.start.line ?? 0;
        const last = visibleRanges.at(-1)?.end.line ?? 0;
        if (first - MARGIN / 2 >= placed.from && last + MARGIN / 2 <= placed.to) return;
        if (this.scrollTimer) clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.changed.fire(), 80);
      }),
    );
  }

  refresh(): void {
    this.counts.refreshed++;
    this.note('refresh');
    this.changed.fire();
    this.retime();
  }

  timing(uri: vscode.Uri): LensTiming | undefined {
    return this.timings.get(uri.toString());
  }

  /** How often VS Code asked for and resolved lenses (the integration suite's diagnostics). */
  readonly counts = { provided: 0, resolved: 0, refreshed: 0 };

  /** The last few requests and redraws, with their times (the integration suite's diagnostics). */
  readonly trail: string[] = [];
  private note(event: string): void {
    this.trail.push(`${new Date().toISOString().slice(11, 23)} ${event}`);
    if (this.trail.length > 40) this.trail.shift();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<RunbookLens[]> {
    const config = readConfig(document.uri);
    if (!config.codeLensEnabled) return [];
    this.counts.provided++;
    const started = performance.now();
    // After an edit the current model may still be building: place the lenses from the previous
    // one, carried through the edit, and redraw when the model is current (onDidChangeModel).
    const current = this.models.peek(document);
    const shifted = current || !this.core ? undefined : this.models.shifted(document);
    let runbook = current ?? shifted?.runbook;
    if (!runbook || !this.core) {
      // The first model of a document (and the parser's bundle) may take a while: answer within
      // a short budget, else with none and redraw when it is ready. VS Code spaces its requests
      // by how long providers take, so one slow answer would delay every later redraw.
      const ready = Promise.all([this.models.get(document), editorCore()]);
      const within = await Promise.race([ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_ANSWER_MS))]);
      if (!within) {
        this.note(`v${document.version}: none yet, the model is being built`);
        void ready.then(() => this.changed.fire(), () => undefined);
        return [];
      }
      [runbook, this.core] = within;
    }
    const placed = performance.now();
    if (shifted) this.provisional.add(document.uri.toString());
    const run = this.runs.get(document.uri);
    if (!run.restored && this.core.isRunbookModel(runbook)) void this.runs.restore(document.uri);
    const view: LensView = {
      record: run.record,
      running: run.running,
      queued: run.queuedIds,
      busy: run.busy,
      trusted: vscode.workspace.isTrusted,
      strict: config.strict,
      now: Date.now(),
    };
    const index = this.index(runbook, run.record);
    const lenses: RunbookLens[] = [];
    const window = visibleWindow(document);
    if (window) this.windows.set(document.uri.toString(), window);
    else this.windows.delete(document.uri.toString());
    for (const slot of this.core.lensSlots(index, view)) {
      const at = shifted ? shifted.line(slot.line) : slot.line;
      if (at === null) continue; // its line was just edited: it comes back with the new model
      const line = Math.min(Math.max(0, at - 1), document.lineCount - 1);
      if (window && (line < window.from || line > window.to)) continue;
      lenses.push(new RunbookLens(new vscode.Range(line, 0, line, 0), document.uri, slot, index, view));
    }
    // Exact lenses follow once the model of this version is built (it redraws them).
    if (shifted) setTimeout(() => void this.models.get(document), 0);
    const timing = this.models.timing(document.uri);
    // Whether built here or by the settle timer before this request, a model of this version
    // built before the lenses were placed is part of the edit -> lens work; a shifted one is not.
    const modelled = !shifted && timing?.version === document.version;
    // Edit -> lens is the first request after an edit; later ones (ticks, refreshes) are not timed.
    if (this.timings.get(document.uri.toString())?.version !== document.version) this.timings.set(document.uri.toString(), {
      version: document.version,
      modelMs: modelled ? timing.modelMs : 0,
      provideMs: performance.now() - (modelled ? placed : started),
      lenses: lenses.length,
      shifted: shifted !== undefined,
    });
    this.note(`v${document.version}: ${lenses.length} lenses${shifted ? ' (shifted)' : ''}, record of ${run.record?.updatedAt ?? '-'}`);
    return lenses;
  }

  resolveCodeLens(lens: RunbookLens): RunbookLens {
    this.counts.resolved++;
    const content = this.core?.lensContent(lens.slot, lens.index, lens.view);
    if (this.trail.at(-1)?.endsWith(' resolve') !== true) this.note('resolve');
    if (!content) {
      lens.command = { title: '', command: '' };
      return lens;
    }
    const command = content.action === null ? '' : content.action === 'manageTrust' ? 'workbench.trust.manage' : `runbookGate.${content.action}`;
    lens.command = {
      title: content.title,
      command,
      tooltip: content.tooltip,
      arguments: content.action === null || content.action === 'manageTrust' ? [] : [lens.uri, ...content.args],
    };
    return lens;
  }

  private index(runbook: Runbook, record: RunRecord | null): LensIndex {
    // Made once per model and record, and shared with the panel (lensPlan.ts).
    return this.core!.indexLenses(runbook, record);
  }

  /** Elapsed times tick every second while a step runs; hold countdowns every 30 s. */
  private retime(): void {
    const running = this.runs.all().some((r) => r.running.size > 0);
    const holding = this.runs.all().some((r) => r.record?.checks.some((c) => c.status === 'holding'));
    const every = running ? 1000 : holding ? 30_000 : 0;
    if (every === this.tickEvery) return;
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = every ? setInterval(() => this.changed.fire(), every) : undefined;
    this.tickEvery = every;
  }

  dispose(): void {
    this.subscription.dispose();
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    if (this.ticker) clearInterval(this.ticker);
    this.changed.dispose();
  }
}

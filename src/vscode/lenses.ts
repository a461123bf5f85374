// CodeLens on every stage, check and step (src/core/editor/lensPlan.ts says what they are).
// provideCodeLenses only places them, from the cached model of this document version and the
// run's state; resolveCodeLens words the ones on screen. Redrawn when the model, the run or
// the trust changes, every second while a step runs (elapsed time), every 30 s while a hold runs.
import * as vscode from 'vscode';
import type { LensIndex, LensSlot, LensView } from '../core/editor/lensPlan';
import type { Runbook } from '../core/runbook/model';
import type { RunRecord } from '../core/run/record';
import { readConfig } from './config';
import { editorCore } from './lazy';
import type { RunbookModels } from './models';
import type { RunManager } from './runs/runManager';

type EditorCore = Awaited<ReturnType<typeof editorCore>>;

class RunbookLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly uri: vscode.Uri, readonly slot: LensSlot, readonly index: LensIndex, readonly view: LensView) {
    super(range);
  }
}

export interface LensTiming {
  version: number;
  /** Building the model of this version (ms). */
  modelMs: number;
  /** provideCodeLenses itself (ms). */
  provideMs: number;
  lenses: number;
}

export class LensProvider implements vscode.CodeLensProvider<RunbookLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private core: EditorCore | null = null;
  private readonly indexes = new WeakMap<Runbook, { record: RunRecord | null; index: LensIndex }>();
  private readonly timings = new Map<string, LensTiming>();
  private ticker: ReturnType<typeof setInterval> | undefined;
  private tickEvery = 0;

  constructor(
    private readonly models: RunbookModels,
    private readonly runs: RunManager,
  ) {}

  refresh(): void {
    this.changed.fire();
    this.retime();
  }

  timing(uri: vscode.Uri): LensTiming | undefined {
    return this.timings.get(uri.toString());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<RunbookLens[]> {
    if (!readConfig(document.uri).codeLensEnabled) return [];
    const runbook = this.models.peek(document) ?? (await this.models.get(document));
    this.core ??= await editorCore();
    const started = performance.now();
    const run = this.runs.get(document.uri);
    if (!run.restored && this.core.isRunbookModel(runbook)) void this.runs.restore(document.uri);
    const view: LensView = {
      record: run.record,
      running: run.running,
      queued: run.queuedIds,
      busy: run.busy,
      trusted: vscode.workspace.isTrusted,
      strict: readConfig(document.uri).strict,
      now: Date.now(),
    };
    const index = this.index(runbook, run.record);
    const lenses = this.core.lensSlots(index, view).map((slot) => {
      const line = Math.min(Math.max(0, slot.line - 1), document.lineCount - 1);
      return new RunbookLens(new vscode.Range(line, 0, line, 0), document.uri, slot, index, view);
    });
    const timing = this.models.timing(document.uri);
    this.timings.set(document.uri.toString(), {
      version: document.version,
      modelMs: timing?.version === document.version ? timing.modelMs : 0,
      provideMs: performance.now() - started,
      lenses: lenses.length,
    });
    return lenses;
  }

  resolveCodeLens(lens: RunbookLens): RunbookLens {
    const content = this.core?.lensContent(lens.slot, lens.index, lens.view);
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
    const cached = this.indexes.get(runbook);
    if (cached && cached.record === record) return cached.index;
    const index = this.core!.indexLenses(runbook, record);
    this.indexes.set(runbook, { record, index });
    return index;
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
    if (this.ticker) clearInterval(this.ticker);
    this.changed.dispose();
  }
}

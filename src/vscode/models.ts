// Runbook models of open Markdown documents, one incremental modeler per document, cached per
// document version. The modelling itself happens on the parser's worker thread
// (dist/modelWorker.js), or on the host, time-sliced, when there is no worker. Edits are
// re-modelled after a short pause (diagnostics and the panel follow onDidChangeModel); a request
// for the current version models it at once. Nothing here runs at activation: the parser's
// bundle loads with the first Markdown document.
import * as vscode from 'vscode';
import type { Runbook } from '../core/runbook/model';
import type { ModelWorker } from '../node/modelWorker/client';
import { editorCore } from './lazy';

/** A document's modeler: the worker's, or the parser's own time-sliced one on the host. */
interface Modeler {
  modelAsync(text: string): Promise<Runbook>;
  stats(): { longestSliceMs: number; modeledIn?: 'worker' | 'host'; hostBecause?: string | null };
  /** The document closed: the worker drops its cache. */
  forget?(): void;
}


/** One content change of an edit, in the coordinates of the text just before it (0-based lines). */
interface LineChange {
  start: number;
  end: number;
  startCharacter: number;
  pureInsert: boolean;
  added: number;
}

interface Entry {
  version: number;
  runbook: Runbook | null;
  /** Edits made since `runbook` was built (their resulting version and changes), for shifted lenses. */
  edits: Array<{ version: number; changes: LineChange[] }>;
  pending: { version: number; promise: Promise<Runbook> } | null;
  modeler: Modeler | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface ModelTiming {
  version: number;
  /** Time spent building the model, ms (with the parser's time-sliced modelAsync: wall time, yields included). */
  modelMs: number;
  /** The longest stretch the parser held the extension host without yielding, ms (when it says). */
  longestSliceMs: number | null;
  /** Where the model was built: the parser's worker thread, or the host (no worker, or it failed). */
  modeledIn: 'worker' | 'host' | null;
  /** Why the model was built on the host, when it was. */
  workerFailure: string | null;
  /** When the edit arrived (performance.now()), for edit -> lens timing. */
  editedAt: number | null;
}

/**
 * Re-model this long after the last keystroke, for diagnostics and the panel. Lenses do not wait
 * for it: VS Code asks for them ≥ 250 ms after an edit, they are placed from the previous model
 * carried through the edit, and the re-model starts right after (see lenses.ts).
 */
const SETTLE_MS = 400;

export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled' || document.uri.scheme === 'vscode-remote');
}

function lineChange(change: vscode.TextDocumentContentChangeEvent): LineChange {
  const { start, end } = change.range;
  return {
    start: start.line,
    end: end.line,
    startCharacter: start.character,
    pureInsert: change.rangeLength === 0,
    added: (change.text.match(/\n/g) ?? []).length,
  };
}

/** Where a 0-based line of the text before a change is after it; null inside the replaced lines. */
export function shiftLine(line: number, change: LineChange): number | null {
  const delta = change.added - (change.end - change.start);
  if (line < change.start) return line;
  if (line > change.end) return line + delta;
  if (line === change.start) {
    // Text inserted at the very start of the line pushes it down; an edit inside it keeps it.
    return change.pureInsert && change.startCharacter === 0 ? line + change.added : change.end === change.start ? line : null;
  }
  return null;
}

export class RunbookModels implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<{ document: vscode.TextDocument; runbook: Runbook }>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  private readonly timings = new Map<string, ModelTiming>();
  /** Fires when a document's model was rebuilt. */
  readonly onDidChangeModel = this.changed.event;

  private worker: ModelWorker | null = null;

  /** `workerFile`: the bundled parser worker; null models on the host. */
  constructor(private readonly workerFile: string | null = null) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!isMarkdown(event.document) || event.contentChanges.length === 0) return;
        const key = event.document.uri.toString();
        this.timings.set(key, { version: event.document.version, modelMs: 0, longestSliceMs: null, modeledIn: null, workerFailure: null, editedAt: performance.now() });
        const entry = this.entries.get(key);
        if (entry?.runbook) {
          entry.edits.push({ version: event.document.version, changes: event.contentChanges.map(lineChange) });
          if (entry.edits.length > 500) entry.edits.splice(0, entry.edits.length); // too far behind: model it
        }
        this.schedule(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const entry = this.entries.get(document.uri.toString());
        if (entry?.timer) clearTimeout(entry.timer);
        entry?.modeler?.forget?.();
        this.entries.delete(document.uri.toString());
        this.timings.delete(document.uri.toString());
      }),
    );
  }

  /** The model of the document as it is now. */
  get(document: vscode.TextDocument): Promise<Runbook> {
    const entry = this.entry(document);
    if (entry.runbook && entry.version === document.version) return Promise.resolve(entry.runbook);
    if (entry.pending?.version === document.version) return entry.pending.promise;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    const version = document.version;
    const promise = this.build(document, entry, version);
    entry.pending = { version, promise };
    return promise;
  }

  /** The model if it is current, without building one. */
  peek(document: vscode.TextDocument): Runbook | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry?.runbook && entry.version === document.version ? entry.runbook : undefined;
  }

  /**
   * The latest model with its lines carried through the edits made since (a line inside an
   * edited region maps to null): lenses can be placed at once while the document is re-modelled
   * in the background. Undefined when there is no model, or the edits were not all seen.
   */
  shifted(document: vscode.TextDocument): { runbook: Runbook; line(line: number): number | null } | undefined {
    const entry = this.entries.get(document.uri.toString());
    if (!entry?.runbook || entry.edits.length === 0) return undefined;
    const edits = entry.edits.filter((e) => e.version > entry.version);
    // Every version since the model's must have been seen, in order.
    if (edits.at(-1)?.version !== document.version || edits.some((e, i) => e.version !== entry.version + 1 + i)) return undefined;
    const changes = edits.flatMap((e) => e.changes);
    return {
      runbook: entry.runbook,
      line: (line) => {
        let at: number | null = line - 1;
        for (const change of changes) {
          if (at === null) break;
          at = shiftLine(at, change);
        }
        return at === null ? null : at + 1;
      },
    };
  }

  /** The latest model of the document, whatever its version. */
  latest(uri: vscode.Uri): Runbook | undefined {
    return this.entries.get(uri.toString())?.runbook ?? undefined;
  }

  async forUri(uri: vscode.Uri): Promise<{ document: vscode.TextDocument; runbook: Runbook }> {
    const document = await vscode.workspace.openTextDocument(uri);
    return { document, runbook: await this.get(document) };
  }

  timing(uri: vscode.Uri): ModelTiming | undefined {
    return this.timings.get(uri.toString());
  }

  private entry(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { version: -1, runbook: null, edits: [], pending: null, modeler: null, timer: undefined };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private schedule(document: vscode.TextDocument): void {
    const entry = this.entry(document);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (!document.isClosed) void this.get(document);
    }, SETTLE_MS);
  }

  private async build(document: vscode.TextDocument, entry: Entry, version: number): Promise<Runbook> {
    const core = await editorCore();
    const key = document.uri.toString();
    if (this.workerFile && !this.worker) {
      this.worker = new core.ModelWorker({ workerFile: this.workerFile, hostModeler: () => core.createRunbookModeler() });
    }
    entry.modeler ??= this.worker ? this.worker.modelerFor(key) : core.createRunbookModeler();
    const text = document.getText();
    const started = performance.now();
    const runbook = await entry.modeler.modelAsync(text);
    const modelMs = performance.now() - started;
    const stats = entry.modeler.stats();
    const timing = this.timings.get(key);
    this.timings.set(key, {
      version, modelMs, longestSliceMs: stats.longestSliceMs, modeledIn: stats.modeledIn ?? 'host',
      workerFailure: stats.hostBecause ?? this.worker?.failure ?? (this.workerFile ? null : 'no worker'),
      editedAt: timing?.version === version ? timing.editedAt : null,
    });
    if (entry.pending?.version === version) entry.pending = null;
    if (version >= entry.version) {
      entry.version = version;
      entry.runbook = runbook;
      entry.edits = entry.edits.filter((e) => e.version > version);
      this.changed.fire({ document, runbook });
    }
    return runbook;
  }

  dispose(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
    this.worker?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

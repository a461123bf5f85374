// One runbook's run as the editor holds it: the session (a RunHandle, one per runbook until
// "Reset run"), the latest record (from the session, or read from the run directory after a
// reload or a CLI run), what is running and queued, and the tail of the running step's output
// (replayed to a panel that opens mid-run). Listeners hear about every change.
import type * as vscode from 'vscode';
import type { RunHandle } from '../../app/runHandle';
import type { RunRecord } from '../../core/run/record';
import type { Selection } from '../../core/run/plan';
import { PANEL_REPLAY_CHARS } from '../../../webview/messages';

export interface Job {
  label: string;
  selection: Selection;
  /** Ids the job names (stages, checks, steps): their lenses say "queued" while it waits. */
  ids: string[];
  kind: 'stage' | 'steps';
  abort: AbortController;
  done: Promise<RunRecord | undefined>;
  settle(record: RunRecord | undefined): void;
}

export interface OutputEvent {
  uri: vscode.Uri;
  stepId: string;
  attempt: number;
  text: string;
  reset: boolean;
}

export class RunbookRun {
  handle: RunHandle | null = null;
  /** SHA-256 of the document text the session was opened with: an edited document reopens it. */
  handleText: string | null = null;
  record: RunRecord | null = null;
  /** Absolute run directory of `record`. */
  runDir: string | null = null;
  job: Job | null = null;
  readonly queue: Job[] = [];
  /** Steps running now -> when their attempt started (ms). */
  readonly running = new Map<string, number>();
  tail: { stepId: string; attempt: number; text: string } | null = null;
  restored = false;
  /** Counts "Reset run"s: the panel drops output from before one. */
  generation = 0;
  private readonly attempts = new Map<string, number>();

  constructor(
    readonly uri: vscode.Uri,
    private readonly emit: { changed(run: RunbookRun, changedChecks: Set<string>, live: boolean): void; output(event: OutputEvent): void },
  ) {}

  get busy(): boolean {
    return this.job !== null;
  }

  get queuedIds(): Set<string> {
    return new Set(this.queue.flatMap((job) => job.ids));
  }

  /**
   * A record from the session (`live`: checkboxes follow it) or read from disk (a reload, a CLI
   * run: the document is left as it is). Listeners hear which checks changed status.
   */
  setRecord(record: RunRecord | null, runDir: string | null, live = false): void {
    const before = new Map((this.record?.checks ?? []).map((c) => [c.id, c.status]));
    this.record = record;
    this.runDir = runDir;
    this.running.clear();
    const changed = new Set<string>();
    for (const check of record?.checks ?? []) if (before.get(check.id) !== check.status) changed.add(check.id);
    for (const step of record?.steps ?? []) {
      const last = step.attempts.at(-1);
      if (step.status !== 'running' || !last) continue;
      this.running.set(step.id, last.startedAt ? Date.parse(last.startedAt) : Date.now());
      if (this.attempts.get(step.id) !== last.n) {
        // A new attempt: its output starts afresh.
        this.attempts.set(step.id, last.n);
        this.tail = { stepId: step.id, attempt: last.n, text: '' };
        this.emit.output({ uri: this.uri, stepId: step.id, attempt: last.n, text: '', reset: true });
      }
    }
    this.emit.changed(this, changed, live);
  }

  /** Masked output of a running step. */
  output(stepId: string, text: string): void {
    const attempt = this.attempts.get(stepId) ?? this.record?.steps.find((s) => s.id === stepId)?.attempts.at(-1)?.n ?? 1;
    if (!this.tail || this.tail.stepId !== stepId || this.tail.attempt !== attempt) this.tail = { stepId, attempt, text: '' };
    this.tail.text = (this.tail.text + text).slice(-PANEL_REPLAY_CHARS);
    this.emit.output({ uri: this.uri, stepId, attempt, text, reset: false });
  }

  /** "Reset run": the next action starts a new run directory. */
  clear(): void {
    this.generation++;
    this.handle = null;
    this.handleText = null;
    this.tail = null;
    this.attempts.clear();
    this.setRecord(null, null);
  }
}

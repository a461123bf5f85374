// Runs through the use-case layer only: one GateService per workspace folder, one RunHandle per
// runbook until "Reset run". A click during a run is queued (or cancels it first); Escape at an
// input prompt cancels the run; cancel is recorded as cancelled by the core, never as failed.
// The latest run of a runbook is restored from its run directory (read only: nothing is written
// until the user acts), so a reload or a run started in the CLI carries on here.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { GateService } from '../../app/gateService';
import type { RunHandle } from '../../app/runHandle';
import type { MarkStatus, NoteRecord, RunRecord } from '../../core/run/record';
import type { Selection } from '../../core/run/plan';
import { readConfig } from '../config';
import { runtime } from '../lazy';
import type { RunbookModels } from '../models';
import { editorPorts } from './editorPorts';
import type { InputPrompts } from './inputPrompts';
import { jobScope, PromptCancelled } from './jobScope';
import { RunbookRun, type Job, type OutputEvent } from './runbookRun';
import type { Notifier } from '../notify';

const RESETS = 'runbookGate.resets';

export interface RunChange {
  run: RunbookRun;
  changedChecks: Set<string>;
  /** From this window's session (not a record read from disk). */
  live: boolean;
}

export interface RunRequest {
  selection: Selection;
  label: string;
  ids: string[];
  kind: Job['kind'];
  /** What to do when a run of this runbook is in progress; asked when absent. */
  whenBusy?: 'queue' | 'cancel';
}

export class RunManager implements vscode.Disposable {
  private readonly runs = new Map<string, RunbookRun>();
  private readonly services = new Map<string, Promise<GateService>>();
  private readonly changed = new vscode.EventEmitter<RunChange>();
  private readonly outputs = new vscode.EventEmitter<OutputEvent>();
  readonly onDidChange = this.changed.event;
  readonly onOutput = this.outputs.event;

  constructor(
    private readonly models: RunbookModels,
    private readonly prompts: InputPrompts,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly notify: Notifier,
  ) {
    // Services built in Restricted Mode know less (no git user): build them again once trusted.
    this.trustSubscription = vscode.workspace.onDidGrantWorkspaceTrust(() => this.services.clear());
  }

  private readonly trustSubscription: vscode.Disposable;

  get(uri: vscode.Uri): RunbookRun {
    const key = uri.toString();
    let run = this.runs.get(key);
    if (!run) {
      run = new RunbookRun(uri, {
        changed: (r, changedChecks, live) => this.changed.fire({ run: r, changedChecks, live }),
        output: (event) => this.outputs.fire(event),
      });
      this.runs.set(key, run);
    }
    return run;
  }

  all(): RunbookRun[] {
    return [...this.runs.values()];
  }

  /** Reads the runbook's latest run (not one from before its last reset) from the runs folder. */
  async restore(uri: vscode.Uri, force = false): Promise<void> {
    const run = this.get(uri);
    // A live session's record is newer than anything on disk.
    if ((run.restored && !force) || run.handle) return;
    run.restored = true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme !== 'file') return;
    try {
      const service = await this.service(folder);
      const root = await service.runsRoot();
      const relative = await this.relativePath(service, uri);
      const dir = await service.latestRun(root, relative);
      if (!dir) return;
      const rt = await runtime();
      const record = await new rt.FileRunStore(dir).read();
      const resetAt = this.state.get<Record<string, string>>(RESETS, {})[uri.toString()];
      if (resetAt && record.startedAt < resetAt) return;
      if (run.handle) return;
      run.setRecord(record, dir);
    } catch (error) {
      this.log.warn(`could not restore the latest run of ${vscode.workspace.asRelativePath(uri)}: ${(error as Error).message}`);
    }
  }

  /** run.json of `dir` changed on disk (a `mark` in a terminal, a CLI run): the runbooks showing it catch up. */
  async reloadFromDisk(dir: string, created: boolean): Promise<void> {
    for (const run of this.runs.values()) {
      if (run.busy) continue;
      try {
        if (run.runDir === dir && run.handle) await run.handle.refresh();
        else if (run.runDir === dir) run.setRecord(await new (await runtime()).FileRunStore(dir).read(), dir);
        else if (created && !run.handle) await this.restore(run.uri, true);
      } catch (error) {
        this.log.warn(`could not re-read ${dir}: ${(error as Error).message}`);
      }
    }
  }

  /** Runs a selection of the runbook; resolves to the record once it ran (undefined when cancelled before it started). */
  async run(uri: vscode.Uri, request: RunRequest): Promise<RunRecord | undefined> {
    const run = this.get(uri);
    if (run.busy) {
      const choice = request.whenBusy ?? (await this.askWhenBusy(run, request.label));
      if (!choice) return undefined;
      if (choice === 'cancel') this.cancel(uri);
    }
    let settle!: (record: RunRecord | undefined) => void;
    const done = new Promise<RunRecord | undefined>((resolve) => (settle = resolve));
    const job: Job = { label: request.label, selection: request.selection, ids: request.ids, kind: request.kind, abort: new AbortController(), done, settle };
    run.queue.push(job);
    this.changed.fire({ run, changedChecks: new Set(), live: false });
    if (!run.busy) void this.drain(run);
    return done;
  }

  cancel(uri: vscode.Uri): boolean {
    const run = this.get(uri);
    if (!run.job) return false;
    run.job.abort.abort(new Error('cancelled by the user'));
    return true;
  }

  /** Cancels every run (deactivation). */
  cancelAll(): void {
    for (const run of this.runs.values()) {
      for (const job of run.queue) job.settle(undefined);
      run.queue.length = 0;
      run.job?.abort.abort(new Error('the window is closing'));
    }
  }

  async mark(uri: vscode.Uri, id: string, status: MarkStatus | 'green' | 'red', note: string): Promise<RunRecord> {
    const handle = await this.session(uri, 'vscode: mark');
    return handle.mark(id, status, note, await this.user(uri));
  }

  async note(uri: vscode.Uri, kind: NoteRecord['kind'], text: string): Promise<RunRecord> {
    const handle = await this.session(uri, 'vscode: note');
    return handle.note(kind, text, await this.user(uri));
  }

  /** Ends the runbook's session; the next action starts a new run directory. */
  async reset(uri: vscode.Uri): Promise<void> {
    const run = this.get(uri);
    if (run.busy) throw new Error('A run of this runbook is in progress: cancel it first.');
    await run.handle?.finish('finished').catch((error: Error) => this.log.warn(`closing the session: ${error.message}`));
    await this.state.update(RESETS, { ...this.state.get<Record<string, string>>(RESETS, {}), [uri.toString()]: new Date().toISOString() });
    run.clear();
  }

  /** Sessions are closed (secrets forgotten, window closing); records stay. */
  async closeSessions(): Promise<void> {
    await Promise.all([...this.runs.values()].filter((r) => r.handle && !r.busy).map(async (r) => {
      await r.handle!.finish('finished').catch(() => undefined);
      r.handle = null;
      r.handleText = null;
    }));
  }

  /**
   * The runbook's session, opened (resuming its latest run) when there is none. An edited
   * document (the user's, or our own checkbox ticks mid-run) joins the open session: closing it
   * would end the step that is running and drop its evidence.
   */
  async session(uri: vscode.Uri, command: string): Promise<RunHandle> {
    const run = this.get(uri);
    const { document, runbook } = await this.models.forUri(uri);
    const text = document.getText();
    const hash = createHash('sha256').update(text).digest('hex');
    if (run.handle && run.handleText === hash) return run.handle;
    if (run.handle) {
      const handle = run.handle;
      run.handleText = hash;
      run.setRecord(await handle.useRunbook(runbook, hash), handle.dir);
      return handle;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme !== 'file') throw new Error('Open the runbook from a folder of the workspace: runs and reports are written inside it.');
    const service = await this.service(folder);
    if (!run.handle && !run.restored) await this.restore(uri);
    const handle = await service.open({
      runbookPath: uri.fsPath, text, runbook, resume: run.runDir ?? null, command, strict: readConfig(uri).strict,
    });
    handle.addListener({
      onRecord: (record) => {
        if (run.handle === handle) run.setRecord(record, handle.dir, true);
      },
      onOutput: (stepId, output) => {
        if (run.handle === handle) run.output(stepId, output);
      },
    });
    run.handle = handle;
    run.handleText = hash;
    run.setRecord(handle.record, handle.dir);
    return handle;
  }

  async service(folder: vscode.WorkspaceFolder): Promise<GateService> {
    const key = folder.uri.toString();
    let service = this.services.get(key);
    if (!service) {
      service = (async () => {
        const rt = await runtime();
        return new rt.GateService(await editorPorts(folder, this.prompts, this.log, this.notify));
      })();
      service.catch(() => this.services.delete(key));
      this.services.set(key, service);
    }
    return service;
  }

  private async relativePath(service: GateService, uri: vscode.Uri): Promise<string> {
    const guard = await service.guard();
    return guard.relative(await guard.inside(uri.fsPath, 'The runbook', { trusted: true }));
  }

  private async user(uri: vscode.Uri): Promise<string | null> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? (await this.service(folder)).ports.user : null;
  }

  private async askWhenBusy(run: RunbookRun, label: string): Promise<'queue' | 'cancel' | undefined> {
    const running = run.job?.label ?? 'a run';
    const choice = await vscode.window.showInformationMessage(`Runbook Gate: ${running} is in progress. ${label}:`, 'Queue after it', 'Cancel it and run');
    return choice === 'Queue after it' ? 'queue' : choice === 'Cancel it and run' ? 'cancel' : undefined;
  }

  private async drain(run: RunbookRun): Promise<void> {
    while (run.queue.length > 0 && !run.busy) {
      const job = run.queue.shift()!;
      run.job = job;
      this.changed.fire({ run, changedChecks: new Set(), live: false });
      let record: RunRecord | undefined;
      try {
        record = await this.execute(run, job);
      } catch (error) {
        if (error instanceof PromptCancelled || (error as Error).name === 'PromptCancelled') {
          this.notify.info((error as Error).message);
        } else {
          this.log.error(`${job.label}: ${(error as Error).stack ?? (error as Error).message}`);
          this.notify.error(`${job.label} failed: ${(error as Error).message}`, { label: 'Show Log', run: () => this.log.show(true) });
        }
        record = run.record ?? undefined;
      } finally {
        run.job = null;
        this.changed.fire({ run, changedChecks: new Set(), live: false });
      }
      job.settle(record);
    }
  }

  private async execute(run: RunbookRun, job: Job): Promise<RunRecord> {
    const handle = await this.session(run.uri, `vscode: ${job.label}`);
    const folder = vscode.workspace.getWorkspaceFolder(run.uri)!;
    const scope = { runbook: run.uri.toString(), folder: folder.uri.toString(), abort: job.abort };
    const title = `Runbook Gate: ${job.label}`;
    const location = job.kind === 'stage' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    return vscode.window.withProgress({ location, title, cancellable: job.kind === 'stage' }, async (progress, token) => {
      token.onCancellationRequested(() => job.abort.abort(new Error('cancelled by the user')));
      const listener = handle.addListener({
        onRecord: (record) => {
          const running = record.steps.find((s) => s.status === 'running');
          if (running) progress.report({ message: running.title });
        },
      });
      try {
        return await jobScope.run(scope, () => handle.run(job.selection, job.abort.signal));
      } finally {
        listener();
      }
    });
  }

  dispose(): void {
    this.trustSubscription.dispose();
    this.cancelAll();
    void this.closeSessions();
    this.changed.dispose();
    this.outputs.dispose();
  }
}

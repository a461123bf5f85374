// One open run: a session of a host working on a run directory. The CLI opens one for a
// command (`run`, `mark`, `exec`, `note`) and finishes it; the editor keeps one per runbook
// until "Reset run". Every change goes through the store's commit (events under the lock).
import type { OutputStream, RunStore } from '../core/ports';
import type { Runbook, RunbookInput, Step } from '../core/runbook/model';
import type { RunEvent } from '../core/run/events';
import type { Attempt, MarkStatus, NoteRecord, RunRecord, SessionRecord } from '../core/run/record';
import { decideRun } from '../core/gate/decide';
import type { GateDecision } from '../core/gate/types';
import { executePlan, type ExecutionContext } from '../core/run/executor';
import { planSelection, resolveStages, type Selection } from '../core/run/plan';
import { runAttempt } from '../core/run/stepAttempt';
import type { SecretMasker } from '../core/secrets/secretMasker';
import type { HostPorts, RunListener } from './ports';
import type { RunInputs } from './inputs';
import { defineRun } from '../core/run/defineRun';
import { lookupDependencies } from './dependencies';
import { resultsReader } from './resultsReader';
import type { WorkspaceGuard } from '../node/workspaceGuard';
import { UsageProblem } from './problems';
import { shellInvocation } from '../node/shell';

export interface HandleParts {
  ports: HostPorts;
  guard: WorkspaceGuard;
  store: RunStore;
  record: RunRecord;
  session: number;
  runbook: Runbook | null;
  inputs: RunInputs;
  shell: string;
  /** `--github-repo`, when the command line named one. */
  githubRepo: string | null;
}

export class RunHandle {
  private readonly listeners = new Set<RunListener>();
  private readonly background = new Set<Promise<unknown>>();
  private current: RunRecord;
  private finished = false;

  constructor(private readonly parts: HandleParts) {
    this.current = parts.record;
  }

  get dir(): string {
    return this.parts.store.dir;
  }

  get store(): RunStore {
    return this.parts.store;
  }

  get record(): RunRecord {
    return this.current;
  }

  get runbook(): Runbook | null {
    return this.parts.runbook;
  }

  get session(): number {
    return this.parts.session;
  }

  get masker(): SecretMasker {
    return this.parts.inputs.masker;
  }

  /** The run's inputs and masker (secrets given in prompts included), e.g. for publishing. */
  get inputs(): RunInputs {
    return this.parts.inputs;
  }

  /**
   * The document changed while the run is open (an editor keeps one run per runbook): its new
   * checks and steps join the run, evidence of the known ones stays (the record's rule).
   */
  async useRunbook(runbook: Runbook, sha256: string): Promise<RunRecord> {
    this.parts.runbook = runbook;
    this.parts.inputs.useRunbook(runbook);
    const at = this.now();
    return this.commit([
      { type: 'runbook-loaded', at, definition: defineRun({ runbook, runbookPath: this.current.runbook.path, sha256, mask: (t) => this.masker.mask(t) }) },
      this.parts.inputs.recordEvent(at),
    ]);
  }

  addListener(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  decide(strict = false): GateDecision {
    return decideRun(this.current, { strict });
  }

  /** Reads run.json again: marks and notes another process made since. */
  async refresh(): Promise<RunRecord> {
    this.current = await this.parts.store.read();
    this.emitRecord();
    return this.current;
  }

  async commit(events: RunEvent[]): Promise<RunRecord> {
    this.current = await this.parts.store.commit(events);
    this.emitRecord();
    return this.current;
  }

  /** Runs what the selection names (a stage, checks, steps, all), in order, under the stage policy. */
  async run(selection: Selection, signal?: AbortSignal, options: { unfinishedOnly?: boolean } = {}): Promise<RunRecord> {
    const runbook = this.requireRunbook();
    const plan = planSelection(runbook, selection);
    if (options.unfinishedOnly) {
      // Resuming without a selection: carry on — steps that already passed are not run again.
      const passed = new Set(this.current.steps.filter((s) => s.status === 'passed').map((s) => s.id));
      plan.work = plan.work.filter((item) => item.kind !== 'step' || !passed.has(item.stepId));
    }
    const ctx = this.executionContext(runbook);
    await executePlan(ctx, plan, signal);
    return this.current;
  }

  /** A person's verdict on a check, a stage or a gate (`mark RUN_DIR ID STATUS --note …`). */
  async mark(id: string, status: MarkStatus | 'green' | 'red', note: string, by: string | null): Promise<RunRecord> {
    const at = this.now();
    const text = this.masker.mask(note.trim().replace(/\s+/g, ' '));
    const record = this.current;
    const gate = record.gates.find((g) => g.id === id);
    if (gate) {
      const gateStatus = status === 'passed' || status === 'green' ? 'green' : status === 'failed' || status === 'red' ? 'red' : status === 'blocked' ? 'blocked' : null;
      if (gateStatus === null) throw new UsageProblem(`a gate is marked green, red or blocked, not ${status}`);
      return this.commit([{ type: 'gate-observed', at, gateId: id, observation: { at, source: 'mark', stepId: null, attempt: null, status: gateStatus, value: null, note: text, by } }]);
    }
    const markStatus: MarkStatus = status === 'green' ? 'passed' : status === 'red' ? 'failed' : status;
    // What a person marks is part of the run from then on: it comes into the scope.
    if (record.checks.some((c) => c.id === id)) {
      return this.commit([
        { type: 'scope-added', at, scope: { stageIds: [], checkIds: [id], stepIds: [], gateIds: [] } },
        { type: 'check-marked', at, checkId: id, mark: { status: markStatus, note: text, by, at } },
      ]);
    }
    const stage = record.stages.find((s) => s.id === id) ?? this.stageByReference(id);
    if (stage) {
      return this.commit([
        { type: 'scope-added', at, scope: { stageIds: [stage.id], checkIds: [], stepIds: [], gateIds: [] } },
        { type: 'stage-marked', at, stageId: stage.id, mark: { status: markStatus, note: text, by, at } },
      ]);
    }
    const known = [...record.checks.map((c) => c.id), ...record.stages.map((s) => s.id), ...record.gates.map((g) => g.id)];
    throw new UsageProblem(`no check, stage or gate "${id}" in this run (known: ${known.slice(0, 30).join(', ')}${known.length > 30 ? ', …' : ''})`);
  }

  /** An extra evidence command, not in the runbook, recorded with full evidence (`exec`). */
  async exec(options: { checkId?: string; stageId?: string; title?: string; command: string; by: string | null }, signal?: AbortSignal): Promise<Attempt> {
    const record = this.current;
    const checkId = options.checkId ?? null;
    if (checkId !== null && !record.checks.some((c) => c.id === checkId)) throw new UsageProblem(`no check "${checkId}" in this run`);
    const stage = options.stageId === undefined ? null : (record.stages.find((s) => s.id === options.stageId) ?? this.stageByReference(options.stageId));
    if (options.stageId !== undefined && !stage) throw new UsageProblem(`no stage "${options.stageId}" in this run (stages: ${record.stages.map((s) => s.key ?? s.id).join(', ')})`);
    const stageId = stage?.id ?? (checkId ? record.checks.find((c) => c.id === checkId)!.stageId : null);
    const id = `exec-${record.extra.length + 1}`;
    const title = options.title?.trim() || options.command.split('\n')[0]!.slice(0, 80);
    const step: Step = {
      id, title, range: { startLine: 0, startColumn: 1, endLine: 0, endColumn: 1 }, language: 'bash', command: options.command, stageId, sectionId: null,
      checkIds: checkId ? [checkId] : [], required: true, rollback: false, destructive: false, destructiveReason: null, placeholders: [], cwd: null,
      annotations: {}, inputs: [],
    };
    const absolute = await this.parts.guard.inside('.', 'The working directory');
    const ctx = this.executionContext(this.parts.runbook);
    return runAttempt(ctx, {
      step, n: 1, command: options.command, cwd: { relative: '.', absolute },
      events: {
        started: () => [],
        ended: (attempt) => [{
          type: 'scope-added', at: attempt.endedAt!, scope: { stageIds: stageId && !checkId ? [stageId] : [], checkIds: checkId ? [checkId] : [], stepIds: [], gateIds: [] },
        }, {
          type: 'extra-added', at: attempt.endedAt!,
          extra: { id, title: this.masker.mask(title), stageId, checkId, command: this.masker.mask(options.command), addedBy: options.by, attempt },
        }],
      },
    }, signal);
  }

  async note(kind: NoteRecord['kind'], text: string, by: string | null): Promise<RunRecord> {
    const at = this.now();
    const clean = this.masker.mask(text.trim());
    if (clean === '') throw new UsageProblem('a note needs some text');
    return this.commit([{ type: 'note-added', at, note: { kind, text: clean, by, at } }]);
  }

  /** Inputs given after the run opened (editor prompts); secrets among them are masked from now on. */
  async provideInputs(values: Record<string, string>): Promise<void> {
    const changed = this.parts.inputs.provide(values);
    if (changed) await this.commit([this.parts.inputs.recordEvent(this.now())]);
  }

  /** Ends the session: background steps and every process carrying the run's cookie are ended. */
  async finish(end: NonNullable<SessionRecord['end']>): Promise<RunRecord> {
    if (this.finished) return this.current;
    this.finished = true;
    await this.parts.ports.runner.disposeAll?.();
    // Background attempts record how they ended before the session says it ended.
    await Promise.all([...this.background]);
    const reaped = (await this.parts.ports.runner.reap?.(this.current.cookie)) ?? 0;
    return this.commit([{ type: 'session-ended', at: this.now(), session: this.parts.session, end, ...(reaped > 0 ? { reaped } : {}) }]);
  }

  private requireRunbook(): Runbook {
    if (!this.parts.runbook) throw new UsageProblem('this session has no runbook loaded');
    return this.parts.runbook;
  }

  private stageByReference(reference: string) {
    const runbook = this.parts.runbook;
    if (runbook) {
      const [id] = resolveStages(runbook, [reference]).ids;
      if (id) return this.current.stages.find((s) => s.id === id);
    }
    const ref = reference.trim().toLowerCase().replace(/^stage[-\s]?/, '');
    return this.current.stages.find((s) => s.key?.toLowerCase() === ref || s.id === `stage-${ref}`);
  }

  private now(): string {
    return this.parts.ports.clock.now().toISOString();
  }

  private emitRecord(): void {
    for (const listener of this.listeners) guard(() => listener.onRecord?.(this.current));
  }

  private emitOutput(stepId: string, text: string, stream: OutputStream): void | Promise<void> {
    let waits: Array<Promise<void>> | null = null;
    for (const listener of this.listeners) {
      const pending = guard(() => listener.onOutput?.(stepId, text, stream));
      if (pending) (waits ??= []).push(pending.catch(() => undefined));
    }
    if (waits) return Promise.all(waits).then(() => undefined);
  }

  private executionContext(runbook: Runbook | null): ExecutionContext {
    const { ports, guard: workspace, store, inputs } = this.parts;
    const empty: Runbook = runbook ?? { title: '', context: this.current.context, frontMatter: {}, generated: false, sections: [], stages: [], checks: [], steps: [], gates: [], issues: [], inputs: [], diagnostics: [], lineCount: 0 };
    return {
      runbook: empty,
      runbookPath: this.current.runbook.path,
      store,
      runner: ports.runner,
      clock: ports.clock,
      get masker() {
        return inputs.masker;
      },
      shell: this.parts.shell,
      shellFlags: shellInvocation(this.parts.shell, '').flags,
      defaultTimeoutMs: ports.settings.defaultTimeoutMs,
      get env() {
        return inputs.stepEnvironment();
      },
      cookie: this.current.cookie,
      session: this.parts.session,
      results: resultsReader(workspace, empty, store.dir),
      commit: (events) => this.commit(events),
      onOutput: (stepId, text, stream) => this.emitOutput(stepId, text, stream),
      value: (name) => inputs.value(name),
      askInputs: ports.prompts.askInputs
        ? async (wanted: RunbookInput[], step: Step) => {
          const given = await ports.prompts.askInputs!(wanted, step);
          if (Object.keys(given).length > 0) await this.provideInputs(given);
        }
        : undefined,
      confirmDestructive: (step) => ports.prompts.confirmDestructive(step),
      allowInteractive: ports.prompts.allowInteractive,
      resolveCwd: (relative) => workspace.inside(relative, 'The step\'s working directory'),
      lookupDependencies: (record) => lookupDependencies(ports, record, this.parts.githubRepo, runbook, inputs),
      trackBackground: (attempt) => {
        const tracked = attempt.finally(() => this.background.delete(tracked));
        this.background.add(tracked);
      },
      onRecord: () => undefined,
    };
  }
}

/** A listener's error must not break the run or the evidence. */
function guard<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch {
    return undefined;
  }
}

// A run of (parts of) one runbook: runs selected steps through a ProcessRunner, streams
// their output into logs and listeners, records evidence in run.json after every change.
import type { Runbook, Step } from '../runbook/model';
import type { Clock, OutputStream, ProcessRunner, RunStore } from '../ports';
import type { RunRecord, StepEvidence } from './model';
import { renderResultsTsv, renderRunSummary } from './artifacts';
import { startCommandStep } from './commandStep';
import { initialEvidence, MANUAL_PENDING, NOT_STARTED } from './evidence';
import { baseName } from './paths';
import { preflight, resolveStepCwd, type CwdResolution } from './preflight';
import { createSecretMasker, unmaskedSecretNames, type SecretMasker } from './secretMasker';
import { isManualStep, resolveStageIds, selectSteps, type StepSelection } from './selectSteps';

export { selectSteps, type StepSelection } from './selectSteps';

export interface RunListener {
  onStepStarted?(evidence: StepEvidence): void;
  /** Decoded and masked. A returned promise is back-pressure: the step's output waits for it. */
  onOutput?(stepId: string, text: string, stream: OutputStream): void | Promise<void>;
  onStepFinished?(evidence: StepEvidence): void;
}

export interface RunSessionOptions {
  runbook: Runbook;
  /** Workspace-relative, posix. */
  runbookPath: string;
  /** Absolute. */
  runbookDir: string;
  /** Absolute; no cwd may leave it. */
  workspaceRoot: string;
  env: Record<string, string | undefined>;
  shell: string;
  defaultTimeoutMs: number;
  strict: boolean;
  environment: RunRecord['environment'];
  runner: ProcessRunner;
  store: RunStore;
  clock: Clock;
  confirmDestructive?(step: Step): Promise<boolean>;
  allowInteractive?: boolean;
}

export { MANUAL_PENDING } from './evidence';

export class RunSession {
  private readonly state: RunRecord;
  private readonly evidence = new Map<string, StepEvidence>();
  private readonly steps = new Map<string, Step>();
  private readonly cwds = new Map<string, CwdResolution>();
  private readonly listeners = new Set<RunListener>();
  private masker: SecretMasker;
  private readonly processEnv: Record<string, string>;
  private readonly background = new Set<Promise<void>>();
  private queue: Promise<unknown> = Promise.resolve();
  private dirty = false;
  private writing: Promise<void> | null = null;
  private storeError: unknown = null;
  private finishing = false;

  constructor(private options: RunSessionOptions) {
    const { runbook, env } = options;
    const secretNames = [
      ...runbook.inputs.filter((i) => i.secret).map((i) => i.name),
      ...runbook.steps.flatMap((s) => s.annotations.secret ?? []),
    ];
    this.masker = this.createMasker();
    this.processEnv = Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const unmasked = unmaskedSecretNames([...new Set(secretNames)], env);
    this.state = {
      version: 1,
      runId: baseName(options.store.dir),
      runbookPath: options.runbookPath,
      runbookTitle: runbook.title,
      startedAt: options.clock.now().toISOString(),
      endedAt: null,
      strict: options.strict,
      scope: { all: false, stageIds: [], stepIds: [] },
      environment: options.environment,
      steps: runbook.steps.map((step) => this.initialEvidence(step)),
      ...(unmasked.length > 0 ? { unmaskedSecrets: unmasked } : {}),
    };
    for (const ev of this.state.steps) this.evidence.set(ev.stepId, ev);
  }

  /** Adds inputs given after the run started (editor prompts); secrets among them are masked from then on. */
  provideInputs(values: Record<string, string>): void {
    const fresh = Object.entries(values).filter(([name, value]) => this.options.env[name] !== value);
    if (fresh.length === 0) return;
    this.options = { ...this.options, env: { ...this.options.env, ...Object.fromEntries(fresh) } };
    Object.assign(this.processEnv, Object.fromEntries(fresh));
    this.masker = this.createMasker();
    const unmasked = unmaskedSecretNames(this.secretNames(), this.options.env);
    if (unmasked.length > 0) this.state.unmaskedSecrets = unmasked;
    else delete this.state.unmaskedSecrets;
  }

  /**
   * Follows an edited runbook: pending steps take the new text, new steps appear, and a step
   * re-run records the command it runs now. Evidence of steps that already ran is kept.
   */
  updateRunbook(runbook: Runbook): void {
    this.options = { ...this.options, runbook };
    this.state.runbookTitle = runbook.title;
    const order: StepEvidence[] = [];
    for (const step of runbook.steps) {
      const known = this.evidence.get(step.id);
      const ev = known && known.status !== 'pending' ? known : this.initialEvidence(step);
      if (known && known !== ev) Object.assign(known, ev);
      this.steps.set(step.id, step);
      this.cwds.set(step.id, resolveStepCwd(step, runbook, this.options.runbookDir, this.options.workspaceRoot));
      this.evidence.set(step.id, known ?? ev);
      order.push(known ?? ev);
    }
    const ranButRemoved = this.state.steps.filter((ev) => !order.includes(ev) && ev.status !== 'pending');
    this.state.steps = [...order, ...ranButRemoved];
    this.masker = this.createMasker();
    this.persist();
  }

  private secretNames(): string[] {
    const { runbook } = this.options;
    return [
      ...new Set([
        ...runbook.inputs.filter((i) => i.secret).map((i) => i.name),
        ...runbook.steps.flatMap((s) => s.annotations.secret ?? []),
      ]),
    ];
  }

  private createMasker(): SecretMasker {
    const env = this.options.env;
    return createSecretMasker(this.secretNames().map((n) => env[n]).filter((v): v is string => v !== undefined));
  }

  /** A snapshot: every step of the runbook, pending until run. */
  get record(): RunRecord {
    return structuredClone(this.state);
  }

  /** One step's evidence (a copy): cheap enough for every lens and panel refresh. */
  stepEvidence(stepId: string): StepEvidence | undefined {
    const ev = this.evidence.get(stepId);
    return ev ? structuredClone(ev) : undefined;
  }

  addListener(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs the selected steps (queued behind any run in progress). */
  run(selection: StepSelection, signal?: AbortSignal): Promise<RunRecord> {
    const next = this.queue.then(() => this.runSelection(selection, signal));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Records a verdict for a manual item (no command), with the operator's note. */
  async recordManualVerdict(stepId: string, status: 'passed' | 'failed' | 'blocked', note: string): Promise<StepEvidence> {
    const ev = this.evidence.get(stepId);
    const step = this.steps.get(stepId);
    if (!ev || !step) throw new Error(`unknown step "${stepId}"`);
    if (!isManualStep(step)) throw new Error(`step "${stepId}" runs a command: run it instead of marking it`);
    const now = this.options.clock.now().toISOString();
    const text = this.masker.mask(note.trim().replace(/\s+/g, ' '));
    Object.assign(ev, { status, selected: true, startedAt: ev.startedAt ?? now, endedAt: now, note: text });
    ev.outcome = text ? `manual: ${text}` : `manual: marked ${status}`;
    this.persist();
    await this.flushWrites();
    await this.writeArtifacts();
    this.notify('onStepFinished', ev);
    return structuredClone(ev);
  }

  /** Ends background processes, then writes run.json, results.tsv and SUMMARY.md. */
  async finish(): Promise<RunRecord> {
    this.finishing = true;
    await this.options.runner.disposeAll?.();
    await this.queue;
    await Promise.all([...this.background]);
    this.state.endedAt = this.options.clock.now().toISOString();
    this.persist();
    await this.flushWrites();
    await this.writeArtifacts();
    if (this.storeError) throw this.storeError;
    return this.record;
  }

  /** results.tsv and SUMMARY.md, rewritten after each run() so the run directory is always whole. */
  private async writeArtifacts(): Promise<void> {
    const { store } = this.options;
    try {
      await store.writeText('results.tsv', renderResultsTsv(this.state));
      await store.writeText('SUMMARY.md', renderRunSummary(this.state));
    } catch (error) {
      this.storeError ??= error;
    }
  }

  private initialEvidence(step: Step): StepEvidence {
    this.steps.set(step.id, step);
    const cwd = resolveStepCwd(step, this.options.runbook, this.options.runbookDir, this.options.workspaceRoot);
    this.cwds.set(step.id, cwd);
    return initialEvidence(step, cwd, this.masker, this.options.strict);
  }

  private async runSelection(selection: StepSelection, signal?: AbortSignal): Promise<RunRecord> {
    const scope = this.state.scope;
    scope.all ||= selection.all === true;
    const stageIds = resolveStageIds(this.options.runbook, selection.stageIds ?? []);
    scope.stageIds = [...new Set([...scope.stageIds, ...stageIds])];
    scope.stepIds = [...new Set([...scope.stepIds, ...(selection.stepIds ?? [])])];
    const steps = selectSteps(this.options.runbook, selection);
    for (const step of steps) this.evidence.get(step.id)!.selected = true;
    this.persist();

    // A stage stops at its first required step that does not pass. Steps outside any stage
    // are independent checks (a monitoring section): each one runs.
    const stopped = new Map<string, string>();
    for (const step of steps) {
      if (signal?.aborted) break;
      const ev = this.evidence.get(step.id)!;
      const stopper = step.stageId === null ? undefined : stopped.get(step.stageId);
      if (stopper) {
        this.settle(ev, { ...NOT_STARTED, status: 'skipped', outcome: `required step ${stopper} did not pass` });
        continue;
      }
      await this.runStep(step, ev, signal);
      const passed = ev.status === 'passed' || ev.status === 'running' || ev.status === 'pending';
      if (step.stageId !== null && step.required && !passed) stopped.set(step.stageId, step.id);
    }
    await this.flushWrites();
    await this.writeArtifacts();
    return this.record;
  }

  private async runStep(step: Step, ev: StepEvidence, signal?: AbortSignal): Promise<void> {
    if (isManualStep(step)) {
      if (ev.status === 'pending') this.settle(ev, { status: 'pending', outcome: MANUAL_PENDING });
      return;
    }
    if (ev.status === 'running') return; // a background step still running: one instance at a time
    const cwd = this.cwds.get(step.id)!;
    const blocked = await preflight(step, cwd, {
      env: this.options.env,
      allowInteractive: this.options.allowInteractive === true,
      confirmDestructive: this.options.confirmDestructive?.bind(this.options),
    });
    if (blocked) {
      this.settle(ev, { ...NOT_STARTED, status: 'blocked', outcome: this.masker.mask(blocked) });
      return;
    }

    const { done: execution } = await startCommandStep(
      {
        store: this.options.store,
        runner: this.options.runner,
        clock: this.options.clock,
        shell: this.options.shell,
        defaultTimeoutMs: this.options.defaultTimeoutMs,
        masker: this.masker,
        env: this.processEnv,
        finishing: () => this.finishing,
        started: (e) => {
          this.persist();
          this.notify('onStepStarted', e);
        },
        output: (stepId, text, stream) => this.notifyOutput(stepId, text, stream),
        settle: (e, change) => this.settle(e, change),
      },
      step,
      ev,
      cwd,
      signal,
    );
    if (step.annotations.background) {
      const done = execution.finally(() => this.background.delete(done));
      this.background.add(done);
      return;
    }
    await execution;
  }

  private settle(ev: StepEvidence, change: Partial<StepEvidence>): void {
    Object.assign(ev, change);
    this.persist();
    this.notify('onStepFinished', ev);
  }

  /**
   * Asks for run.json to be rewritten with the current state. Writes are serialised; changes
   * made while one is in flight are written together by the next one (the last state always
   * lands, and a burst of changes costs one write, not one each).
   */
  private persist(): void {
    this.dirty = true;
    this.writing ??= this.drainWrites();
  }

  private async drainWrites(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      try {
        await this.options.store.writeRecord(structuredClone(this.state));
      } catch (error) {
        this.storeError ??= error;
      }
    }
    this.writing = null;
  }

  /** Resolves once run.json holds the current state. */
  private async flushWrites(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private notify(event: 'onStepStarted' | 'onStepFinished', ev: StepEvidence): void {
    if (this.listeners.size === 0) return;
    const copy = structuredClone(ev);
    for (const listener of this.listeners) guard(() => listener[event]?.(copy));
  }

  private notifyOutput(stepId: string, text: string, stream: OutputStream): Promise<void> | void {
    let waits: Array<Promise<void>> | null = null;
    for (const listener of this.listeners) {
      const pending = guard(() => listener.onOutput?.(stepId, text, stream));
      if (pending) (waits ??= []).push(pending.catch(() => undefined));
    }
    if (waits) return Promise.all(waits).then(() => undefined);
  }
}

/** A listener's error must not break the run or the evidence. */
function guard<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch {
    // Listeners are the host's UI; the record stays authoritative.
    return undefined;
  }
}

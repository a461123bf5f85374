import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Runbook, Step } from '../core/runbook/model';
import type { RunRecord, StepEvidence } from '../core/run/model';
import { RunSession, selectSteps, type StepSelection } from '../core/run/runSession';
import { ExecaProcessRunner } from '../node/execaRunner';
import { createRunStore } from '../node/fileRunStore';
import { detectEnvironment } from '../node/runEnvironment';
import { chooseShell } from '../node/shell';
import { TOOL_VERSION } from '../core/version';
import { readConfig } from './config';
import { resetCheckboxes, syncCheckboxes } from './checkboxes';
import { promptForMissingInputs } from './inputPrompts';
import type { RunbookModels } from './runbookModels';


/** One runbook's current run: a session, its run directory, and the inputs given so far. */
export interface ActiveRun {
  uri: vscode.Uri;
  runbook: Runbook;
  session: RunSession;
  runDir: string;
  workspaceRoot: string;
  answers: Map<string, string>;
  runner: ExecaProcessRunner;
}

export class UntrustedWorkspaceError extends Error {
  constructor() {
    super('Runbook Gate does not run commands in an untrusted workspace. Trust this workspace to run steps.');
  }
}

/**
 * Owns the runs of the open runbooks (one run per runbook until "Reset run"), executes
 * steps through the core session and tells listeners when anything changed.
 */
export class RunController implements vscode.Disposable {
  private readonly runs = new Map<string, ActiveRun>();
  /** Inputs typed in for each runbook, in memory only, kept across "Reset run". */
  private readonly answers = new Map<string, Map<string, string>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly output = new vscode.EventEmitter<{ uri: vscode.Uri; stepId: string; text: string; started: boolean }>();
  private current: { uri: vscode.Uri; abort: AbortController } | null = null;

  /** Fires when a runbook's evidence or running state changed. */
  readonly onDidChange = this.changed.event;
  /** Live, masked output of the running step (`started` marks a step's first message). */
  readonly onOutput = this.output.event;

  constructor(
    private readonly models: RunbookModels,
    private readonly channel: vscode.OutputChannel,
  ) {}

  get running(): vscode.Uri | null {
    return this.current?.uri ?? null;
  }

  activeRun(uri: vscode.Uri): ActiveRun | undefined {
    return this.runs.get(uri.toString());
  }

  evidence(uri: vscode.Uri, stepId: string): StepEvidence | undefined {
    return this.activeRun(uri)?.session.stepEvidence(stepId);
  }

  async runStep(uri: vscode.Uri, stepId: string): Promise<StepEvidence> {
    const record = await this.run(uri, { stepIds: [stepId] }, `Running step ${stepId}`);
    const evidence = record.steps.find((s) => s.stepId === stepId);
    if (!evidence) throw new Error(`Step "${stepId}" is not in this runbook any more.`);
    return evidence;
  }

  runStage(uri: vscode.Uri, stageId: string): Promise<RunRecord> {
    return this.run(uri, { stageIds: [stageId] }, `Running stage ${stageId}`);
  }

  runAll(uri: vscode.Uri): Promise<RunRecord> {
    return this.run(uri, { all: true }, 'Running all steps');
  }

  cancel(): void {
    this.current?.abort.abort();
  }

  /** Forgets the runbook's current run; the next step starts a new run directory. */
  async reset(uri: vscode.Uri): Promise<void> {
    if (this.current?.uri.toString() === uri.toString()) throw new Error('A run is in progress: cancel it first.');
    const active = this.runs.get(uri.toString());
    this.runs.delete(uri.toString());
    await active?.session.finish();
    await resetCheckboxes(this.models, uri);
    this.changed.fire(uri);
  }

  async recordManualVerdict(uri: vscode.Uri, stepId: string, status: 'passed' | 'failed' | 'blocked', note: string): Promise<void> {
    const { runbook } = await this.models.forUri(uri);
    const active = await this.ensureRun(uri, runbook);
    await active.session.recordManualVerdict(stepId, status, note);
    this.changed.fire(uri);
  }

  private async run(uri: vscode.Uri, selection: StepSelection, title: string): Promise<RunRecord> {
    if (!vscode.workspace.isTrusted) throw new UntrustedWorkspaceError();
    if (this.current) throw new Error('Another Runbook Gate run is in progress: wait for it or cancel it.');
    // The model comes from the live document: unsaved text runs as shown, and is never saved for the user.
    const { runbook } = await this.models.forUri(uri);
    const steps = selectSteps(runbook, selection);
    if (steps.length === 0) throw new Error('Nothing to run: no runnable step matches.');
    const answers = this.answers.get(uri.toString()) ?? new Map<string, string>();
    this.answers.set(uri.toString(), answers);
    if (readConfig(uri).promptForInputs) await promptForMissingInputs(runbook, steps, process.env, answers);
    const active = await this.ensureRun(uri, runbook);
    active.session.provideInputs(Object.fromEntries(answers));
    const abort = new AbortController();
    this.current = { uri, abort };
    this.changed.fire(uri);
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Runbook Gate: ${title}`, cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => abort.abort());
          let ticks: Promise<void> = Promise.resolve();
          const unsubscribe = active.session.addListener({
            onStepStarted: (e) => {
              progress.report({ message: e.title });
              this.channel.appendLine(`▶ ${e.stepId}: ${e.command}`);
              this.output.fire({ uri, stepId: e.stepId, text: '', started: true });
              this.changed.fire(uri);
            },
            onOutput: (stepId, text) => {
              this.channel.append(text);
              this.output.fire({ uri, stepId, text, started: false });
            },
            onStepFinished: (e) => {
              this.channel.appendLine(`■ ${e.stepId}: ${e.status} — ${e.outcome}`);
              ticks = ticks.then(() => syncCheckboxes(this.models, uri, new Map([[e.stepId, e.status]])));
              this.changed.fire(uri);
            },
          });
          try {
            return await active.session.run(selection, abort.signal);
          } finally {
            unsubscribe();
            await ticks.catch((error: unknown) => this.channel.appendLine(`checkboxes not updated: ${String(error)}`));
          }
        },
      );
    } finally {
      this.current = null;
      this.changed.fire(uri);
    }
  }

  /** The runbook's run, started on first use; a changed document is picked up. */
  private async ensureRun(uri: vscode.Uri, runbook: Runbook): Promise<ActiveRun> {
    const existing = this.runs.get(uri.toString());
    if (existing) {
      if (existing.runbook !== runbook) {
        // The document changed since the run started: run what it says now.
        existing.session.updateRunbook(runbook);
        existing.runbook = runbook;
      }
      return existing;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || folder.uri.scheme !== 'file') {
      throw new Error('Open the runbook from a folder in the workspace: runs and reports are written inside it.');
    }
    const config = readConfig(uri);
    const workspaceRoot = folder.uri.fsPath;
    const clock = { now: () => new Date() };
    const store = await createRunStore({ runsRoot: path.resolve(workspaceRoot, config.runsFolder), workspaceRoot, clock });
    const runner = new ExecaProcessRunner();
    const answers = this.answers.get(uri.toString()) ?? new Map<string, string>();
    const session = new RunSession({
      runbook,
      runbookPath: path.relative(workspaceRoot, uri.fsPath).split(path.sep).join('/'),
      runbookDir: path.dirname(uri.fsPath),
      workspaceRoot,
      env: { ...process.env },
      shell: await chooseShell(config.shell, runbook.frontMatter.shell),
      defaultTimeoutMs: config.defaultTimeoutMs,
      strict: config.strict,
      environment: await detectEnvironment(workspaceRoot, TOOL_VERSION),
      runner,
      store,
      clock,
      allowInteractive: false,
      confirmDestructive: (step: Step) => confirmDestructive(step),
    });
    const active: ActiveRun = { uri, runbook, session, runDir: store.dir, workspaceRoot, answers, runner };
    this.runs.set(uri.toString(), active);
    return active;
  }

  async dispose(): Promise<void> {
    this.cancel();
    await Promise.allSettled([...this.runs.values()].map((r) => r.session.finish()));
    this.changed.dispose();
    this.output.dispose();
  }
}

async function confirmDestructive(step: Step): Promise<boolean> {
  const answer = await vscode.window.showWarningMessage(
    `"${step.title}" is marked destructive. Run it?`,
    { modal: true, detail: step.command },
    'Run',
  );
  return answer === 'Run';
}

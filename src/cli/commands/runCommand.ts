// `runbook-gate run RUNBOOK.md ...`: run the selection, stream output, write the report,
// exit by the decision.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseRunbook } from '../../core/runbook/parseRunbook';
import type { Runbook, Step } from '../../core/runbook/model';
import { RunSession, type StepSelection } from '../../core/run/runSession';
import { resolveStageIds } from '../../core/run/selectSteps';
import { checkDependencies } from '../../core/gate/dependencies';
import type { DependencyCheck } from '../../core/gate/decision';
import type { IssueClient } from '../../core/ports';
import { ExecaProcessRunner } from '../../node/execaRunner';
import { createRunStore } from '../../node/fileRunStore';
import { detectEnvironment } from '../../node/runEnvironment';
import { chooseShell } from '../../node/shell';
import { findWorkspaceRoot, workspaceRelative } from '../../node/workspacePaths';
import type { RunCommand } from '../args';
import { InputError, type CliContext } from '../context';
import { parseEnvFile } from '../../node/envFile';
import { PrefixedOutput, formatDecision, formatResults } from '../output';
import { TOOL_VERSION } from '../../core/version';
import { readRunbookFile } from './parseCommand';
import { writeGate } from '../../node/writeGate';
import { resolveReportPath } from './reportPath';

export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
export const DEFAULT_RUNS_FOLDER = '.runbook-gate/runs';

/** Builds an IssueClient when the user asked for dependency checks; null means "not checked". */
export type IssueClientFactory = (options: { baseUrl: string | null; token: string | null }) => IssueClient | null;

function validateSelection(runbook: Runbook, command: RunCommand): StepSelection {
  for (const wanted of command.stageIds) {
    if (resolveStageIds(runbook, [wanted]).length === 0) {
      const known = runbook.stages.map((s) => (s.number !== null ? String(s.number) : s.id));
      throw new InputError(`unknown stage id: ${wanted} (stages: ${known.length > 0 ? known.join(', ') : 'none'})`);
    }
  }
  const stepIds = new Set(runbook.steps.map((s) => s.id));
  for (const wanted of command.stepIds) {
    if (!stepIds.has(wanted)) throw new InputError(`unknown step id: ${wanted} (see \`runbook-gate parse ${command.runbook}\`)`);
  }
  return command.all ? { all: true } : { stageIds: command.stageIds, stepIds: command.stepIds };
}

async function loadEnv(ctx: CliContext, envFile: string | null): Promise<Record<string, string | undefined>> {
  if (envFile === null) return { ...ctx.env };
  let text: string;
  try {
    text = await readFile(resolve(ctx.cwd, envFile), 'utf8');
  } catch {
    throw new InputError(`env file not found: ${envFile}`);
  }
  const values = parseEnvFile(text);
  // The file wins over the inherited environment: it is what the user asked for.
  return { ...ctx.env, ...values };
}

function confirmer(command: RunCommand, ctx: CliContext): (step: Step) => Promise<boolean> {
  return async (step) => {
    if (command.yes) return true;
    if (!ctx.interactive) {
      ctx.stderr.write(`[${step.id}] destructive step not run: pass --yes to allow it without a prompt\n`);
      return false;
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(`Run destructive step "${step.id}"? [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  };
}

async function dependencyChecks(
  runbook: Runbook, command: RunCommand, env: Record<string, string | undefined>, factory: IssueClientFactory | undefined,
): Promise<{ checks: DependencyCheck[]; notes: string[] }> {
  if (runbook.issues.length === 0) return { checks: [], notes: [] };
  const token = env.GITHUB_TOKEN?.trim() || null;
  const wanted = command.githubApi !== null || command.githubRepo !== null || token !== null;
  const client = wanted && factory ? factory({ baseUrl: command.githubApi, token }) : null;
  if (!client) {
    const why = wanted ? 'no issue client is available' : 'pass --github-repo OWNER/NAME (and GITHUB_TOKEN) to check them';
    return { checks: [], notes: [`Dependency gate not checked: ${runbook.issues.length} issue reference(s) in the runbook; ${why}.`] };
  }
  const repo = command.githubRepo ?? runbook.frontMatter.repo ?? null;
  return { checks: await checkDependencies(runbook.issues, client, repo), notes: [] };
}

export async function runCommand(command: RunCommand, ctx: CliContext, issueClients?: IssueClientFactory): Promise<number> {
  const { absolute, text } = await readRunbookFile(ctx.cwd, command.runbook);
  const runbookDir = dirname(absolute);
  const workspaceRoot = await findWorkspaceRoot(runbookDir, ctx.cwd);
  const runbookPath = await workspaceRelative(workspaceRoot, absolute);
  if (runbookPath === null) throw new InputError(`runbook is outside the workspace (${workspaceRoot}): ${command.runbook}`);
  // No defaultRepo: references stay "#1858" in the report; --github-repo is applied at lookup.
  const runbook = parseRunbook(text);
  for (const d of runbook.diagnostics.filter((x) => x.severity === 'error')) {
    ctx.stderr.write(`runbook-gate: ${runbookPath}:${d.range.startLine}: ${d.message}\n`);
  }
  const selection = validateSelection(runbook, command);
  const runsRoot = command.out === null ? resolve(workspaceRoot, DEFAULT_RUNS_FOLDER) : resolve(ctx.cwd, command.out);
  if ((await workspaceRelative(workspaceRoot, runsRoot)) === null) throw new InputError(`--out is outside the workspace (${workspaceRoot}): ${command.out}`);
  // Checked before anything runs: a bad --report must not cost a whole run.
  const reportPath = await resolveReportPath(workspaceRoot, ctx.cwd, command.report, runbook, runbookPath, new Date().toISOString());
  const env = await loadEnv(ctx, command.envFile);

  const clock = { now: () => new Date() };
  const runner = new ExecaProcessRunner();
  const store = await createRunStore({ runsRoot, workspaceRoot, clock });
  const session = new RunSession({
    runbook, runbookPath, runbookDir, workspaceRoot, env,
    shell: await chooseShell(runbook.frontMatter.shell),
    defaultTimeoutMs: DEFAULT_TIMEOUT_MS,
    strict: command.strict,
    environment: await detectEnvironment(workspaceRoot, TOOL_VERSION),
    runner, store, clock,
    confirmDestructive: confirmer(command, ctx),
    allowInteractive: false,
  });
  const output = new PrefixedOutput(ctx.stderr);
  session.addListener({
    onStepStarted: (e) => ctx.stderr.write(`[${e.stepId}] $ ${e.command.split('\n')[0] ?? ''}${e.command.includes('\n') ? ' ...' : ''}\n`),
    onOutput: (stepId, chunk) => output.write(stepId, chunk),
    onStepFinished: (e) => {
      output.flush(e.stepId);
      ctx.stderr.write(`[${e.stepId}] ${e.status}: ${e.outcome}\n`);
    },
  });
  try {
    await session.run(selection, ctx.signal);
  } finally {
    output.flushAll();
  }
  const record = await session.finish();
  const { checks, notes } = await dependencyChecks(runbook, command, env, issueClients);
  if (ctx.signal.aborted) notes.push('The run was cancelled (Ctrl-C) before it completed.');
  // The report date follows the run; recompute in case the run crossed midnight.
  const finalReportPath = command.report === null
    ? await resolveReportPath(workspaceRoot, ctx.cwd, null, runbook, runbookPath, record.startedAt)
    : reportPath;
  const gate = await writeGate({ workspaceRoot, runDir: store.dir, runbook, record, dependencies: checks, notes, strict: command.strict, reportPath: finalReportPath });
  if (command.json) {
    ctx.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
  } else {
    ctx.stdout.write(`${formatResults(gate.decision)}\n\n${formatDecision(gate.decision)}\n`);
    for (const note of notes) ctx.stdout.write(`Note: ${note}\n`);
    ctx.stdout.write(`Run directory: ${store.dir}\nReport: ${gate.reportFile}\n`);
  }
  return ctx.signal.aborted ? 1 : gate.decision.go ? 0 : 1;
}

// `runbook-gate run RUNBOOK.md ...`: open a run (new, or --resume), run the selection, close
// the session — also when cancelled by a signal — write the artifacts and the report, exit by
// the decision.
import { GateService } from '../../app/gateService';
import type { RunHandle } from '../../app/runHandle';
import { writeRunOutputs } from '../../app/outputs';
import { UsageProblem } from '../../app/problems';
import type { Runbook } from '../../core/runbook/model';
import type { Selection } from '../../core/run/plan';
import { resolveStages } from '../../core/run/plan';
import type { SessionRecord } from '../../core/run/record';
import { terminalLine } from '../../core/text/controlChars';
import type { RunCommand } from '../args';
import type { CliContext } from '../context';
import { cliHostPorts } from '../hostPorts';
import { StreamPrefixer } from '../streamPrefixer';
import { formatDecision, formatResults } from '../resultTable';
import { actionsOutputs } from '../actionsOutputs';

function validateSelection(runbook: Runbook, command: RunCommand): Selection {
  const { unknown } = resolveStages(runbook, command.stageIds);
  if (unknown.length > 0) {
    const known = runbook.stages.map((s) => s.key ?? s.id);
    throw new UsageProblem(`unknown stage: ${unknown.join(', ')} (stages: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
  for (const id of command.stepIds) {
    if (!runbook.steps.some((s) => s.id === id)) throw new UsageProblem(`unknown step id: ${id} (see \`runbook-gate parse ${command.runbook}\`)`);
  }
  for (const id of command.checkIds) {
    if (!runbook.checks.some((c) => c.id === id)) throw new UsageProblem(`unknown check id: ${id} (see \`runbook-gate parse ${command.runbook}\`)`);
  }
  return command.all ? { all: true } : { stageIds: command.stageIds, stepIds: command.stepIds, checkIds: command.checkIds };
}

/** How a session ended, from the abort reason the signal handlers give. */
export function sessionEnd(signal: AbortSignal): NonNullable<SessionRecord['end']> {
  if (!signal.aborted) return 'finished';
  const reason = signal.reason instanceof Error ? signal.reason.message : String(signal.reason ?? '');
  const name = /\b(SIG[A-Z]+)\b/.exec(reason)?.[1];
  return name ? `signal:${name}` : 'cancelled';
}

function describeCommand(command: RunCommand): string {
  const parts = ['run', command.runbook];
  if (command.resume !== null) parts.push(command.resume === 'latest' ? '--resume' : `--resume ${command.resume}`);
  if (command.all && command.resume === null) parts.push('--all');
  for (const id of command.stageIds) parts.push(`--stage ${id}`);
  for (const id of command.checkIds) parts.push(`--check ${id}`);
  for (const id of command.stepIds) parts.push(`--step ${id}`);
  if (command.strict) parts.push('--strict');
  return parts.join(' ');
}

export async function runCommand(command: RunCommand, ctx: CliContext): Promise<number> {
  const ports = await cliHostPorts(ctx, { anchor: command.runbook, envFile: command.envFile, githubApi: command.githubApi, yes: command.yes });
  const service = new GateService(ports);
  const loaded = await service.loadRunbook(command.runbook, ctx.cwd);
  for (const d of loaded.runbook.diagnostics.filter((x) => x.severity === 'error')) {
    ctx.stderr.write(`runbook-gate: ${loaded.relative}:${d.range.startLine}: ${terminalLine(d.message)}\n`);
  }
  const selection = validateSelection(loaded.runbook, command);
  // A bad --report must not cost a whole run: checked before anything runs.
  if (command.report !== null) {
    const guard = await service.guard();
    await guard.inside(command.report, '--report', { trusted: true, base: ctx.cwd }).catch((error: Error) => {
      throw new UsageProblem(error.message);
    });
  }
  const handle = await service.open({
    runbookPath: loaded.absolute, text: loaded.text, runbook: loaded.runbook, resume: command.resume,
    ...(command.out !== null ? { runsFolder: command.out } : {}), cwd: ctx.cwd, command: describeCommand(command), strict: command.strict,
    inputs: Object.fromEntries(Object.entries(command.inputs).map(([name, value]) => [name, { value, source: 'flag' as const }])),
    githubRepo: command.githubRepo,
  });
  // Strictness is part of the run (its reports regenerate from run.json alone): it is chosen when the run starts.
  if (command.strict && !handle.record.strict) {
    ctx.stderr.write('runbook-gate: --strict applies to new runs; this run was started without it, so optional checks stay optional. Start a new run with --strict to judge every check.\n');
  }
  const actions = actionsOutputs(ctx);
  const output = new StreamPrefixer(ctx.stderr);
  streamToTerminal(handle, ctx, output, actions);
  try {
    const resumeAll = command.resume !== null && !command.all && command.stageIds.length + command.stepIds.length + command.checkIds.length === 0;
    const scope = handle.record.scope;
    await handle.run(resumeAll ? { stageIds: scope.stageIds, checkIds: scope.checkIds, stepIds: scope.stepIds } : selection, ctx.signal, { unfinishedOnly: resumeAll });
  } finally {
    output.flushAll();
    await handle.finish(sessionEnd(ctx.signal));
  }
  const written = await writeRunOutputs(service, handle, { report: command.report, template: command.template, cwd: ctx.cwd });
  const { record, decision } = written;
  if (command.json) {
    ctx.stdout.write(`${JSON.stringify({ runDir: handle.dir, report: written.reportFile, decision: decision.decision, reasons: decision.reasons, counts: decision.counts }, null, 2)}\n`);
  } else {
    ctx.stdout.write(`${formatResults(record, decision)}\n\n${formatDecision(record, decision, written.runDirRelative)}\n`);
    if (ctx.signal.aborted) ctx.stdout.write(`Note: the run was cancelled (${terminalLine(sessionEnd(ctx.signal))}) before it completed.\n`);
    ctx.stdout.write(`Run directory: ${terminalLine(written.runDirRelative)}\nReport: ${terminalLine(written.reportPath)}\n`);
  }
  await actions.finish(record, decision, written);
  return decision.go && !ctx.signal.aborted ? 0 : 1;
}

function streamToTerminal(handle: RunHandle, ctx: CliContext, output: StreamPrefixer, actions: ReturnType<typeof actionsOutputs>): void {
  const announced = new Map<string, string>();
  handle.addListener({
    onRecord(record) {
      for (const step of record.steps) {
        if (step.status === 'pending') continue;
        const last = step.attempts.at(-1);
        const key = `${step.status}:${last?.n ?? 0}:${step.notRun?.at ?? ''}`;
        if (announced.get(step.id) === key) continue;
        announced.set(step.id, key);
        if (step.status === 'running' && last) {
          actions.startGroup(step.id, step.title);
          ctx.stderr.write(`[${step.id}] $ ${terminalLine(last.command.split('\n')[0] ?? '')}${last.command.includes('\n') ? ' ...' : ''}\n`);
          continue;
        }
        output.flush(step.id);
        ctx.stderr.write(`[${step.id}] ${step.status}: ${terminalLine(step.outcome)}\n`);
        if (last && step.outcome === last.outcome) actions.endGroup(step.id);
      }
    },
    onOutput: (stepId, text) => output.write(stepId, text),
  });
}

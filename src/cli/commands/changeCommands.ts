// `mark`, `exec` and `note`: add a person's verdict, an extra evidence command, or a note to
// an existing run (a session of their own in its history), then rewrite its artifacts and
// report so the run directory always says what the record says. Exit by the decision.
import { GateService } from '../../app/gateService';
import type { RunHandle } from '../../app/runHandle';
import { writeRunOutputs } from '../../app/outputs';
import { terminalLine } from '../../core/text/controlChars';
import type { ExecCommand, MarkCommand, NoteCommand } from '../args';
import type { CliContext } from '../context';
import { cliHostPorts } from '../hostPorts';
import { StreamPrefixer } from '../streamPrefixer';
import { formatDecision, formatResults } from '../resultTable';
import { sessionEnd } from './runCommand';

/** One argument is a shell command line as typed; several are an argv, quoted for the shell. */
export function commandLine(argv: readonly string[]): string {
  if (argv.length === 1) return argv[0]!;
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

async function withRun(ctx: CliContext, runDir: string, command: string, change: (handle: RunHandle, by: string | null) => Promise<string>): Promise<number> {
  const ports = await cliHostPorts(ctx, { anchor: runDir });
  const service = new GateService(ports);
  const handle = await service.openExisting(runDir, command, { cwd: ctx.cwd });
  let said: string;
  try {
    said = await change(handle, ports.user);
  } finally {
    await handle.finish(sessionEnd(ctx.signal));
  }
  const written = await writeRunOutputs(service, handle, { report: null, template: null, cwd: ctx.cwd });
  ctx.stdout.write(`${said}\n${formatResults(written.record, written.decision)}\n\n${formatDecision(written.record, written.decision, written.runDirRelative)}\nReport: ${terminalLine(written.reportPath)}\n`);
  return written.decision.go ? 0 : 1;
}

export function markCommand(command: MarkCommand, ctx: CliContext): Promise<number> {
  const words = `mark ${command.id} ${command.status}${command.note ? ' --note …' : ''}`;
  return withRun(ctx, command.runDir, words, async (handle, user) => {
    const record = await handle.mark(command.id, command.status, command.note, command.by ?? user);
    const check = record.checks.find((c) => c.id === command.id);
    const stage = record.stages.find((s) => s.id === command.id || s.id === check?.stageId);
    return `Marked ${command.id} ${command.status}${stage ? ` (${terminalLine(stage.label)})` : ''}.`;
  });
}

export function execCommand(command: ExecCommand, ctx: CliContext): Promise<number> {
  const line = commandLine(command.argv);
  const target = command.checkId ? ` --check ${command.checkId}` : command.stageId ? ` --stage ${command.stageId}` : '';
  return withRun(ctx, command.runDir, `exec${target} -- ${line}`, async (handle, user) => {
    const output = new StreamPrefixer(ctx.stderr);
    handle.addListener({ onOutput: (stepId, text) => output.write(stepId, text) });
    const attempt = await handle.exec({
      ...(command.checkId ? { checkId: command.checkId } : {}),
      ...(command.stageId ? { stageId: command.stageId } : {}),
      ...(command.title ? { title: command.title } : {}),
      command: line, by: user,
    }, ctx.signal);
    output.flushAll();
    return `Recorded ${terminalLine(attempt.command)}: ${attempt.status}: ${terminalLine(attempt.outcome)} (log ${attempt.logPath ?? 'none'}).`;
  });
}

export function noteCommand(command: NoteCommand, ctx: CliContext): Promise<number> {
  return withRun(ctx, command.runDir, `note --${command.noteKind} …`, async (handle, user) => {
    await handle.note(command.noteKind, command.text, user);
    return `Added a ${command.noteKind} note.`;
  });
}

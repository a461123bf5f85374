// `runbook-gate`: parse | run | mark | exec | note | report. Exit 0 Go, 1 No-Go, 2 usage or
// input error with a one-line reason on stderr. main.ts binds it to the process; tests call
// it in-process too.
import { USAGE, UsageError, parseCommandLine, type CliCommand } from './args';
import { InputError, type CliContext } from './context';
import { parseCommand } from './commands/parseCommand';
import { runCommand } from './commands/runCommand';
import { execCommand, markCommand, noteCommand } from './commands/changeCommands';
import { reportCommand } from './commands/reportCommand';
import { TOOL_VERSION } from '../core/version';
import { UsageProblem } from '../app/problems';
import { OutsideWorkspaceError } from '../node/workspaceGuard';
import { LockTimeoutError } from '../node/runStore';
import { terminalLine } from '../core/text/controlChars';

export const EXIT_GO = 0;
export const EXIT_NO_GO = 1;
export const EXIT_USAGE = 2;

async function dispatch(command: CliCommand, ctx: CliContext): Promise<number> {
  switch (command.kind) {
    case 'help':
      ctx.stdout.write(`${USAGE}\n`);
      return EXIT_GO;
    case 'version':
      ctx.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT_GO;
    case 'parse':
      return parseCommand(command, ctx);
    case 'run':
      return runCommand(command, ctx);
    case 'mark':
      return markCommand(command, ctx);
    case 'exec':
      return execCommand(command, ctx);
    case 'note':
      return noteCommand(command, ctx);
    case 'report':
      return reportCommand(command, ctx);
  }
}

export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  try {
    return await dispatch(parseCommandLine(argv), ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const oneLine = terminalLine(message.split('\n')[0] ?? message);
    if (error instanceof UsageError) {
      ctx.stderr.write(`runbook-gate: ${oneLine}\nRun \`runbook-gate --help\` for usage.\n`);
    } else if (error instanceof InputError || error instanceof UsageProblem || error instanceof OutsideWorkspaceError || error instanceof LockTimeoutError) {
      ctx.stderr.write(`runbook-gate: ${oneLine}\n`);
    } else {
      ctx.stderr.write(`runbook-gate: unexpected error: ${oneLine}\n`);
    }
    return EXIT_USAGE;
  }
}

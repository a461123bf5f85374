// Command-line arguments -> a typed command. Anything wrong is a UsageError (exit 2).
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParseCommand { kind: 'parse'; runbook: string; json: boolean }
export interface RunCommand {
  kind: 'run';
  runbook: string;
  all: boolean;
  stageIds: string[];
  stepIds: string[];
  out: string | null;
  report: string | null;
  envFile: string | null;
  githubApi: string | null;
  githubRepo: string | null;
  strict: boolean;
  yes: boolean;
  json: boolean;
}
export interface ReportCommand { kind: 'report'; runDir: string; report: string | null }
export type CliCommand = ParseCommand | RunCommand | ReportCommand | { kind: 'help' } | { kind: 'version' };

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

function parse(args: string[], options: OptionSpec): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (error) {
    // node:util messages are long and mention parseArgs internals; keep the first sentence.
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]}`);
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing) throw new UsageError(`option ${missing[1]?.replace(/^-\w, /, '').replace(/ <value>$/, '')} needs a value`);
    throw new UsageError(message.split('\n')[0] ?? message);
  }
}

function onePositional(positionals: string[], what: string, command: string): string {
  if (positionals.length === 0) throw new UsageError(`${command} needs ${what}`);
  if (positionals.length > 1) throw new UsageError(`${command} takes one ${what}, got: ${positionals.join(' ')}`);
  return positionals[0] as string;
}

const text = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

export function parseCommandLine(argv: readonly string[]): CliCommand {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { kind: 'help' };
  if (name === '--version' || name === '-v' || name === 'version') return { kind: 'version' };
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help' };
  switch (name) {
    case 'parse': {
      const { values, positionals } = parse(rest, { json: flag });
      return { kind: 'parse', runbook: onePositional(positionals, 'RUNBOOK.md', 'parse'), json: values.json === true };
    }
    case 'run': {
      const { values, positionals } = parse(rest, {
        all: flag, stage: { type: 'string', multiple: true }, step: { type: 'string', multiple: true },
        out: text, report: text, 'env-file': text, 'github-api': text, 'github-repo': text,
        strict: flag, yes: flag, json: flag,
      });
      const stageIds = (values.stage as string[] | undefined) ?? [];
      const stepIds = (values.step as string[] | undefined) ?? [];
      const all = values.all === true;
      if (all && (stageIds.length > 0 || stepIds.length > 0)) throw new UsageError('use --all or --stage/--step, not both');
      const repo = (values['github-repo'] as string | undefined) ?? null;
      if (repo !== null && !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new UsageError(`--github-repo must be OWNER/NAME, got: ${repo}`);
      const api = (values['github-api'] as string | undefined) ?? null;
      if (api !== null && !/^https?:\/\/\S+$/.test(api)) throw new UsageError(`--github-api must be an http(s) URL, got: ${api}`);
      return {
        kind: 'run',
        runbook: onePositional(positionals, 'RUNBOOK.md', 'run'),
        // No selection means everything run-all covers.
        all: all || (stageIds.length === 0 && stepIds.length === 0),
        stageIds, stepIds,
        out: (values.out as string | undefined) ?? null,
        report: (values.report as string | undefined) ?? null,
        envFile: (values['env-file'] as string | undefined) ?? null,
        githubApi: api,
        githubRepo: repo,
        strict: values.strict === true,
        yes: values.yes === true,
        json: values.json === true,
      };
    }
    case 'report': {
      const { values, positionals } = parse(rest, { report: text });
      return { kind: 'report', runDir: onePositional(positionals, 'RUN_DIR', 'report'), report: (values.report as string | undefined) ?? null };
    }
    default:
      throw new UsageError(`unknown command ${name} (expected parse, run or report)`);
  }
}

export const USAGE = `Usage:
  runbook-gate parse RUNBOOK.md [--json]
  runbook-gate run RUNBOOK.md [--all | --stage ID ... | --step ID ...] [--out DIR]
               [--report FILE] [--env-file FILE] [--github-api URL] [--github-repo OWNER/NAME]
               [--strict] [--yes] [--json]
  runbook-gate report RUN_DIR [--report FILE]
  runbook-gate --help | --version

Exit codes: 0 Go, 1 No-Go, 2 usage or input error.
GITHUB_TOKEN (environment) authenticates dependency checks.`;

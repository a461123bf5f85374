// Command-line arguments -> a typed command (PRODUCT.md, "The CLI contract"). Anything wrong
// is a UsageError: exit 2 with one line.
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParseCommand { kind: 'parse'; runbook: string; json: boolean }

export interface GithubOptions {
  githubApi: string | null;
  githubRepo: string | null;
}

export interface RunCommand extends GithubOptions {
  kind: 'run';
  runbook: string;
  all: boolean;
  stageIds: string[];
  stepIds: string[];
  checkIds: string[];
  /** null: a new run; "latest": the latest run of the runbook; else a run directory. */
  resume: null | 'latest' | string;
  out: string | null;
  report: string | null;
  template: string | null;
  envFile: string | null;
  /** `--input NAME=VALUE` (also `<placeholder>=VALUE`). */
  inputs: Record<string, string>;
  strict: boolean;
  yes: boolean;
  json: boolean;
}

export type MarkStatusWord = 'passed' | 'failed' | 'blocked' | 'skipped' | 'green' | 'red';
export interface MarkCommand { kind: 'mark'; runDir: string; id: string; status: MarkStatusWord; note: string; by: string | null }
export interface ExecCommand { kind: 'exec'; runDir: string; checkId: string | null; stageId: string | null; title: string | null; argv: string[] }
export interface NoteCommand { kind: 'note'; runDir: string; noteKind: 'scope' | 'risk' | 'remediation'; text: string }
export interface ReportCommand extends GithubOptions {
  kind: 'report';
  runDirs: string[];
  report: string | null;
  template: string | null;
  postComment: boolean;
  openIssues: boolean;
  yes: boolean;
}
export type CliCommand = ParseCommand | RunCommand | MarkCommand | ExecCommand | NoteCommand | ReportCommand | { kind: 'help' } | { kind: 'version' };

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

function parse(args: string[], options: OptionSpec): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (error) {
    // node:util's messages mention parseArgs internals; keep what the user needs.
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]}`);
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing) throw new UsageError(`option ${missing[1]?.replace(/^-\w, /, '').replace(/ <value>$/, '')} needs a value`);
    throw new UsageError(message.split('\n')[0] ?? message);
  }
}

function positional(positionals: string[], count: number, what: string, command: string): string[] {
  if (positionals.length < count) throw new UsageError(`${command} needs ${what}`);
  if (positionals.length > count) throw new UsageError(`${command} takes ${what}, got extra: ${positionals.slice(count).join(' ')}`);
  return positionals;
}

const text = { type: 'string' } as const;
const texts = { type: 'string', multiple: true } as const;
const flag = { type: 'boolean' } as const;

function githubOptions(values: Record<string, unknown>): GithubOptions {
  const repo = (values['github-repo'] as string | undefined) ?? null;
  if (repo !== null && !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new UsageError(`--github-repo must be OWNER/NAME, got: ${repo}`);
  const api = (values['github-api'] as string | undefined) ?? null;
  if (api !== null && !/^https?:\/\/\S+$/.test(api)) throw new UsageError('--github-api must be an http(s) URL');
  return { githubApi: api, githubRepo: repo };
}

/** `--resume` takes an optional RUN_DIR: the next word, unless it is an option or a Markdown file. */
function takeResume(args: string[]): { rest: string[]; resume: RunCommand['resume'] } {
  const index = args.indexOf('--resume');
  if (index < 0) return { rest: args, resume: null };
  const next = args[index + 1];
  const takesValue = next !== undefined && !next.startsWith('-') && !/\.(md|markdown)$/i.test(next);
  const rest = [...args.slice(0, index), ...args.slice(index + (takesValue ? 2 : 1))];
  if (rest.includes('--resume')) throw new UsageError('--resume given twice');
  return { rest, resume: takesValue ? next! : 'latest' };
}

function parseInputs(values: string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const entry of values) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--input must read NAME=VALUE, got: ${entry.replace(/=.*/, '=…')}`);
    inputs[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return inputs;
}

const MARK_WORDS: readonly MarkStatusWord[] = ['passed', 'failed', 'blocked', 'skipped', 'green', 'red'];

export function parseCommandLine(argv: readonly string[]): CliCommand {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { kind: 'help' };
  if (name === '--version' || name === '-v' || name === 'version') return { kind: 'version' };
  const beforeDashes = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (beforeDashes.includes('--help') || beforeDashes.includes('-h')) return { kind: 'help' };
  switch (name) {
    case 'parse': {
      const { values, positionals } = parse(rest, { json: flag });
      return { kind: 'parse', runbook: positional(positionals, 1, 'RUNBOOK.md', 'parse')[0]!, json: values.json === true };
    }
    case 'run': {
      const { rest: args, resume } = takeResume(rest);
      const { values, positionals } = parse(args, {
        all: flag, stage: texts, step: texts, check: texts, out: text, report: text, template: text, 'env-file': text, input: texts,
        'github-api': text, 'github-repo': text, strict: flag, yes: flag, json: flag,
      });
      const stageIds = (values.stage as string[] | undefined) ?? [];
      const stepIds = (values.step as string[] | undefined) ?? [];
      const checkIds = (values.check as string[] | undefined) ?? [];
      const picked = stageIds.length + stepIds.length + checkIds.length > 0;
      if (values.all === true && picked) throw new UsageError('use --all or --stage/--step/--check, not both');
      return {
        kind: 'run',
        runbook: positional(positionals, 1, 'RUNBOOK.md', 'run')[0]!,
        // No selection: everything run-all covers — or, resuming, what the run already covers.
        all: values.all === true || (!picked && resume === null),
        stageIds, stepIds, checkIds, resume,
        out: (values.out as string | undefined) ?? null,
        report: (values.report as string | undefined) ?? null,
        template: (values.template as string | undefined) ?? null,
        envFile: (values['env-file'] as string | undefined) ?? null,
        inputs: parseInputs((values.input as string[] | undefined) ?? []),
        ...githubOptions(values),
        strict: values.strict === true,
        yes: values.yes === true,
        json: values.json === true,
      };
    }
    case 'mark': {
      const { values, positionals } = parse(rest, { note: text, by: text });
      const [runDir, id, status] = positional(positionals, 3, 'RUN_DIR ID STATUS', 'mark');
      const word = status!.toLowerCase() as MarkStatusWord;
      if (!MARK_WORDS.includes(word)) throw new UsageError(`mark STATUS is passed, failed, blocked or skipped (gates: green, red, blocked), got: ${status}`);
      return { kind: 'mark', runDir: runDir!, id: id!, status: word, note: (values.note as string | undefined) ?? '', by: (values.by as string | undefined) ?? null };
    }
    case 'exec': {
      const dashes = rest.indexOf('--');
      if (dashes < 0 || dashes === rest.length - 1) throw new UsageError('exec needs the command after --: runbook-gate exec RUN_DIR [--check ID | --stage ID] -- COMMAND [ARG...]');
      const { values, positionals } = parse(rest.slice(0, dashes), { check: text, stage: text, title: text });
      if (values.check !== undefined && values.stage !== undefined) throw new UsageError('use --check or --stage, not both');
      return {
        kind: 'exec', runDir: positional(positionals, 1, 'RUN_DIR', 'exec')[0]!,
        checkId: (values.check as string | undefined) ?? null, stageId: (values.stage as string | undefined) ?? null,
        title: (values.title as string | undefined) ?? null, argv: rest.slice(dashes + 1),
      };
    }
    case 'note': {
      const { values, positionals } = parse(rest, { scope: text, risk: text, remediation: text });
      const given = (['scope', 'risk', 'remediation'] as const).filter((k) => values[k] !== undefined);
      if (given.length !== 1) throw new UsageError('note takes exactly one of --scope TEXT, --risk TEXT, --remediation TEXT');
      const noteKind = given[0]!;
      return { kind: 'note', runDir: positional(positionals, 1, 'RUN_DIR', 'note')[0]!, noteKind, text: values[noteKind] as string };
    }
    case 'report': {
      const { values, positionals } = parse(rest, { report: text, template: text, 'post-comment': flag, 'open-issues': flag, yes: flag, 'github-api': text, 'github-repo': text });
      if (positionals.length === 0) throw new UsageError('report needs at least one RUN_DIR');
      return {
        kind: 'report', runDirs: positionals,
        report: (values.report as string | undefined) ?? null, template: (values.template as string | undefined) ?? null,
        postComment: values['post-comment'] === true, openIssues: values['open-issues'] === true, yes: values.yes === true,
        ...githubOptions(values),
      };
    }
    default:
      throw new UsageError(`unknown command ${name} (expected parse, run, mark, exec, note or report)`);
  }
}

export const USAGE = `Usage:
  runbook-gate parse RUNBOOK.md [--json]
  runbook-gate run RUNBOOK.md [--all | --stage ID ... | --step ID ... | --check ID ...]
               [--resume [RUN_DIR]] [--out DIR] [--report FILE] [--template NAME|FILE]
               [--env-file FILE] [--input NAME=VALUE ...] [--github-api URL] [--github-repo OWNER/NAME]
               [--strict] [--yes] [--json]
  runbook-gate mark RUN_DIR ID passed|failed|blocked|skipped [--note TEXT] [--by NAME]
  runbook-gate exec RUN_DIR [--check ID | --stage ID] [--title TEXT] -- COMMAND [ARG...]
  runbook-gate note RUN_DIR (--scope TEXT | --risk TEXT | --remediation TEXT)
  runbook-gate report RUN_DIR... [--report FILE] [--template NAME|FILE]
               [--post-comment] [--open-issues] [--yes] [--github-api URL] [--github-repo OWNER/NAME]
  runbook-gate --help | --version

ID in mark is a check, stage or gate id as \`parse --json\` prints it (gates: green, red, blocked).
Exit codes: 0 Go, 1 No-Go, 2 usage or input error.
GITHUB_TOKEN (environment) authenticates GitHub lookups and writes.`;

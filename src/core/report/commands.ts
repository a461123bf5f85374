// The commands a run executed — each step's latest attempt and every `exec` evidence command —
// in the order they ran: the load report's "Validation Commands and Outcomes", the drill
// report's evidence by area, and the validation report's harness and its invocation.
import { formatDuration } from '../formatDuration';
import type { Attempt, HarnessResults, RunRecord } from '../run/record';
import type { ReportCommand, ReportData } from './data';
import { commandLine, runLink, type Links } from './evidence';
import { relativePosix } from './markdown';
import { statusText } from './results';
import { recordIndex } from '../run/recordIndex';

interface Ran {
  command: ReportCommand;
  /** The inputs the command runs with (a step's), for the invocation. */
  inputs: string[];
  results: HarnessResults | null;
  startedAt: string;
  order: number;
}

/** "4. Monitoring Commands" -> "Monitoring Commands". */
function areaName(title: string): string {
  return title.replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '').trim() || title;
}

function fromAttempt(id: string, title: string, command: string, area: string, required: boolean, attempts: number, attempt: Attempt, links: Links): ReportCommand {
  return {
    id, title, command, cwd: attempt.cwd, commandLine: commandLine(command, attempt.cwd), area, required,
    status: attempt.status, statusText: statusText(attempt.status), outcome: attempt.outcome,
    exitCode: attempt.exitCode, duration: attempt.durationMs === null ? null : formatDuration(attempt.durationMs),
    log: runLink(links, attempt.logPath), sha256: attempt.logSha256, attempts, subresults: attempt.results?.rows ?? [],
  };
}

function ranCommands(record: RunRecord, strict: boolean, links: Links): Ran[] {
  const stageTitle = (id: string | null) => (id === null ? undefined : recordIndex(record).stages.get(id))?.title ?? null;
  const ran: Ran[] = [];
  record.steps.forEach((step, index) => {
    const last = step.attempts[step.attempts.length - 1];
    if (!last) return;
    const area = areaName(step.sectionTitle ?? stageTitle(step.stageId) ?? 'Commands');
    const command = fromAttempt(step.id, step.title, last.command, area, strict || step.required, step.attempts.length, last, links);
    ran.push({ command, inputs: step.inputs, results: last.results, startedAt: last.startedAt ?? '', order: index });
  });
  record.extra.forEach((extra, index) => {
    const check = (extra.checkId === null ? undefined : recordIndex(record).checks.get(extra.checkId));
    const stepArea = (check?.stepIds[0] === undefined ? undefined : recordIndex(record).steps.get(check.stepIds[0]))?.sectionTitle ?? null;
    const area = areaName(stepArea ?? stageTitle(extra.stageId ?? check?.stageId ?? null) ?? 'Additional evidence');
    const command = fromAttempt(extra.id, extra.title, extra.attempt.command || extra.command, area, false, 1, extra.attempt, links);
    ran.push({ command, inputs: [], results: extra.attempt.results, startedAt: extra.attempt.startedAt ?? '', order: record.steps.length + index });
  });
  return ran.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.order - b.order));
}

export function groupByArea(commands: readonly ReportCommand[]): ReportData['evidenceGroups'] {
  const groups: ReportData['evidenceGroups'] = [];
  for (const command of commands) {
    const group = groups.find((g) => g.area === command.area);
    if (group) group.commands.push(command);
    else groups.push({ area: command.area, commands: [command] });
  }
  return groups;
}

/** A value as one shell word. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function invocationOf(record: RunRecord, ran: Ran, workspaceCommand: string): NonNullable<ReportData['invocation']> {
  const env = ran.inputs.flatMap((name) => {
    const input = record.inputs.find((i) => i.name === name && i.kind === 'env');
    if (!input) return [];
    if (input.secret) return [{ name, value: '***' }];
    return input.value === null ? [] : [{ name, value: input.value }];
  });
  const cwd = ran.command.cwd || '.';
  const lines: string[] = [];
  if (cwd !== '.') lines.push(`cd ${shellQuote(cwd)}`);
  const multiline = workspaceCommand.includes('\n');
  if (multiline) {
    if (env.length > 0) lines.push(`export ${env.map((e) => `${e.name}=${shellQuote(e.value)}`).join(' ')}`);
    lines.push(workspaceCommand);
  } else {
    lines.push(...env.map((e) => `${e.name}=${shellQuote(e.value)} \\`), workspaceCommand);
  }
  return { command: workspaceCommand, env, cwd, text: lines.join('\n') };
}

export interface CommandFacts {
  commands: ReportCommand[];
  harness: ReportData['harness'];
  invocation: ReportData['invocation'];
}

/** Harness rows counted as the counts line counts them ("7 required failures, 4 required passes"). */
function rowCounts(rows: ReportCommand['subresults']): string {
  const parts: Array<[number, string, string]> = [
    [rows.filter((r) => r.required && r.status === 'failed').length, 'required failure', 'required failures'],
    [rows.filter((r) => r.required && r.status === 'blocked').length, 'required blocked', 'required blocked'],
    [rows.filter((r) => r.required && r.status === 'skipped').length, 'required not run', 'required not run'],
    [rows.filter((r) => r.required && r.status === 'passed').length, 'required pass', 'required passes'],
    [rows.filter((r) => !r.required && r.status === 'failed').length, 'optional failure', 'optional failures'],
    [rows.filter((r) => !r.required && r.status === 'blocked').length, 'optional blocked', 'optional blocked'],
    [rows.filter((r) => !r.required && r.status === 'passed').length, 'optional pass', 'optional passes'],
    [rows.filter((r) => !r.required && r.status === 'skipped').length, 'optional skipped', 'optional skipped'],
  ];
  return parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ') || 'no rows';
}

/** Commands of several runs in run order; the harness is the first that wrote a results file. */
export function commandFacts(runs: ReadonlyArray<{ record: RunRecord; strict: boolean; links: Links }>): CommandFacts {
  const all = runs.flatMap((run) => ranCommands(run.record, run.strict, run.links).map((ran) => ({ ran, run })));
  const withResults = all.find(({ ran }) => ran.results !== null);
  const harness = withResults?.ran.results ? {
    command: withResults.ran.command,
    file: relativePosix(withResults.run.links.reportDir, withResults.ran.results.file),
    format: withResults.ran.results.format,
    counts: rowCounts(withResults.ran.results.rows),
    error: withResults.ran.results.error,
  } : null;
  const chosen = withResults ?? all[0];
  return {
    commands: all.map(({ ran }) => ran.command),
    harness,
    invocation: chosen ? invocationOf(chosen.run.record, chosen.ran, chosen.ran.command.command) : null,
  };
}

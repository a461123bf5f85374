// The evidence lines under a check or a stage: what the commands did ("`cmd` => `49 passed`"),
// which dependency issues are closed ("#1858 OA-RUST-043 -> CLOSED"), how long a hold has
// run, who marked it, and the rows of a harness's results file.
import { formatDuration } from '../formatDuration';
import { shortTime } from '../run/holds';
import type { Attempt, CheckRecord, DependencyItem, ExtraRecord, GateRecord, MarkRecord, RunRecord, StepRecord } from '../run/record';
import type { ReportEvidence } from './data';
import { firstLine, relativePosix } from './markdown';
import { statusText } from './results';
import { recordIndex } from '../run/recordIndex';
import { dependencyItemsOf } from '../run/dependencyItems';

/** Where links start from and where the run's files are (workspace-relative). */
export interface Links {
  reportDir: string;
  runDir: string;
}

/** A path inside the run directory, relative to the report. */
export function runLink(links: Links, path: string | null): string | null {
  return path === null ? null : relativePosix(links.reportDir, `${links.runDir}/${path}`);
}

const GATE_TEXT: Record<GateRecord['status'], string> = { green: 'Green', red: 'Red', blocked: 'Red (blocked)', 'not observed': 'Not observed' };

export function gateStatusText(status: GateRecord['status']): string {
  return GATE_TEXT[status];
}

function base(kind: ReportEvidence['kind'], text: string, status: string): ReportEvidence {
  return { kind, text, command: null, outcome: null, status, exitCode: null, duration: null, log: null };
}

/** A command's first line as a reader would type it from the workspace root: "cd apps/runtime && mix ci". */
export function commandLine(command: string, cwd: string): string {
  const line = firstLine(command);
  const dir = cwd.replace(/\/+$/, '');
  return dir === '' || dir === '.' ? line : `cd ${/^[\w@%+=:,./-]+$/.test(dir) ? dir : `'${dir.replace(/'/g, `'\\''`)}'`} && ${line}`;
}

/** An attempt's evidence, then its results rows and the values it read. */
export function attemptEvidence(kind: 'command' | 'extra', command: string, attempt: Attempt, links: Links): ReportEvidence[] {
  const line = commandLine(command, attempt.cwd);
  const outcome = attempt.outcome || attempt.status;
  const main: ReportEvidence = {
    kind, text: `${line} => ${outcome}`, command: line, outcome, status: statusText(attempt.status),
    exitCode: attempt.exitCode, duration: attempt.durationMs === null ? null : formatDuration(attempt.durationMs),
    log: runLink(links, attempt.logPath),
  };
  const rows = (attempt.results?.rows ?? []).map((row) => base(
    'subresult',
    `${row.id}${row.title && row.title !== row.id ? ` ${row.title}` : ''}: ${statusText(row.status)}${row.required ? '' : ' (optional)'}${row.detail ? ` — ${row.detail}` : ''}`,
    statusText(row.status),
  ));
  const unreadable = attempt.results?.error ? [base('subresult', `results file ${attempt.results.file} could not be read: ${attempt.results.error}`, 'BLOCKED')] : [];
  const values = attempt.values.map((value) => base('gate', value.detail, GATE_TEXT[value.status]));
  return [main, ...rows, ...unreadable, ...values];
}

/** A bound step: its latest attempt, or why it did not run. */
function stepEvidence(step: StepRecord, links: Links): ReportEvidence[] {
  const last = step.attempts[step.attempts.length - 1];
  if (last && step.status === last.status) return attemptEvidence('command', last.command, last, links);
  const why = step.outcome ? ` (${step.outcome})` : '';
  const line = commandLine(step.command, step.cwd);
  const evidence = base('command', `${line}: ${statusText(step.status)}${why}`, statusText(step.status));
  return [{ ...evidence, command: line, outcome: step.outcome || null, log: runLink(links, last?.logPath ?? null) }];
}

export function extraEvidence(extra: ExtraRecord, links: Links): ReportEvidence[] {
  return attemptEvidence('extra', extra.command, extra.attempt, links);
}

/** "#1858 OA-RUST-043 -> CLOSED", "#1860 -> UNKNOWN (403 forbidden)". */
export function dependencyLine(item: DependencyItem): string {
  const title = item.title ? ` ${item.title}` : '';
  if (item.state === null || item.error !== null) return `${item.label}${title} -> UNKNOWN (${item.error ?? 'not checked'})`;
  return `${item.label}${title} -> ${item.state.toUpperCase()}`;
}

export function dependencyState(item: DependencyItem): string {
  return item.state === null || item.error !== null ? 'UNKNOWN' : item.state.toUpperCase();
}

function dependencyEvidence(record: RunRecord, check: CheckRecord): ReportEvidence[] {
  const deps = record.dependencies;
  const items = dependencyItemsOf(check, deps);
  if (deps.checkedAt === null) return [base('dependency', `dependency gate not checked${deps.reason ? `: ${deps.reason}` : ''}`, 'NOT RUN')];
  if (items.length === 0) return [base('dependency', deps.reason ?? 'no dependency issues found in the runbook', 'BLOCKED')];
  return items.map((item) => base('dependency', dependencyLine(item), dependencyState(item)));
}

function holdEvidence(check: CheckRecord): ReportEvidence[] {
  const hold = check.hold;
  if (!hold) return [];
  if (hold.durationMs === null && hold.businessDays === null) return [base('hold', `${hold.text}: needs a verdict`, statusText(check.status))];
  if (!hold.startedAt || !hold.until) return [base('hold', `${hold.text}: starts when the stage starts`, 'NOT RUN')];
  if (check.status === 'holding') return [base('hold', `holding until ${shortTime(hold.until)} (${hold.text})`, 'HOLDING')];
  if (check.status === 'passed' && !check.mark) return [base('hold', `held ${hold.text} since ${shortTime(hold.startedAt)}`, 'PASS')];
  return [base('hold', `${hold.text}: since ${shortTime(hold.startedAt)}, until ${shortTime(hold.until)}`, statusText(check.status))];
}

function gateEvidence(record: RunRecord, check: CheckRecord): ReportEvidence[] {
  return check.gateIds.flatMap((id) => {
    const gate = recordIndex(record).gates.get(id);
    return gate ? [base('gate', `${gate.title}: ${GATE_TEXT[gate.status]} (${gate.evidence})`, GATE_TEXT[gate.status])] : [];
  });
}

/** "marked blocked by ana at 2026-02-21 10:40 UTC" (the note is the check's or stage's `note`). */
export function markEvidence(mark: MarkRecord): ReportEvidence {
  const status = mark.status === 'passed' ? 'PASS' : mark.status === 'failed' ? 'FAIL' : mark.status === 'blocked' ? 'BLOCKED' : 'SKIPPED';
  return base('mark', `marked ${mark.status}${mark.by ? ` by ${mark.by}` : ''} at ${shortTime(mark.at)}`, status);
}

export function checkEvidence(record: RunRecord, check: CheckRecord, links: Links): ReportEvidence[] {
  const own = check.kind === 'command'
    ? check.stepIds.flatMap((id) => {
      const step = recordIndex(record).steps.get(id);
      return step ? stepEvidence(step, links) : [];
    })
    : check.kind === 'dependency' ? dependencyEvidence(record, check)
      : check.kind === 'hold' ? holdEvidence(check)
        : check.kind === 'gate' ? gateEvidence(record, check) : [];
  const extras = check.extraIds.flatMap((id) => {
    const extra = record.extra.find((e) => e.id === id);
    return extra ? extraEvidence(extra, links) : [];
  });
  return [...own, ...extras, ...(check.mark ? [markEvidence(check.mark)] : [])];
}

/** Evidence attached to the stage itself (`exec --stage`), and its mark. */
export function stageEvidence(record: RunRecord, stageId: string, links: Links): ReportEvidence[] {
  const stage = recordIndex(record).stages.get(stageId);
  const extras = record.extra.filter((e) => e.stageId === stageId && e.checkId === null).flatMap((e) => extraEvidence(e, links));
  return [...extras, ...(stage?.mark ? [markEvidence(stage.mark)] : [])];
}

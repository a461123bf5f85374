// The text artifacts of a run directory, from run.json and its decision: results.tsv (one row
// per check in scope, and per harness row as `<check>/<row>`) and SUMMARY.md (the counts line
// of seed 002, stages and checks). Paths in both are relative to the run directory.
import { formatDuration } from '../formatDuration';
import type { Attempt, CheckRecord, RunRecord, SubResult } from '../run/record';
import type { GateDecision } from '../gate/types';
import { escapeText, inlineCode, linkTarget, tableCell } from './markdown';
import { decidedChecks, harnessRows, overallLine } from './results';
import { recordIndex } from '../run/recordIndex';

interface Facts {
  exitCode: number | null;
  durationMs: number | null;
  startedAt: string | null;
  logPath: string | null;
}

const NONE: Facts = { exitCode: null, durationMs: null, startedAt: null, logPath: null };

function latest(record: RunRecord, stepId: string): Attempt | null {
  const step = recordIndex(record).steps.get(stepId);
  return step?.attempts[step.attempts.length - 1] ?? null;
}

/** A check's command facts: the bound step in the check's state (else the first that ran); hold and mark times otherwise. */
function factsOf(record: RunRecord, check: CheckRecord): Facts {
  const attempts = check.stepIds.map((id) => latest(record, id)).filter((a): a is Attempt => a !== null);
  const culprit = attempts.find((a) => a.status === check.status) ?? attempts[0];
  if (culprit) {
    const durations = attempts.map((a) => a.durationMs).filter((d): d is number => d !== null);
    const starts = attempts.map((a) => a.startedAt).filter((s): s is string => s !== null).sort();
    return {
      exitCode: culprit.exitCode, durationMs: durations.length > 0 ? durations.reduce((a, b) => a + b, 0) : null,
      startedAt: starts[0] ?? null, logPath: culprit.logPath,
    };
  }
  return { ...NONE, startedAt: check.hold?.startedAt ?? check.mark?.at ?? null };
}

/** The step attempt that wrote a harness row. */
function rowFacts(record: RunRecord, check: CheckRecord, row: SubResult): Facts {
  const attempt = check.stepIds.map((id) => latest(record, id)).find((a) => a?.results?.rows.includes(row)) ?? null;
  return attempt ? { exitCode: attempt.exitCode, durationMs: attempt.durationMs, startedAt: attempt.startedAt, logPath: attempt.logPath } : NONE;
}

/** No tab, line break or control character may live in a cell: backslash escapes, reversible. */
export function tsvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const RESULTS_TSV_COLUMNS = ['id', 'title', 'required', 'status', 'exit_code', 'duration_ms', 'started', 'log'] as const;

export function renderResultsTsv(record: RunRecord, decision: GateDecision): string {
  const lines = [RESULTS_TSV_COLUMNS.join('\t')];
  const line = (cells: Array<string | number | boolean | null>) => lines.push(cells.map(tsvCell).join('\t'));
  for (const { check, required } of decidedChecks(record, decision)) {
    const facts = factsOf(record, check);
    line([check.id, check.text, required, check.status, facts.exitCode, facts.durationMs, facts.startedAt, facts.logPath]);
    for (const row of harnessRows(record, check)) {
      const rf = rowFacts(record, check, row);
      line([`${check.id}/${row.id}`, row.title, decision.strict || (required && row.required), row.status, rf.exitCode, rf.durationMs, rf.startedAt, rf.logPath]);
    }
  }
  return `${lines.join('\n')}\n`;
}

function logLink(path: string | null): string {
  if (path === null) return '';
  const target = linkTarget(path);
  return target === null ? inlineCode(path) : `[${inlineCode(path)}](${target})`;
}

function checkRow(id: string, title: string, required: boolean, status: string, facts: Facts, outcome: string): string {
  const cells = [
    `${inlineCode(id)} ${escapeText(title)}`, required ? 'yes' : 'no', escapeText(status), facts.exitCode === null ? '' : String(facts.exitCode),
    facts.durationMs === null ? '' : formatDuration(facts.durationMs), escapeText(outcome), logLink(facts.logPath),
  ];
  return `| ${cells.map(tableCell).join(' | ')} |`;
}

export function renderRunSummary(record: RunRecord, decision: GateDecision): string {
  const env = record.environment;
  const dirty = env.gitDirty === null ? 'unknown' : env.gitDirty ? 'yes' : 'no';
  const lines = [
    `# ${escapeText(record.runbook.title || record.context.title)} — run ${inlineCode(record.runId)}`,
    '',
    `Runbook: ${inlineCode(record.runbook.path)}  `,
    `Started (UTC): ${escapeText(record.startedAt)}  `,
    `Updated (UTC): ${escapeText(record.updatedAt)}  `,
    `Commit: ${env.gitCommit ? inlineCode(env.gitCommit) : 'unknown'}${env.gitBranch ? ` on ${inlineCode(env.gitBranch)}` : ''} (dirty tree: ${dirty})  `,
    `Host: ${inlineCode(env.host)} · runbook-gate ${inlineCode(env.toolVersion)}${decision.strict ? ' · strict (optional checks required)' : ''}`,
    '',
    '## Result',
    '',
    overallLine(decision.counts),
    '',
    `Decision: **${decision.decision}**`,
    '',
    '## Stages',
    '',
    '| Stage | Verdict | Required checks passed |',
    '| --- | --- | --- |',
    ...decision.stages.map((stage) => {
      const required = stage.checks.filter((c) => c.required);
      const cells = [escapeText(stage.label), stage.verdict, `${required.filter((c) => c.status === 'passed').length} of ${required.length}`];
      return `| ${cells.map(tableCell).join(' | ')} |`;
    }),
    '',
    '## Checks',
    '',
    '| Check | Required | Status | Exit | Duration | Outcome | Log |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { check, required } of decidedChecks(record, decision)) {
    lines.push(checkRow(check.id, check.text, required, check.status, factsOf(record, check), check.outcome));
    for (const row of harnessRows(record, check)) {
      lines.push(checkRow(`${check.id}/${row.id}`, row.title, decision.strict || (required && row.required), row.status, rowFacts(record, check, row), row.detail));
    }
  }
  const logs = [
    ...record.steps.flatMap((s) => s.attempts),
    ...record.extra.map((e) => e.attempt),
  ].filter((a) => a.logPath !== null);
  if (logs.length > 0) {
    lines.push('', '## Log digests (SHA-256)', '', ...logs.map((a) => `- ${logLink(a.logPath)} ${a.logSha256 ? inlineCode(a.logSha256) : 'not recorded'}`));
  }
  return `${lines.join('\n')}\n`;
}

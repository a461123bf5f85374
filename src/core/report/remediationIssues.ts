// The remediation issues a No-Go opens: one per blocker — a stage (or checklist) that failed
// or was blocked, a KPI gate that is red or blocked — with a title that is the same on every
// run (so the host's search finds the open one and never opens a second), the evidence
// (commands, outcomes, logs as repository paths), and the labels the setting names.
// Not blockers: holds still running, checks awaiting a verdict, stages not run, gates not
// observed, open or unreadable dependency issues (each already has its issue or is a setup
// problem) — the report lists those.
import type { ReportCheck, ReportData, ReportEvidence, ReportStage } from './data';
import type { Reason, Remedy } from '../gate/types';
import { escapeText as plainText, inlineCode } from './markdown';
import { COMMENT_BODY_LIMIT, repoFileLink, repoPathFromReport } from './runComment';

export interface RemediationIssue {
  /** `stage:<runbook>:<id>` or `gate:<id>`: what it is about. */
  key: string;
  /** "Runbook gate: Stage 2 (External canary) BLOCKED — <runbook title>". */
  title: string;
  body: string;
  labels: string[];
}

export interface RemediationOptions {
  /** From the host's setting; trimmed, empty and repeated names dropped. */
  labels: readonly string[];
  /** The report's path relative to the repository root (evidence paths are relative to it). */
  reportPath: string;
  /** See githubBlobBase in runComment.ts; null: paths without links. */
  blobBase: string | null;
  /** The host's words for a remedy (the report's); without it the issue has no "What to do". */
  wordRemedy?: (remedy: Remedy) => string;
}

/** GitHub refuses longer titles. */
const TITLE_LIMIT = 256;
const BLOCKING_PROBLEMS = new Set<Reason['problem']['kind']>(['failed', 'blocked', 'gate-red', 'gate-blocked']);

// Control characters are the point here: titles and lines come from runbooks and command output.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;
/** Terminal escape sequences (CSI `ESC[2J`, OSC `ESC]0;title BEL`): dropped whole, not just their ESC. */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/** One line of plain text: escape sequences dropped, control characters and runs of spaces become one space. */
function oneLine(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function issueTitle(text: string): string {
  const flat = oneLine(text);
  return flat.length > TITLE_LIMIT ? `${flat.slice(0, TITLE_LIMIT - 1)}…` : flat;
}

/** A fenced block that its content cannot close. */
function codeBlock(text: string, language = ''): string {
  const longest = (text.match(/`{3,}/g) ?? []).reduce((max, run) => Math.max(max, run.length), 2);
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

function cleanLabels(labels: readonly string[]): string[] {
  return [...new Set(labels.map((label) => oneLine(label)).filter((label) => label !== ''))];
}

interface Blocker {
  key: string;
  title: string;
  stage: ReportStage | null;
  reasons: Reason[];
}

function runbookTitleOf(data: ReportData, stage: ReportStage): string {
  return data.runbooks.find((r) => r.path === stage.runbook)?.title ?? data.title;
}

function collectBlockers(data: ReportData, reasons: readonly Reason[]): Blocker[] {
  const blockers = new Map<string, Blocker>();
  for (const reason of reasons) {
    if (!BLOCKING_PROBLEMS.has(reason.problem.kind)) continue;
    const { subject } = reason;
    if (subject.kind === 'stage' || subject.kind === 'check') {
      const stage = data.stages.find((s) => s.id === subject.stageId) ?? null;
      const key = `stage:${stage?.runbook ?? ''}:${subject.stageId}`;
      const verdict = stage?.verdict === 'FAIL' || stage?.verdict === 'BLOCKED' ? stage.verdict : reason.problem.kind === 'failed' ? 'FAIL' : 'BLOCKED';
      const label = stage?.label ?? (subject.kind === 'stage' ? subject.label : subject.stageId);
      const title = issueTitle(`Runbook gate: ${label} ${verdict} — ${stage ? runbookTitleOf(data, stage) : data.title}`);
      const blocker = blockers.get(key) ?? { key, title, stage, reasons: [] };
      blocker.reasons.push(reason);
      blockers.set(key, blocker);
    } else if (subject.kind === 'gate') {
      const key = `gate:${subject.gateId}`;
      const status = reason.problem.kind === 'gate-red' ? 'RED' : 'BLOCKED';
      const blocker = blockers.get(key) ?? { key, title: issueTitle(`Runbook gate: KPI gate ${subject.title} ${status} — ${data.title}`), stage: null, reasons: [] };
      blocker.reasons.push(reason);
      blockers.set(key, blocker);
    }
  }
  return [...blockers.values()];
}

function evidenceLines(evidence: ReportEvidence, options: RemediationOptions): string[] {
  if (evidence.kind !== 'command' && evidence.kind !== 'extra') return [`  - ${plainText(oneLine(evidence.text))}`];
  const lines: string[] = [];
  const command = evidence.command ?? '';
  if (command.includes('\n')) lines.push('  - Command:', '', codeBlock(command, 'sh').replace(/^/gm, '    '), '');
  else if (command !== '') lines.push(`  - Command: ${inlineCode(command)}`);
  const result = [
    evidence.outcome ? `outcome ${inlineCode(oneLine(evidence.outcome))}` : null,
    evidence.exitCode !== null ? `exit code ${evidence.exitCode}` : null,
    evidence.duration ? `took ${evidence.duration}` : null,
  ].filter((part): part is string => part !== null);
  if (result.length > 0) lines.push(`  - Result: ${evidence.status}, ${result.join(', ')}`);
  const log = evidence.log ? repoPathFromReport(options.reportPath, evidence.log) : null;
  if (log) lines.push(`  - Log: ${repoFileLink(log, options.blobBase)}`);
  return lines;
}

function checkLines(check: ReportCheck, options: RemediationOptions): string[] {
  const outcome = check.outcome ? `: ${plainText(oneLine(check.outcome))}` : '';
  const lines = [`- **${plainText(oneLine(check.text))}** — ${check.statusText}${outcome}`];
  if (check.note) lines.push(`  - Note${check.markedBy ? ` (${plainText(oneLine(check.markedBy))})` : ''}: ${plainText(oneLine(check.note))}`);
  for (const evidence of check.evidence) lines.push(...evidenceLines(evidence, options));
  return lines;
}

/** The checks a stage blocker is about: those its reasons name, else its required checks that failed or were blocked. */
function blockingChecks(blocker: Blocker): ReportCheck[] {
  const stage = blocker.stage;
  if (!stage) return [];
  const named = new Set(blocker.reasons.flatMap((r) => (r.subject.kind === 'check' ? [r.subject.checkId] : [])));
  const checks = named.size > 0
    ? stage.checks.filter((c) => named.has(c.id))
    : stage.checks.filter((c) => c.required && (c.status === 'failed' || c.status === 'blocked'));
  return checks;
}

function problemLine(reason: Reason): string | null {
  const { problem } = reason;
  if (problem.kind === 'failed' || problem.kind === 'blocked' || problem.kind === 'gate-red' || problem.kind === 'gate-blocked') {
    return problem.detail ? `- ${plainText(oneLine(problem.detail))}` : null;
  }
  return null;
}

function issueBody(blocker: Blocker, data: ReportData, options: RemediationOptions): string {
  const subject = blocker.stage ? blocker.stage.label : blocker.title;
  const runbook = data.runbooks.find((r) => r.path === blocker.stage?.runbook) ?? data.runbooks[0];
  const lines = [
    `<!-- runbook-gate:remediation=${blocker.key.replace(/-{2,}|>/g, '_')} -->`,
    `${plainText(oneLine(blocker.title))}.`,
    '',
    `${data.decision.value} on ${data.date}: ${plainText(oneLine(data.decision.statement))}`,
    '',
    [
      runbook ? `Runbook: ${repoFileLink(runbook.path, options.blobBase)}` : null,
      `Gate report: ${repoFileLink(options.reportPath, options.blobBase)}`,
      data.owner ? `Owner: ${plainText(oneLine(data.owner))}` : null,
    ].filter((part): part is string => part !== null).join(' · '),
    '',
    `## What ${blocker.stage ? `stopped ${plainText(oneLine(subject))}` : 'is wrong'}`,
    '',
  ];
  const checks = blockingChecks(blocker);
  if (checks.length > 0) for (const check of checks) lines.push(...checkLines(check, options));
  else lines.push(...blocker.reasons.map(problemLine).filter((line): line is string => line !== null));
  if (blocker.stage?.note) lines.push(`- Stage note: ${plainText(oneLine(blocker.stage.note))}`);
  const remedies = options.wordRemedy ? [...new Set(blocker.reasons.map((r) => oneLine(options.wordRemedy!(r.remedy))).filter((r) => r !== ''))] : [];
  if (remedies.length > 0) lines.push('', '## What to do', '', ...remedies.map((r) => `- ${plainText(r)}`));
  const integrity = data.integrity;
  lines.push(
    '',
    '## Where this comes from',
    '',
    `Run ${data.runs.map((run) => inlineCode(run.id)).join(', ')}; commit ${integrity.gitCommit ? inlineCode(integrity.gitCommit) : 'unknown'}${integrity.gitBranch ? ` on ${inlineCode(integrity.gitBranch)}` : ''}${integrity.gitDirty ? ' (uncommitted changes)' : ''}; host ${inlineCode(integrity.host)}; runbook-gate ${integrity.toolVersion}.`,
    '',
  );
  const body = lines.join('\n');
  if (body.length <= COMMENT_BODY_LIMIT) return body;
  const note = `\n\n_Cut to fit GitHub's limit; the rest is in the gate report ${repoFileLink(options.reportPath, options.blobBase)}._\n`;
  const cut = body.slice(0, COMMENT_BODY_LIMIT - note.length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf('\n'), 0))}${note}`;
}

/** The remediation issues for a No-Go, in report order; none for Go. */
export function remediationIssues(data: ReportData, reasons: readonly Reason[], options: RemediationOptions): RemediationIssue[] {
  if (data.decision.go) return [];
  const labels = cleanLabels(options.labels);
  return collectBlockers(data, reasons).map((blocker) => ({
    key: blocker.key,
    title: blocker.title,
    body: issueBody(blocker, data, options),
    labels,
  }));
}

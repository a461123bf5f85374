// gate.json: everything a report template may use, from run records and their decisions.
// Pure and deterministic — no clock, no environment: the same records give the same data,
// byte for byte, so `runbook-gate report RUN_DIR` regenerates the same report.
import type { RunRecord } from '../run/record';
import type { GateDecision } from '../gate/types';
import { wordingContext, wordPassed, wordReason, wordReasonRemedy, type WordingStyle } from '../gate/wording';
import { REPORT_DATA_SCHEMA, type ReportCheck, type ReportData, type ReportStage } from './data';
import { checkEvidence, runLink, stageEvidence, type Links } from './evidence';
import { commandFacts, groupByArea } from './commands';
import { dirOf, escapeText, inlineCode, relativePosix } from './markdown';
import { countParts, mergeCounts, resultRows, statusText } from './results';
import { dependencies, gateList, snapshotRows, thresholdList } from './snapshot';
import { recordIndex } from '../run/recordIndex';

export interface ReportRun {
  record: RunRecord;
  decision: GateDecision;
  /** Workspace-relative run directory. */
  runDir: string;
}

export interface ReportOptions {
  /** Workspace-relative path of the report file: links are made relative to its folder. */
  reportPath: string;
  /** The template's name or workspace-relative file. */
  template: string;
  /** The version of runbook-gate writing the report. */
  toolVersion: string;
}

/** Values set into the decision's sentences: inline code and escaped text. */
export const MARKDOWN_STYLE: WordingStyle = { code: inlineCode, text: escapeText };

/** "Khala Runtime/Codex WS-Only Rollout Runbook" -> "Khala Runtime/Codex WS-Only Rollout". */
export function reportName(title: string): string {
  return title.replace(/\s*[-–—:]?\s*\b(?:runbook|checklist|plan|procedure)\s*$/i, '').trim() || title;
}

/** "2026-02-21T19:27:46.000Z" -> "2026-02-21T19:27:46Z". */
function seconds(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function issueUrl(record: RunRecord): string | null {
  const issue = record.context.issue;
  if (!issue || issue.number === null || !issue.repo) return null;
  const known = record.dependencies.items.map((i) => i.url).find((url): url is string => url !== null && /^https?:\/\//.test(url));
  const web = known ? known.replace(/^(https?:\/\/[^/]+)\/.*$/, '$1') : 'https://github.com';
  return `${web}/${issue.repo}/issues/${issue.number}`;
}

function checkData(record: RunRecord, checkId: string, required: boolean, links: Links): ReportCheck | null {
  const check = recordIndex(record).checks.get(checkId);
  if (!check) return null;
  return {
    id: check.id, ordinal: check.ordinal, text: check.text, detail: check.detail, kind: check.kind, required,
    status: check.status, statusText: statusText(check.status), outcome: check.outcome,
    note: check.mark?.note || null, markedBy: check.mark?.by ?? null,
    evidence: checkEvidence(record, check, links), label: check.text.trim().replace(/[.:;]+$/, ''), line: check.line,
  };
}

function stagesOf(run: ReportRun, links: Links): ReportStage[] {
  return run.decision.stages.flatMap((result) => {
    const stage = recordIndex(run.record).stages.get(result.stageId);
    if (!stage) return [];
    return [{
      id: stage.id, label: stage.label, title: stage.title, key: stage.key, kind: stage.kind, runbook: run.record.runbook.path,
      verdict: result.verdict, note: stage.mark?.note || null, holdUntil: result.holdUntil,
      checks: result.checks.map((c) => checkData(run.record, c.checkId, c.required, links)).filter((c): c is ReportCheck => c !== null),
      evidence: stageEvidence(run.record, stage.id, links), line: stage.line,
    }];
  });
}

function decisionData(runs: readonly ReportRun[], name: string, timestamp: string, owner: string | null): ReportData['decision'] {
  const go = runs.every((run) => run.decision.go);
  const several = unique(runs.map((run) => run.record.runbook.path)).length > 1;
  const prefix = (run: ReportRun) => (several ? `${escapeText(reportName(run.record.context.title || run.record.runbook.title))}: ` : '');
  // One wording context per run, not per reason: a No-Go run of a long runbook has thousands.
  const contexts = new Map(runs.map((run) => [run, { context: wordingContext(run.record, run.runDir), style: MARKDOWN_STYLE }]));
  const words = (run: ReportRun) => contexts.get(run)!;
  const reasons = runs.flatMap((run) => run.decision.reasons.map((r) => `${prefix(run)}${wordReason(r, 'report', words(run))}`));
  const passed = runs.flatMap((run) => run.decision.passed.map((s) => `${prefix(run)}${wordPassed(s, 'report', words(run))}`));
  const remedies = runs.flatMap((run) => run.decision.reasons.map((r) => wordReasonRemedy(r, 'report', words(run))));
  const notes = runs.flatMap((run) => run.record.notes.filter((n) => n.kind === 'remediation').map((n) => n.text));
  const value = go ? 'Go' : 'No-Go';
  return {
    value, go, statement: `${value} for ${name} at ${timestamp}.`, owner,
    reasons, passed, remediation: unique([...remedies, ...notes]),
  };
}

export function buildReportData(runs: ReadonlyArray<ReportRun>, options: ReportOptions): ReportData {
  if (runs.length === 0) throw new Error('a report needs at least one run');
  const first = runs[0]!;
  const reportDir = dirOf(options.reportPath);
  const linksOf = (run: ReportRun): Links => ({ reportDir, runDir: run.runDir });
  const link = (path: string) => relativePosix(reportDir, path);

  const titles = unique(runs.map((run) => run.record.context.title || run.record.runbook.title));
  const name = reportName(titles[0]!); // the first runbook's: the others' checks are its evidence (seed 004)
  const timestamp = seconds(runs.map((run) => run.decision.decidedAt).sort().at(-1)!);
  const owner = runs.map((run) => run.record.context.owner).find((o) => o !== null) ?? null;
  const issueRun = runs.find((run) => run.record.context.issue !== null);
  const notesOf = (kind: 'scope' | 'risk' | 'remediation') => runs.flatMap((run) => run.record.notes.filter((n) => n.kind === kind).map((n) => n.text));
  const stages = runs.flatMap((run) => stagesOf(run, linksOf(run)));
  const deps = dependencies(runs);
  const facts = commandFacts(runs.map((run) => ({ record: run.record, strict: run.decision.strict, links: linksOf(run) })));
  const counts = mergeCounts(runs.map((run) => run.decision.counts));
  const artifactRuns = runs.map((run) => ({
    id: run.record.runId,
    runDir: link(run.runDir),
    runJson: link(`${run.runDir}/run.json`),
    resultsTsv: link(`${run.runDir}/results.tsv`),
    summary: link(`${run.runDir}/SUMMARY.md`),
    logsDir: link(`${run.runDir}/logs`),
  }));
  const env = first.record.environment;

  return {
    schema: REPORT_DATA_SCHEMA,
    kind: 'runbook-gate-report',
    tool: { name: 'runbook-gate', version: options.toolVersion },
    template: options.template,
    title: titles.join(' + '),
    name,
    date: timestamp.slice(0, 10),
    timestamp,
    owner,
    issue: issueRun ? { text: issueRun.record.context.issue!.text, number: issueRun.record.context.issue!.number, url: issueUrl(issueRun.record) } : null,
    scope: notesOf('scope').length > 0 ? notesOf('scope') : unique(runs.map((run) => run.record.context.scope).filter((s): s is string => s !== null)),
    runbooks: unique(runs.map((run) => run.record.runbook.path)).map((path) => ({
      path, link: link(path), title: runs.find((run) => run.record.runbook.path === path)!.record.runbook.title,
    })),
    runs: runs.map((run) => ({
      id: run.record.runId, dir: run.runDir, link: link(run.runDir), startedAt: run.record.startedAt, updatedAt: run.record.updatedAt, sessions: run.record.sessions.length,
    })),
    decision: decisionData(runs, name, timestamp, owner),
    counts,
    countParts: countParts(counts),
    results: runs.flatMap((run) => resultRows(run.record, run.decision)),
    stages,
    snapshot: snapshotRows(runs, stages, deps),
    gates: gateList(runs),
    dependencies: deps,
    commands: facts.commands,
    evidenceGroups: groupByArea(facts.commands),
    harness: facts.harness,
    invocation: facts.invocation,
    thresholds: thresholdList(runs),
    notes: { scope: notesOf('scope'), risks: notesOf('risk'), remediation: notesOf('remediation') },
    warnings: runs.flatMap((run) => run.record.unmaskedSecrets.map((secret) => `Secret input ${secret} was too short to mask; check the logs before sharing them.`)),
    artifacts: {
      runDir: artifactRuns[0]!.runDir, runJson: artifactRuns[0]!.runJson, resultsTsv: artifactRuns[0]!.resultsTsv,
      summary: artifactRuns[0]!.summary, logsDir: artifactRuns[0]!.logsDir,
      logs: runs.flatMap((run) => logsOf(run.record).map((log) => ({ path: runLink(linksOf(run), log.path)!, sha256: log.sha256, stepId: log.stepId, attempt: log.attempt }))),
      runs: artifactRuns,
    },
    integrity: {
      gitCommit: env.gitCommit, gitBranch: env.gitBranch, gitDirty: env.gitDirty, host: env.host, toolVersion: env.toolVersion,
      startedAt: first.record.startedAt, updatedAt: runs.map((run) => run.record.updatedAt).sort().at(-1)!,
      runs: runs.map(({ record }) => ({
        id: record.runId, gitCommit: record.environment.gitCommit, gitBranch: record.environment.gitBranch,
        gitDirty: record.environment.gitDirty, host: record.environment.host, toolVersion: record.environment.toolVersion,
      })),
    },
  };
}

/** Every attempt's log (not only the latest: each is evidence), in the order they ran. */
function logsOf(record: RunRecord): Array<{ path: string; sha256: string | null; stepId: string; attempt: number }> {
  const steps = record.steps.flatMap((step) => step.attempts.map((a) => ({ stepId: step.id, a })));
  const extras = record.extra.map((extra) => ({ stepId: extra.id, a: extra.attempt }));
  return [...steps, ...extras]
    .filter(({ a }) => a.logPath !== null)
    .map(({ stepId, a }, order) => ({ path: a.logPath!, sha256: a.logSha256, stepId, attempt: a.n, startedAt: a.startedAt ?? '', order }))
    .sort((x, y) => (x.startedAt < y.startedAt ? -1 : x.startedAt > y.startedAt ? 1 : x.order - y.order))
    .map(({ path, sha256, stepId, attempt }) => ({ path, sha256, stepId, attempt }));
}

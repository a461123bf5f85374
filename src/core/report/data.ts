// gate.json: everything a report template may use, from one or more run records and their
// decisions (schema in docs/gate-report.schema.json). Texts are raw (secrets already masked);
// templates escape them with the Markdown filters. Paths are relative to the report file.
// Exceptions, marked "inline Markdown" below: what people wrote (the runbook's Owner/Issue/Scope
// lines, notes, mark notes) keeps its code spans, and the decision's sentences are worded with
// their values already escaped; templates print those with `| inline`.
import type { SubResult, CheckStatus, DependencyGateStatus, GateStatus, StageVerdict, StepStatus } from '../run/record';
import type { CheckKind } from '../runbook/model';
import type { RunCounts } from '../gate/types';

export const REPORT_DATA_SCHEMA = 1;

/** "PASS" | "FAIL" | "BLOCKED" | "HOLDING" | "NOT RUN" | "SKIPPED" | "CANCELLED" | "INTERRUPTED" | "RUNNING". */
export type StatusText = string;

export interface ReportEvidence {
  kind: 'command' | 'dependency' | 'hold' | 'mark' | 'extra' | 'gate' | 'subresult';
  /** One line a template can print as is (after escaping): "`#1858 OA-RUST-043 -> CLOSED`" minus the backticks. */
  text: string;
  /** For command and extra evidence: the command's first line, with `cd DIR && ` when it ran outside the workspace root. */
  command: string | null;
  outcome: string | null;
  status: string;
  exitCode: number | null;
  duration: string | null;
  /** Link to the log, relative to the report. */
  log: string | null;
}

export interface ReportCheck {
  id: string;
  ordinal: number;
  text: string;
  detail: string[];
  kind: CheckKind;
  required: boolean;
  status: CheckStatus;
  statusText: StatusText;
  outcome: string;
  /** The mark's note (inline Markdown). */
  note: string | null;
  markedBy: string | null;
  evidence: ReportEvidence[];
  /** The text without a trailing period, for "<label>: PASS" lines. */
  label: string;
  /** 1-based line of the item in its runbook (GitHub annotations). */
  line: number;
}

export interface ReportStage {
  id: string;
  label: string;
  title: string;
  key: string | null;
  kind: 'stage' | 'checklist';
  /** The runbook it came from (several runs in one report). */
  runbook: string;
  verdict: StageVerdict;
  /** The stage mark's note (inline Markdown). */
  note: string | null;
  holdUntil: string | null;
  checks: ReportCheck[];
  /** `exec --stage` evidence attached to the stage itself. */
  evidence: ReportEvidence[];
  line: number;
}

export interface ReportGate {
  id: string;
  title: string;
  status: GateStatus;
  /** "Green" | "Red" | "Red (blocked)" | "Not observed". */
  statusText: string;
  evidence: string;
  thresholds: string[];
  inScope: boolean;
}

export interface ReportDependency {
  label: string;
  title: string | null;
  /** "CLOSED" | "OPEN" | "UNKNOWN". */
  state: string;
  url: string | null;
  error: string | null;
  /** "#1858 OA-RUST-043 -> CLOSED". */
  line: string;
}

export interface ReportCommand {
  /** Step id, or the exec evidence id. */
  id: string;
  title: string;
  command: string;
  cwd: string;
  /** The first line as a reader would type it from the workspace root: "cd apps/runtime && mix ci". */
  commandLine: string;
  /** What the evidence is grouped by in drill reports: the step's section or stage title. */
  area: string;
  required: boolean;
  status: StepStatus;
  /** "PASS" | "FAIL" | "BLOCKED" | ... */
  statusText: StatusText;
  outcome: string;
  exitCode: number | null;
  duration: string | null;
  log: string | null;
  sha256: string | null;
  attempts: number;
  subresults: SubResult[];
}

export interface ReportData {
  schema: typeof REPORT_DATA_SCHEMA;
  kind: 'runbook-gate-report';
  tool: { name: 'runbook-gate'; version: string };
  template: string;
  /** The runbook's title (several runbooks: their titles joined with " + "). */
  title: string;
  /** The (first) runbook's title without a trailing "Runbook"/"Checklist"/"Plan" word, for "<name> Gate Report". */
  name: string;
  /** YYYY-MM-DD of the decision (UTC). */
  date: string;
  timestamp: string;
  /** Inline Markdown (as the runbook or front matter has it). */
  owner: string | null;
  /** `text` is inline Markdown: "OA-RUST-110 (`#1935`)". */
  issue: { text: string; number: number | null; url: string | null } | null;
  /** Scope paragraphs (inline Markdown): `note --scope` texts, else the runbook's Scope line. */
  scope: string[];
  runbooks: Array<{ path: string; link: string; title: string }>;
  runs: Array<{ id: string; dir: string; link: string; startedAt: string; updatedAt: string; sessions: number }>;
  decision: {
    value: 'Go' | 'No-Go';
    go: boolean;
    /** "No-Go for <title> at <timestamp>." */
    statement: string;
    owner: string | null;
    /** Inline Markdown, worded for the report ("Stage 2 (…) is blocked: `cmd` => …."). */
    reasons: string[];
    /** Inline Markdown: "Stage 0 (Gate preflight) passed.", "Dependency gate is green (#1858, …)." */
    passed: string[];
    /** Inline Markdown: from the reasons' remedies, then `note --remediation` texts. */
    remediation: string[];
  };
  counts: RunCounts;
  /** The counts line's parts in its order, for "`7` required failures, `4` required passes". */
  countParts: Array<{ count: number; label: string }>;
  /** What the counts count: each check in scope, or the rows of the results file its step wrote. */
  results: ReportResult[];
  stages: ReportStage[];
  /** The KPI/SLO table rows: dependency gate, stages in scope, KPI gates. */
  snapshot: Array<{ name: string; statusText: string; evidence: string; /** Commands behind the row, for code spans. */ commands: string[] }>;
  gates: ReportGate[];
  dependencies: { status: DependencyGateStatus; statusText: string; checkedAt: string | null; reason: string | null; items: ReportDependency[] };
  /** Every step that ran (latest attempt) and every exec evidence command, in run order. */
  commands: ReportCommand[];
  /** Commands grouped by area, in first-seen order (drill reports). */
  evidenceGroups: Array<{ area: string; commands: ReportCommand[] }>;
  /** The first step that wrote a results file (validation reports). */
  harness: { command: ReportCommand; file: string; format: string; counts: string; error: string | null } | null;
  /** The harness (or first) command with the non-secret inputs it ran with; secrets as `***`. */
  invocation: {
    command: string;
    env: Array<{ name: string; value: string }>;
    /** Workspace-relative working directory ("." for the root). */
    cwd: string;
    /** The whole invocation as a shell would run it (values quoted), for a code block. */
    text: string;
  } | null;
  thresholds: Array<{ gate: string; text: string }>;
  /** Inline Markdown, as people wrote them with `note`. */
  notes: { scope: string[]; risks: string[]; remediation: string[] };
  /** Things a reader must know before trusting or sharing the report ("secret X was too short to mask"). */
  warnings: string[];
  artifacts: {
    runDir: string;
    runJson: string;
    resultsTsv: string;
    summary: string;
    logsDir: string;
    logs: Array<{ path: string; sha256: string | null; stepId: string; attempt: number }>;
    /** The same links for every run (the fields above are the first run's). */
    runs: Array<{ id: string; runDir: string; runJson: string; resultsTsv: string; summary: string; logsDir: string }>;
  };
  integrity: {
    gitCommit: string | null;
    gitBranch: string | null;
    gitDirty: boolean | null;
    host: string;
    toolVersion: string;
    startedAt: string;
    updatedAt: string;
    /** Each run's environment (the fields above are the first run's). */
    runs: Array<{ id: string; gitCommit: string | null; gitBranch: string | null; gitDirty: boolean | null; host: string; toolVersion: string }>;
  };
}

/** One counted result: a check, or a row of a harness's results file standing in for it. */
export interface ReportResult {
  /** The check id, or "<check id>/<row id>". */
  id: string;
  checkId: string;
  title: string;
  required: boolean;
  status: CheckStatus;
  statusText: StatusText;
  /** The row's message or the check's outcome. */
  detail: string;
  source: 'check' | 'subresult';
}

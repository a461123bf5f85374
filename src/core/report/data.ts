// gate.json: everything a report template may use, from one or more run records and their
// decisions (schema in docs/gate-report.schema.json). Texts are raw (secrets already masked);
// templates escape them with the Markdown filters. Paths are relative to the report file.
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
  /** For command and extra evidence. */
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
  note: string | null;
  markedBy: string | null;
  evidence: ReportEvidence[];
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
  note: string | null;
  holdUntil: string | null;
  checks: ReportCheck[];
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
  /** YYYY-MM-DD of the decision (UTC). */
  date: string;
  timestamp: string;
  owner: string | null;
  issue: { text: string; number: number | null; url: string | null } | null;
  /** Scope paragraphs: `note --scope` texts, else the runbook's Scope line. */
  scope: string[];
  runbooks: Array<{ path: string; link: string; title: string }>;
  runs: Array<{ id: string; dir: string; link: string; startedAt: string; updatedAt: string; sessions: number }>;
  decision: {
    value: 'Go' | 'No-Go';
    go: boolean;
    /** "No-Go for <title> at <timestamp>." */
    statement: string;
    owner: string | null;
    reasons: string[];
    passed: string[];
    /** From the reasons' remedies, then `note --remediation` texts. */
    remediation: string[];
  };
  counts: RunCounts;
  stages: ReportStage[];
  /** The KPI/SLO table rows: dependency gate, stages in scope, KPI gates. */
  snapshot: Array<{ name: string; statusText: string; evidence: string }>;
  gates: ReportGate[];
  dependencies: { status: DependencyGateStatus; statusText: string; checkedAt: string | null; reason: string | null; items: ReportDependency[] };
  /** Every step that ran (latest attempt) and every exec evidence command, in run order. */
  commands: ReportCommand[];
  /** Commands grouped by area, in first-seen order (drill reports). */
  evidenceGroups: Array<{ area: string; commands: ReportCommand[] }>;
  /** The first step that wrote a results file (validation reports). */
  harness: { command: ReportCommand; file: string; format: string; counts: string; error: string | null } | null;
  /** The harness (or first) command with the non-secret inputs it ran with; secrets as `***`. */
  invocation: { command: string; env: Array<{ name: string; value: string }> } | null;
  thresholds: Array<{ gate: string; text: string }>;
  notes: { scope: string[]; risks: string[]; remediation: string[] };
  artifacts: {
    runDir: string;
    runJson: string;
    resultsTsv: string;
    summary: string;
    logsDir: string;
    logs: Array<{ path: string; sha256: string | null; stepId: string; attempt: number }>;
  };
  integrity: {
    gitCommit: string | null;
    gitBranch: string | null;
    gitDirty: boolean | null;
    host: string;
    toolVersion: string;
    startedAt: string;
    updatedAt: string;
  };
}

// What a run records: run.json, the single source of truth from which every report, SUMMARY.md,
// results.tsv, lens and panel is derived. It holds everything the decision needs (stages,
// checks, steps, gates, dependency states), so no copy of the runbook model is kept beside it.
// Plain data; versioned by `schema` (older records are upgraded on read, see upgradeRecord).
import type { CheckKind, Comparator, ReportContext, Threshold } from '../runbook/model';
import type { RunEvent } from './events';
import type { GithubFailure } from '../ports';

export type GithubFailureKind = GithubFailure['kind'];

export const RUN_RECORD_SCHEMA = 2;

export type StepStatus =
  | 'pending'
  | 'running'
  | 'passed'
  | 'failed'
  | 'blocked'
  | 'skipped'
  | 'interrupted'
  | 'cancelled';

/** A check is also "holding" while its hold has not elapsed. */
export type CheckStatus = StepStatus | 'holding';

export type StageVerdict = 'PASS' | 'FAIL' | 'BLOCKED' | 'HOLDING' | 'NOT RUN';
export type GateStatus = 'green' | 'red' | 'blocked' | 'not observed';
export type DependencyGateStatus = 'green' | 'red' | 'blocked' | 'not checked';
export type MarkStatus = 'passed' | 'failed' | 'blocked' | 'skipped';

export interface RunEnvironment {
  host: string;
  toolVersion: string;
  gitCommit: string | null;
  gitBranch: string | null;
  /** Uncommitted changes in the work tree when the session started; null outside git. */
  gitDirty: boolean | null;
  /** The shell steps run under and its flags (shell semantics are evidence). */
  shell: string;
  shellFlags: string[];
}

/** One process that worked on the run: a CLI invocation or an editor window. */
export interface SessionRecord {
  n: number;
  host: 'cli' | 'vscode';
  /** "run --stage 0", "mark stage-0.3 passed", "vscode: Run stage" (masked). */
  command: string;
  startedAt: string;
  endedAt: string | null;
  pid: number;
  /** The process as `pid@start-time` (where the OS tells start times): a reused pid is not this session. */
  owner?: string;
  environment: RunEnvironment;
  /** How it ended; null while it runs (a null on a dead process means it was killed). */
  end: 'finished' | 'cancelled' | 'interrupted' | `signal:${string}` | null;
  /** Processes a later session found still carrying this run's cookie and ended. */
  reaped?: number;
}

export interface RunScope {
  stageIds: string[];
  checkIds: string[];
  stepIds: string[];
  gateIds: string[];
}

export interface StageRecord {
  id: string;
  kind: 'stage' | 'checklist';
  key: string | null;
  number: number | null;
  marker: string;
  title: string;
  label: string;
  line: number;
  checkIds: string[];
  /** When the stage first started in this run (holds count from here). */
  startedAt: string | null;
  /** A person's verdict on the whole stage ("blocked: no non-prod service"); it overrides the checks' verdict. */
  mark: MarkRecord | null;
}

export interface HoldRecord {
  text: string;
  durationMs: number | null;
  businessDays: number | null;
  startedAt: string | null;
  /** When it elapses (business days skip weekends); null until the stage starts. */
  until: string | null;
}

export interface MarkRecord {
  status: MarkStatus;
  note: string;
  by: string | null;
  at: string;
}

export interface CheckRecord {
  id: string;
  stageId: string;
  ordinal: number;
  text: string;
  detail: string[];
  kind: CheckKind;
  required: boolean;
  line: number;
  /** It has a GFM checkbox (ticked by its verdict). */
  task: boolean;
  stepIds: string[];
  binding: { how: string; confidence: number; reason: string } | null;
  gateIds: string[];
  issueIds: string[];
  hold: HoldRecord | null;
  status: CheckStatus;
  /** One line: "49 passed", "holding until 11:02", "#1858 ... -> CLOSED (5 of 5 closed)", "manual: canary looked fine". */
  outcome: string;
  updatedAt: string | null;
  /** A person's verdict (manual checks, or an override with a note). */
  mark: MarkRecord | null;
  /** Extra evidence commands (`exec --check`) attached to it. */
  extraIds: string[];
}

export interface SubResult {
  id: string;
  title: string;
  required: boolean;
  status: 'passed' | 'failed' | 'skipped' | 'blocked';
  /** The row's message or failure text, one line. */
  detail: string;
}

export interface HarnessResults {
  /** Relative to the workspace. */
  file: string;
  format: 'junit' | 'tap' | 'tsv' | 'csv' | 'markdown';
  rows: SubResult[];
  /** Set when the file was named but could not be read or parsed. */
  error: string | null;
}

export interface ValueReading {
  gateId: string;
  expression: string;
  value: number | string | boolean | null;
  comparator: Comparator | null;
  threshold: Threshold | null;
  status: 'green' | 'red' | 'blocked';
  /** "`slow_consumer_evicted` = 3, threshold < 10: green". */
  detail: string;
}

export interface Attempt {
  n: number;
  /** The session that ran it. */
  session: number;
  status: StepStatus;
  outcome: string;
  /** The command as it ran (secrets masked, placeholders filled). */
  command: string;
  /** Workspace-relative. */
  cwd: string;
  shell: string;
  shellFlags: string[];
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  exitCode: number | null;
  signal: string | null;
  /** Relative to the run directory; every attempt has its own. */
  logPath: string | null;
  logSha256: string | null;
  logBytes: number;
  results: HarnessResults | null;
  values: ValueReading[];
}

export interface StepRecord {
  id: string;
  title: string;
  language: string;
  /** As written, secrets masked. */
  command: string;
  cwd: string;
  stageId: string | null;
  sectionTitle: string | null;
  checkIds: string[];
  required: boolean;
  destructive: boolean;
  destructiveReason: string | null;
  line: number;
  inputs: string[];
  /** The latest attempt's status, or pending / skipped / blocked (with `outcome` saying why). */
  status: StepStatus;
  outcome: string;
  attempts: Attempt[];
  /** The latest time the step was not started (stage policy, missing input...); an attempt after it wins. */
  notRun: { status: 'skipped' | 'blocked'; outcome: string; at: string } | null;
}

export interface GateObservation {
  at: string;
  source: 'step' | 'mark';
  stepId: string | null;
  attempt: number | null;
  status: 'green' | 'red' | 'blocked';
  value: number | string | boolean | null;
  note: string;
  by: string | null;
}

export interface GateRecord {
  id: string;
  number: number | null;
  title: string;
  detail: string[];
  line: number;
  thresholds: Threshold[];
  /** Cells of a gate table row, as the runbook has them. */
  tableStatus: string | null;
  tableEvidence: string | null;
  /** Whether the gate governs what this run covered (see docs/conventions.md, "Gates in scope"). */
  inScope: boolean;
  /** The latest observation's status, else "not observed". */
  status: GateStatus;
  /** One line: "slow_consumer_evicted = 3 (< 10)", "marked red: no telemetry", "not observed in this run". */
  evidence: string;
  observations: GateObservation[];
}

export interface DependencyItem {
  refId: string;
  /** "#1858" or "owner/repo#12". */
  label: string;
  repo: string | null;
  number: number;
  line: number;
  why: string;
  state: 'open' | 'closed' | null;
  title: string | null;
  url: string | null;
  /** Why it could not be checked (then the gate is blocked, never green). */
  error: string | null;
  /** What kind of failure that was, for the remedy: a GitHub failure kind, or no repository / no client. */
  errorKind?: GithubFailureKind | 'no-repository' | 'no-client' | null;
}

export interface DependencyRecord {
  status: DependencyGateStatus;
  checkedAt: string | null;
  repo: string | null;
  /** Why the gate was not checked or is blocked as a whole ("no repository for #1858: ..."). */
  reason: string | null;
  items: DependencyItem[];
  /** Issue references the runbook only cites (its own tracking issue...), for the report. */
  citations: Array<{ label: string; line: number; why: string }>;
}

/** An evidence command added by `exec` (not in the runbook), with full evidence. */
export interface ExtraRecord {
  id: string;
  title: string;
  stageId: string | null;
  checkId: string | null;
  /** The command line as given, masked. */
  command: string;
  addedBy: string | null;
  attempt: Attempt;
}

export interface NoteRecord {
  kind: 'scope' | 'risk' | 'remediation';
  text: string;
  by: string | null;
  at: string;
}

export interface InputRecord {
  name: string;
  kind: 'env' | 'placeholder';
  secret: boolean;
  /** Never set for secrets. */
  value: string | null;
  source: 'environment' | 'env-file' | 'prompt' | 'flag';
}

export interface RunRecord {
  schema: typeof RUN_RECORD_SCHEMA;
  runId: string;
  runbook: { path: string; title: string; sha256: string };
  context: ReportContext;
  strict: boolean;
  onFailure: 'continue' | 'stop';
  startedAt: string;
  updatedAt: string;
  /** Every step's environment carries RUNBOOK_GATE_COOKIE=<cookie>: what is left of a killed run can be found and ended. */
  cookie: string;
  scope: RunScope;
  /** The latest session's environment (each session keeps its own). */
  environment: RunEnvironment;
  sessions: SessionRecord[];
  stages: StageRecord[];
  checks: CheckRecord[];
  steps: StepRecord[];
  gates: GateRecord[];
  dependencies: DependencyRecord;
  extra: ExtraRecord[];
  notes: NoteRecord[];
  inputs: InputRecord[];
  /** Names of secrets whose values were too short to mask (never their values). */
  unmaskedSecrets: string[];
  /** Every change, in order: who did what and when (appended under the run's lock). */
  history: RunEvent[];
}

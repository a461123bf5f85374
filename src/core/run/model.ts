// What a run records. Plain data; serialised as run.json.

export type StepStatus =
  | 'pending'
  | 'running'
  | 'passed'
  | 'failed'
  | 'blocked'
  | 'skipped'
  | 'interrupted';

export interface StepEvidence {
  stepId: string;
  title: string;
  stageId: string | null;
  required: boolean;
  status: StepStatus;
  /** The command as written, secrets shown as $NAME, never their values. */
  command: string;
  cwd: string;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  exitCode: number | null;
  /** One line for the report: "49 passed", "exit 22: 404 on /healthz", "missing input: TOKEN". */
  outcome: string;
  /** Log path relative to the run directory, e.g. "logs/health.log". */
  logPath: string | null;
  logSha256: string | null;
  /** True once a run() call selected this step (a summary counts only these and ran steps). */
  selected?: boolean;
  /** A manual item (no command): its status comes from recordManualVerdict. */
  manual?: boolean;
  /** The note given with a manual verdict. */
  note?: string;
  /** A background step still running (ended by finish()). */
  background?: boolean;
}

export interface RunRecord {
  version: 1;
  runId: string;
  runbookPath: string;
  runbookTitle: string;
  startedAt: string;
  endedAt: string | null;
  strict: boolean;
  /** What was asked for: "all", or stage / step ids. */
  scope: { all: boolean; stageIds: string[]; stepIds: string[] };
  environment: {
    host: string;
    toolVersion: string;
    gitCommit: string | null;
    gitBranch: string | null;
  };
  steps: StepEvidence[];
  /** Names of secret inputs whose values were too short to mask (never their values). */
  unmaskedSecrets?: string[];
  /** The process writing this record (set by the file store): a reader can tell a live run from a dead one. */
  writer?: { pid: number; host: string };
}

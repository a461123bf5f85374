// The Go/No-Go decision as data. A reason names its subject, what is wrong and the remedy
// as an action; each host words it (CLI flags in the terminal, commands in the editor,
// neutral sentences in the report) — see wording.ts.
import type { CheckStatus, DependencyGateStatus, GateStatus, StageVerdict } from '../run/record';

export type Subject =
  | { kind: 'stage'; stageId: string; label: string }
  | { kind: 'check'; checkId: string; stageId: string; text: string }
  | { kind: 'gate'; gateId: string; title: string }
  | { kind: 'dependency'; label: string; url: string | null }
  | { kind: 'dependency-gate' }
  | { kind: 'scope' };

export type Problem =
  /** A required check failed: its command, outcome and (for a manual check) the note. */
  | { kind: 'failed'; detail: string; command: string | null }
  /** It could not run: missing input, command not found, host unreachable, marked blocked. */
  | { kind: 'blocked'; detail: string; command: string | null }
  | { kind: 'holding'; until: string; text: string }
  | { kind: 'awaiting-verdict' }
  | { kind: 'not-run' }
  | { kind: 'cancelled'; command: string | null }
  | { kind: 'interrupted'; command: string | null }
  | { kind: 'not-observed' }
  | { kind: 'gate-red'; detail: string }
  | { kind: 'gate-blocked'; detail: string }
  | { kind: 'issue-open'; title: string }
  | { kind: 'lookup-failed'; error: string }
  | { kind: 'not-checked'; reason: string }
  | { kind: 'nothing-in-scope' };

export type Remedy =
  | { kind: 'rerun-stage'; stageId: string; stageKey: string | null }
  | { kind: 'rerun-check'; checkId: string }
  | { kind: 'fix-and-rerun'; stepId: string; command: string; stageId: string | null; stageKey: string | null }
  | { kind: 'provide-input'; name: string; stepId: string }
  | { kind: 'fill-placeholder'; name: string; stepId: string }
  | { kind: 'confirm-destructive'; stepId: string }
  | { kind: 'wait-hold'; checkId: string; until: string; stageId: string; stageKey: string | null }
  | { kind: 'mark-check'; checkId: string }
  | { kind: 'observe-gate'; gateId: string }
  /** A step measured the gate red: its command passed, what it measures is out of bounds. */
  | { kind: 'restore-gate'; gateId: string; stepId: string; command: string }
  | { kind: 'close-issue'; label: string; url: string | null }
  | { kind: 'configure-github'; need: 'repository' | 'token' | 'access' | 'network' }
  | { kind: 'select-scope' };

export interface Reason {
  subject: Subject;
  problem: Problem;
  remedy: Remedy;
}

/**
 * The one summary of a run: SUMMARY.md, the report's counts, the CLI table, the lens and the
 * panel all read it. Counts checks; a command check whose step wrote a results file counts
 * that file's rows instead (seed 002: "7 required failures, 4 required passes, 1 optional skipped").
 */
export interface RunCounts {
  requiredFailures: number;
  requiredPasses: number;
  requiredBlocked: number;
  requiredHolding: number;
  /** Pending, skipped, cancelled and interrupted required checks: the same everywhere. */
  requiredNotRun: number;
  optionalFailures: number;
  optionalPasses: number;
  optionalBlocked: number;
  optionalSkipped: number;
  overall: 'passed' | 'failed' | 'blocked' | 'holding' | 'incomplete';
  /** "7 required failures, 4 required passes, 1 optional skipped" (zero counts left out). */
  line: string;
}

export interface CheckResult {
  checkId: string;
  status: CheckStatus;
  /** Required for the decision (strict makes every check required). */
  required: boolean;
}

export interface StageResult {
  stageId: string;
  label: string;
  kind: 'stage' | 'checklist';
  verdict: StageVerdict;
  checks: CheckResult[];
  /** The latest moment one of its holds elapses, while holding. */
  holdUntil: string | null;
  /** A person marked the stage itself. */
  marked: boolean;
}

export interface GateResult {
  gateId: string;
  status: GateStatus;
  inScope: boolean;
}

export interface GateDecision {
  decision: 'Go' | 'No-Go';
  go: boolean;
  /** The record's last change: a report regenerated from the same run.json says the same. */
  decidedAt: string;
  strict: boolean;
  /** Stages and checklists in scope, in document order. */
  stages: StageResult[];
  gates: GateResult[];
  dependencies: DependencyGateStatus;
  /** Empty for Go. In report order: stages, dependencies, gates. */
  reasons: Reason[];
  /** What is green: stages that passed, the dependency gate, observed gates. */
  passed: Subject[];
  counts: RunCounts;
}

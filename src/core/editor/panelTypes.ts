// The panel's view of a runbook and its run: plain data the host builds (panelView.ts) and
// the webview renders. Masked before it leaves the host.
import type { CheckKind } from '../runbook/model';
import type { CheckStatus, DependencyGateStatus, GateStatus, MarkStatus, StageVerdict, StepStatus } from '../run/record';

export interface PanelAttempt {
  n: number;
  /** `#2`, or `#2 · session 3` when two sessions each ran an attempt 2. */
  label: string;
  /** The session that ran it: two sessions may each have an attempt n. */
  session: number;
  status: StepStatus;
  outcome: string;
  /** Masked, as it ran. */
  command: string;
  cwd: string;
  /** "bash -e -o pipefail": shell semantics are evidence. */
  shell: string;
  startedAt: string | null;
  endedAt: string | null;
  duration: string;
  exitCode: number | null;
  signal: string | null;
  /** Relative to the run directory. */
  logPath: string | null;
  logSha256: string | null;
}

export interface PanelStep {
  id: string;
  title: string;
  line: number;
  command: string;
  status: StepStatus;
  outcome: string;
  destructive: string | null;
  attempts: PanelAttempt[];
}

export interface PanelCheck {
  id: string;
  text: string;
  line: number;
  kind: CheckKind;
  required: boolean;
  status: CheckStatus;
  outcome: string;
  /** "inferred from …": shown when a binding was guessed. */
  binding: string | null;
  steps: PanelStep[];
  mark: { status: MarkStatus; note: string; by: string | null; at: string } | null;
  /** ISO time a running hold elapses. */
  holdUntil: string | null;
  holdText: string | null;
  /** Marking it is how it gets a verdict (manual checks, gate checks, holds without a duration). */
  markable: boolean;
}

export interface PanelStage {
  id: string;
  label: string;
  kind: 'stage' | 'checklist';
  line: number;
  verdict: StageVerdict | 'RUNNING';
  holdUntil: string | null;
  checks: PanelCheck[];
  /** Checks of the stage past what the panel shows of a very long runbook. */
  moreChecks: number;
}

/** What the panel leaves out of a very long runbook, counted (panelView.ts, PANEL_LIMITS). */
export interface PanelOmitted {
  stages: number;
  checks: number;
  steps: number;
  gates: number;
  dependencies: number;
  reasons: number;
}

export interface PanelDependency {
  label: string;
  state: 'open' | 'closed' | null;
  title: string | null;
  /** https only; anything else is dropped by the host. */
  url: string | null;
  error: string | null;
}

export interface PanelGate {
  id: string;
  title: string;
  status: GateStatus;
  evidence: string;
  inScope: boolean;
}

export interface PanelReason {
  subject: string;
  problem: string;
  remedy: string;
}

export interface PanelState {
  runbookTitle: string;
  runbookPath: string;
  /** Workspace-relative; null before the first run. */
  runDir: string | null;
  trusted: boolean;
  /** A run of this runbook is in progress. */
  busy: boolean;
  stages: PanelStage[];
  /** Steps no check names (run on their own). */
  looseSteps: PanelStep[];
  dependencies: { status: DependencyGateStatus; repo: string | null; reason: string | null; items: PanelDependency[] } | null;
  gates: PanelGate[];
  decision: { decision: 'Go' | 'No-Go'; counts: string; reasons: PanelReason[] } | null;
  /** The step whose output is streaming, if any. */
  running: { stepId: string; attempt: number; title: string } | null;
  /** Secrets too short to mask, by name (the panel says so). */
  unmaskedSecrets: string[];
  /** What is not shown of a very long runbook; null when everything is. */
  omitted: PanelOmitted | null;
}

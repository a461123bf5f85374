// Messages between the extension host and the side panel, in one typed module that both
// sides import. Everything here is plain data; output is text, never HTML.

import type { StepStatus } from '../src/core/run/model';

/** The panel shows the same statuses a run records. */
export type PanelStepStatus = StepStatus;

export interface PanelStep {
  id: string;
  title: string;
  group: string;
  required: boolean;
  status: PanelStepStatus;
  command: string;
  exitCode: number | null;
  durationMs: number | null;
  outcome: string;
  logPath: string | null;
}

export interface PanelState {
  runbookTitle: string;
  runbookPath: string;
  runDir: string | null;
  running: boolean;
  trusted: boolean;
  steps: PanelStep[];
  /** Secret values too short to mask, by input name (the UI says so). */
  unmaskedShortSecrets: string[];
}

export type HostToPanel =
  | { type: 'state'; state: PanelState | null }
  | { type: 'output'; stepId: string; text: string }
  | { type: 'clearOutput'; stepId: string };

export type PanelToHost =
  | { type: 'ready' }
  | { type: 'runStep'; stepId: string }
  | { type: 'openLog'; stepId: string }
  | { type: 'cancel' }
  | { type: 'generateReport' }
  | { type: 'manualVerdict'; stepId: string; status: 'passed' | 'failed' | 'blocked' };

/** The panel keeps at most this much output per step; the full log is on disk. */
export const PANEL_OUTPUT_LIMIT = 200_000;

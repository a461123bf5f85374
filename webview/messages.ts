// Messages between the extension host and the side panel, in one typed module both sides
// import. Plain data, masked before it leaves the host; output is text, never HTML.
import type { MarkStatus } from '../src/core/run/record';
import type { PanelState } from '../src/core/editor/panelTypes';

export type * from '../src/core/editor/panelTypes';

export type HostToPanel =
  | { type: 'state'; state: PanelState | null; key: string | null }
  /**
   * Masked output of an attempt; `reset` starts it afresh (a new attempt, or a replay);
   * `skipped` characters before `text` were not sent (a burst: the full log has them).
   */
  | { type: 'output'; stepId: string; attempt: number; text: string; reset?: boolean; skipped?: number }
  /** A test asks the panel what it rendered (the integration suite's probe). */
  | { type: 'probe'; id: number };

export type PanelCommand =
  | { type: 'runStage'; stageId: string }
  | { type: 'runCheck'; checkId: string }
  | { type: 'runStep'; stepId: string }
  | { type: 'cancel' }
  | { type: 'mark'; id: string; status: MarkStatus }
  | { type: 'openLog'; stepId: string; attempt?: number; session?: number }
  | { type: 'openFullLog'; stepId: string }
  | { type: 'reveal'; line: number }
  | { type: 'openUrl'; url: string }
  | { type: 'generateReport' }
  | { type: 'resetRun' }
  | { type: 'note' };

export type PanelToHost =
  | { type: 'ready' }
  /** The panel took the keyboard (the editor lost it). */
  | { type: 'focused' }
  | PanelCommand
  | { type: 'probeResult'; id: number; result: PanelProbe };

/** What the panel rendered, for the integration suite's checks. */
export interface PanelProbe {
  text: string;
  /** The output view's text. */
  output: string;
  /** Classes of the output spans ("ansi-red-fg"...). */
  outputClasses: string[];
  /** Every script element of the page: its src, or the start of its text. */
  scripts: string[];
  links: string[];
  images: number;
  handlers: number;
  csp: string;
  /** window.__rgHostile was set by something the panel ran. */
  hostileRan: boolean;
}

/** Output lines the panel keeps on screen per step; the full log is on disk ("Open full log"). */
export const PANEL_OUTPUT_LINES = 2000;
/** Most characters of output the host sends per message (50 ms): a burst sends its tail. */
export const PANEL_MESSAGE_CHARS = 64 * 1024;
/** Characters of output the host replays to a panel that (re)loads mid-run. */
export const PANEL_REPLAY_CHARS = 200_000;

// Turns how a process ended, plus the tail of what it printed, into a status and the one
// line a report shows: "49 passed", "exit 22: 404 on /healthz", "timed out after 10m",
// "exit 1: Cannot find service [oa-khala-backend-nonprod]", "exit 127: command not found: gcloud".
import { blockedReason } from './blockedReason';
import { clip, lastErrorLine, lastMeaningfulLine, stripAnsi } from './outputLines';
import { testSummary } from './testSummary';

export { lastMeaningfulLine, stripAnsi } from './outputLines';

export interface ProcessEnd {
  command: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  spawnError: string | null;
  timeoutMs: number;
  /** Tails of the (decoded, masked) output. */
  stdoutTail: string;
  stderrTail: string;
  combinedTail: string;
  expectExit?: number;
  /** The annotation's expected text or /regex/, and whether the output matched it. */
  expect?: string;
  expectMatched?: boolean;
}

export interface StepVerdict {
  status: 'passed' | 'failed' | 'blocked';
  outcome: string;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h}h`, m && `${m}m`, s && `${s}s`].filter(Boolean).join('');
}

/** The path of the first URL in a command: "curl -f $BASE/healthz" -> "/healthz". */
function urlPath(command: string): string | null {
  const m = /(?:https?:\/\/[^\s"'/]+|\$\{?\w+\}?)(\/[^\s"'?#]*)/.exec(command);
  return m ? m[1]! : null;
}

function curlFailure(end: ProcessEnd, stderr: string): string | null {
  if (end.exitCode !== 22 || !/\bcurl\b/.test(end.command)) return null;
  const status = /returned error:?\s*(\d{3})/.exec(stderr);
  if (!status) return null;
  const path = urlPath(end.command);
  return path ? `${status[1]} on ${path}` : `HTTP ${status[1]}`;
}

/**
 * The verdict of one process. Order: could not start (blocked), timed out, cancelled; then a
 * wrong exit code — blocked when the command was missing or the host unreachable (unless a test
 * runner printed its summary), else failed with the most telling line: curl's HTTP status and
 * path, the test summary, "expected exit N", the last error line (stderr, then all output), the
 * last line; then the expected output; else passed with the test summary or the last line.
 */
export function decideOutcome(end: ProcessEnd): StepVerdict {
  if (end.spawnError) return { status: 'blocked', outcome: clip(`could not start: ${end.spawnError}`) };
  if (end.timedOut) return { status: 'failed', outcome: `timed out after ${formatDuration(end.timeoutMs)}` };
  if (end.cancelled) return { status: 'failed', outcome: 'cancelled' };

  const stderr = stripAnsi(end.stderrTail);
  const combined = stripAnsi(end.combinedTail);
  const summary = testSummary(combined);
  const expectedExit = end.expectExit ?? 0;

  if (end.exitCode === null) return { status: 'failed', outcome: `killed by ${end.signal ?? 'a signal'}` };
  if (end.exitCode !== expectedExit) {
    const prefix = `exit ${end.exitCode}: `;
    const blocked = blockedReason({ command: end.command, exitCode: end.exitCode, stderr, combined, testsRan: summary !== null });
    if (blocked) return { status: 'blocked', outcome: clip(prefix + blocked) };
    const detail =
      curlFailure(end, stderr) ??
      summary ??
      (end.expectExit !== undefined ? `expected exit ${end.expectExit}` : null) ??
      lastErrorLine(stderr) ??
      lastErrorLine(combined) ??
      lastMeaningfulLine(stderr) ??
      lastMeaningfulLine(combined) ??
      'no output';
    return { status: 'failed', outcome: clip(prefix + detail) };
  }
  if (end.expect !== undefined && !end.expectMatched) {
    return { status: 'failed', outcome: clip(`exit ${end.exitCode}: expected output ${end.expect} not found`) };
  }
  const detail = summary ?? lastMeaningfulLine(end.stdoutTail) ?? lastMeaningfulLine(combined);
  return { status: 'passed', outcome: detail ?? `exit ${end.exitCode}` };
}

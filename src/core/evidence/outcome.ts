// Turns how a process ended, plus the tail of what it printed, into a status and the one
// line a report shows: "49 passed", "exit 22: 404 on /healthz", "timed out after 10m".
import { testSummary } from './testSummary';

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

const MAX_OUTCOME = 160;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
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

function clip(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd').trim();
  return clean.length > MAX_OUTCOME ? clean.slice(0, MAX_OUTCOME - 1) + '…' : clean;
}

/** The last line that says something: not blank, not just punctuation or a progress bar. */
export function lastMeaningfulLine(text: string): string | null {
  const lines = stripAnsi(text).split(/\r?\n|\r/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (/[\p{L}\p{N}]/u.test(line) && !/^[#=\-*_~.\s\d%|/\\[\]]+$/.test(line)) return clip(line);
  }
  return null;
}

/** The path of the first URL in a command: "curl -f $BASE/healthz" -> "/healthz". */
function urlPath(command: string): string | null {
  const m = /(?:https?:\/\/[^\s"'/]+|\$\{?\w+\}?)(\/[^\s"'?#]*)/.exec(command);
  return m ? m[1]! : null;
}

const UNREACHABLE = [
  /Could not resolve host:? ?([^\s]*)/i,
  /Failed to connect to [^\n]*Connection refused/i,
  /Connection refused/i,
  /Name or service not known/i,
  /Temporary failure in name resolution/i,
  /getaddrinfo (?:ENOTFOUND|EAI_AGAIN)/i,
  /ECONNREFUSED/,
];

function blockedReason(end: ProcessEnd, stderr: string): string | null {
  if (end.exitCode === 127) {
    const m = /(?:^|\n)[^\n]*?:\s*([^\s:]+): (?:command )?not found/.exec(stderr);
    return `command not found${m ? `: ${m[1]}` : ''}`;
  }
  if (end.exitCode === 6 && /\bcurl\b/.test(end.command)) {
    const m = /Could not resolve host:? ?([^\s]*)/i.exec(stderr);
    return `could not resolve host${m?.[1] ? ` ${m[1]}` : ''}`;
  }
  if (end.exitCode === 7 && /\bcurl\b/.test(end.command)) return lastMeaningfulLine(stderr) ?? 'connection refused';
  if (UNREACHABLE.some((p) => p.test(stderr))) return lastMeaningfulLine(stderr) ?? 'host unreachable';
  return null;
}

function curlFailure(end: ProcessEnd, stderr: string): string | null {
  if (end.exitCode !== 22 || !/\bcurl\b/.test(end.command)) return null;
  const status = /returned error:?\s*(\d{3})/.exec(stderr);
  if (!status) return null;
  const path = urlPath(end.command);
  return path ? `${status[1]} on ${path}` : `HTTP ${status[1]}`;
}

export function decideOutcome(end: ProcessEnd): StepVerdict {
  if (end.spawnError) return { status: 'blocked', outcome: clip(`could not start: ${end.spawnError}`) };
  if (end.timedOut) return { status: 'failed', outcome: `timed out after ${formatDuration(end.timeoutMs)}` };
  if (end.cancelled) return { status: 'failed', outcome: 'cancelled' };

  const stderr = stripAnsi(end.stderrTail);
  const combined = stripAnsi(end.combinedTail);
  const summary = testSummary(combined);
  const expectedExit = end.expectExit ?? 0;
  const exited = end.exitCode !== null;
  const exitOk = exited && end.exitCode === expectedExit;

  if (!exitOk) {
    if (!exited) return { status: 'failed', outcome: `killed by ${end.signal ?? 'a signal'}` };
    const prefix = `exit ${end.exitCode}: `;
    const blocked = end.exitCode !== 0 ? blockedReason(end, stderr) : null;
    if (blocked) return { status: 'blocked', outcome: clip(prefix + blocked) };
    const detail =
      curlFailure(end, stderr) ??
      summary ??
      (end.expectExit !== undefined ? `expected exit ${end.expectExit}` : null) ??
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

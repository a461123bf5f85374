// Picking the one line of a process's output that a report should show: the last line that
// says something, or the last line that reads as an error ("ERROR: (gcloud.run.services.describe)
// Cannot find service [oa-khala-backend-nonprod]" -> "Cannot find service [oa-khala-backend-nonprod]").
import { cutWithEllipsis } from '../text/cut';

export const MAX_OUTCOME = 160;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** One line, control characters replaced, cut to what an outcome line can hold. */
export function clip(text: string, max = MAX_OUTCOME): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd').trim();
  return cutWithEllipsis(clean, max);
}

function linesOf(text: string): string[] {
  return stripAnsi(text).split(/\r?\n|\r/).map((line) => line.trim());
}

function meaningful(line: string): boolean {
  return /[\p{L}\p{N}]/u.test(line) && !/^[#=\-*_~.\s\d%|/\\[\]]+$/.test(line);
}

/** The last line that says something: not blank, not just punctuation or a progress bar. */
export function lastMeaningfulLine(text: string): string | null {
  const lines = linesOf(text);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (meaningful(lines[i]!)) return clip(lines[i]!);
  }
  return null;
}

// A line a tool tagged as an error: "ERROR: …", "Error: …", "fatal: …", "[error] …",
// "prog: error: …", "error[E0425]: …", "level=error …".
const TAGGED = /^(?:\[?(?:error|fatal|critical|panic)\]?(?:\[\w+\])?\s*[:!]|[\w./-]+:\s*(?:error|fatal)\s*:)|\blevel=(?:error|fatal)\b/i;
// A line that says something went wrong without a tag ("Cannot find service [x]", "Permission denied").
const SAYS_WRONG = /\b(?:cannot|can't|could not|couldn't|unable to|failed|failure|not found|no such|denied|forbidden|unauthori[sz]ed|invalid|missing|refused|exception|traceback)\b/i;

/**
 * Drops the error tag ("ERROR: ", "psql: error: ") and a gcloud-style command tag:
 * "ERROR: (gcloud.run.services.describe) X" -> "X".
 */
export function cleanErrorLine(line: string): string {
  const cleaned = line
    .replace(/^\[?(?:error|fatal|critical|panic)\]?\s*[:!]\s*/i, '')
    .replace(/^[\w./-]+:\s*(?:error|fatal)\s*:\s*/i, '')
    .replace(/^\((?:gcloud|gsutil|bq)[\w.-]*\)\s*/, '')
    .trim();
  return cleaned.length > 0 ? cleaned : line;
}

/**
 * The last line tagged as an error, else the last line that says something went wrong,
 * cleaned of its tag; null when no line reads as an error. Tagged lines win over later
 * untagged ones: a script's closing "health check failed" says less than gcloud's message.
 */
export function lastErrorLine(text: string): string | null {
  const lines = linesOf(text).filter(meaningful);
  const tagged = lines.filter((line) => TAGGED.test(line)).pop();
  const found = tagged ?? lines.filter((line) => SAYS_WRONG.test(line)).pop();
  return found === undefined ? null : clip(cleanErrorLine(found));
}

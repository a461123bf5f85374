// "Could not run" rather than "failed" (PRODUCT.md, Verdicts): the command was not found or
// could not be executed, or the host it talks to could not be reached (DNS, connection
// refused, no route). Such a step says nothing about the thing it checks, so it blocks.
import { clip, cleanErrorLine, stripAnsi } from './outputLines';

export interface BlockedInput {
  command: string;
  exitCode: number;
  stderr: string;
  combined: string;
  /** A test runner printed its summary: tests ran, so what went wrong is a failure, not a block. */
  testsRan: boolean;
}

// bash "x: command not found", zsh "command not found: x", dash "sh: 1: x: not found".
const NOT_FOUND: Array<{ pattern: RegExp; name: number }> = [
  { pattern: /command not found: (\S+)/, name: 1 },
  { pattern: /(?:^|\s)([^\s:]+): command not found\b/m, name: 1 },
  { pattern: /^[^\n]*?:\s*\d+:\s*([^\s:]+): not found$/m, name: 1 },
];
// What a shell prints when the program itself is missing (only read with exit 127).
const MISSING_PROGRAM = /(?:^|\s)['"]?([^\s:'"]+)['"]?: No such file or directory/m;

const UNREACHABLE = [
  /Could not resolve host/i,
  /Failed to connect to/i,
  /Couldn't connect to server/i,
  /Connection refused/i,
  /Name or service not known/i,
  /Temporary failure in name resolution/i,
  /nodename nor servname provided/i,
  /getaddrinfo (?:ENOTFOUND|EAI_AGAIN)/i,
  /dial tcp[^\n]*(?:no such host|connection refused|no route to host)/i,
  /No route to host/i,
  /Network is unreachable/i,
  /Host is unreachable/i,
  /\bE(?:CONNREFUSED|HOSTUNREACH|NETUNREACH)\b/,
];

function lastLineMatching(text: string, patterns: readonly RegExp[]): string | null {
  const lines = stripAnsi(text).split(/\r?\n|\r/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (patterns.some((p) => p.test(line))) return line;
  }
  return null;
}

function commandNotFound(input: BlockedInput): string | null {
  for (const text of [input.stderr, input.combined]) {
    for (const { pattern, name } of NOT_FOUND) {
      const m = pattern.exec(text);
      if (m) return `command not found: ${m[name]}`;
    }
  }
  if (input.exitCode !== 127) return null;
  const missing = MISSING_PROGRAM.exec(input.stderr) ?? MISSING_PROGRAM.exec(input.combined);
  return missing ? `command not found: ${missing[1]}` : 'command not found';
}

function unreachable(input: BlockedInput): string | null {
  const curl = /\bcurl\b/.test(input.command);
  if (curl && input.exitCode === 6) {
    const m = /Could not resolve host:? ?([^\s]*)/i.exec(input.stderr);
    return `could not resolve host${m?.[1] ? ` ${m[1]}` : ''}`;
  }
  const line = lastLineMatching(input.stderr, UNREACHABLE) ?? lastLineMatching(input.combined, UNREACHABLE);
  if (line) return clip(cleanErrorLine(line.replace(/^curl: \(\d+\)\s*/, '')));
  return curl && input.exitCode === 7 ? 'connection refused' : null;
}

/** Why a process that exited non-zero could not do its job, or null when it simply failed. */
export function blockedReason(input: BlockedInput): string | null {
  if (input.exitCode === 0) return null;
  const notFound = input.exitCode === 127 || !input.testsRan ? commandNotFound(input) : null;
  if (notFound) return notFound;
  if (input.exitCode === 126) {
    const line = lastLineMatching(input.stderr, [/Permission denied|cannot execute/i]);
    return `could not run${line ? `: ${clip(line)}` : ''}`;
  }
  return input.testsRan ? null : unreachable(input);
}

// Reading Linux's /proc: which processes there are, and the fields of one's stat line.
// Where /proc is missing, processIds() is null and every process reads as gone.
import { readdirSync, readFileSync } from 'node:fs';

/** Pids in /proc, or null where there is no /proc. */
export function processIds(): number[] | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const pids: number[] = [];
  for (const entry of entries) {
    const code = entry.charCodeAt(0);
    if (code >= 0x30 && code <= 0x39) pids.push(Number(entry));
  }
  return pids;
}

/**
 * Fields of /proc/<pid>/stat after "(comm)": [state, ppid, pgrp, ...]; null when gone. The
 * command name may hold spaces and parentheses, so the fields start after its last ")".
 */
export function statFields(pid: number | 'self'): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

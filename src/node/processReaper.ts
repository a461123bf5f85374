// Finding and ending processes by a mark in their environment, as Jenkins' ProcessTreeKiller
// does with BUILD_ID: every step runs with RUNBOOK_GATE_COOKIE (the run), RUNBOOK_GATE_STEP
// (the attempt) and RUNBOOK_GATE_OWNER (the process that started it), and every process it
// starts inherits them, daemons that left the process group with setsid or setpgid included.
//
// Linux only: marks are read from /proc/<pid>/environ (the environment a process was started
// with). Where /proc is missing every finder returns null and nothing is ended. Never
// signalled: this process, its ancestors, pid 1, and processes of another user. A process
// started with a cleared environment (`env -i`, sudo, systemd-run) carries no mark.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { processIds, statFields } from './procfs';

export const COOKIE_VARIABLE = 'RUNBOOK_GATE_COOKIE';
export const STEP_VARIABLE = 'RUNBOOK_GATE_STEP';
export const OWNER_VARIABLE = 'RUNBOOK_GATE_OWNER';

const POLL_MS = 25;
const KILL_ROUNDS = 40;

/** When the process started (clock ticks since boot): with the pid, an identity that is not reused. */
export function startTicks(pid: number | 'self'): string | null {
  return statFields(pid)?.[19] ?? null;
}

let ownMark: string | null = null;

/** This process as RUNBOOK_GATE_OWNER: "<pid>@<start ticks>". */
export function ownerMark(): string {
  ownMark ??= `${process.pid}@${startTicks('self') ?? '0'}`;
  return ownMark;
}

/** True when the owner a mark names is a running process other than this one. */
export function ownerAliveElsewhere(owner: string): boolean {
  if (owner === ownerMark()) return false;
  const [pid, start] = owner.split('@');
  const fields = statFields(Number(pid));
  return fields !== null && fields[0] !== 'Z' && fields[19] === start;
}

/** This process and its ancestors up to init: never signalled. */
function protectedPids(): Set<number> {
  const pids = new Set<number>([0, 1, process.pid]);
  let pid = process.ppid;
  while (pid > 1 && !pids.has(pid)) {
    pids.add(pid);
    pid = Number(statFields(pid)?.[1] ?? 0);
  }
  return pids;
}

const chunk = Buffer.allocUnsafe(64 * 1024);

/** The environment a process started with (NUL-separated), or null when unreadable. */
export function readEnviron(pid: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(`/proc/${pid}/environ`, 'r');
  } catch {
    return null;
  }
  try {
    const parts: Buffer[] = [];
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      parts.push(Buffer.from(chunk.subarray(0, read)));
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  } catch {
    return null; // exited meanwhile, or not ours to read
  } finally {
    closeSync(fd);
  }
}

/** The value of NAME in an environ block, or null. */
export function environValue(environ: Buffer, name: string): string | null {
  const key = Buffer.from(`${name}=`);
  for (let at = environ.indexOf(key); at !== -1; at = environ.indexOf(key, at + 1)) {
    if (at > 0 && environ[at - 1] !== 0) continue;
    const start = at + key.length;
    const end = environ.indexOf(0, start);
    return environ.toString('utf8', start, end === -1 ? environ.length : end);
  }
  return null;
}

export interface Mark {
  name: string;
  value: string;
}

/** Whether NAME=VALUE is one whole entry of the block. */
function hasMark(environ: Buffer, needle: Buffer): boolean {
  for (let at = environ.indexOf(needle); at !== -1; at = environ.indexOf(needle, at + 1)) {
    const whole = at === 0 || environ[at - 1] === 0;
    const after = at + needle.length;
    if (whole && (after === environ.length || environ[after] === 0)) return true;
  }
  return false;
}

export interface FindOptions {
  /** Look only at these pids (e.g. the ones that appeared since a step started). */
  among?: readonly number[];
  /** A further test on the marked process's environment (e.g. its owner). */
  accept?: (environ: Buffer) => boolean;
}

/** Running processes of this user that carry the mark; null where there is no /proc. */
export function findMarked(mark: Mark, options: FindOptions = {}): number[] | null {
  if (mark.value === '') return [];
  const pids = options.among ?? processIds();
  if (pids === null) return null;
  const needle = Buffer.from(`${mark.name}=${mark.value}`);
  const uid = process.getuid?.();
  let spared: Set<number> | null = null;
  const found: number[] = [];
  for (const pid of pids) {
    const environ = readEnviron(pid);
    if (environ === null || !hasMark(environ, needle)) continue;
    spared ??= protectedPids();
    if (spared.has(pid)) continue;
    if (options.accept && !options.accept(environ)) continue;
    try {
      if (uid !== undefined && statSync(`/proc/${pid}`).uid !== uid) continue;
    } catch {
      continue;
    }
    found.push(pid);
  }
  return found;
}

function signal(pids: Iterable<number>, name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM to every process `find` returns, SIGKILL after `graceMs` to whatever it still
 * returns (looking again each round, so children forked meanwhile are found too); resolves
 * once it returns none. Returns how many distinct processes were signalled.
 */
export async function endMarked(find: () => number[] | null, graceMs: number): Promise<number> {
  const signalled = new Set<number>();
  const deadline = Date.now() + graceMs;
  let found = find() ?? [];
  while (found.length > 0 && Date.now() < deadline) {
    const fresh = found.filter((pid) => !signalled.has(pid));
    signal(fresh, 'SIGTERM');
    for (const pid of fresh) signalled.add(pid);
    await sleep(POLL_MS);
    found = find() ?? [];
  }
  for (let round = 0; found.length > 0 && round < KILL_ROUNDS; round++) {
    signal(found, 'SIGKILL');
    for (const pid of found) signalled.add(pid);
    await sleep(POLL_MS);
    found = find() ?? [];
  }
  return signalled.size;
}

/** SIGKILL at once to every process `find` returns (twice, for children forked meanwhile). */
export function killMarkedNow(find: () => number[] | null): number {
  const signalled = new Set<number>();
  for (let round = 0; round < 2; round++) {
    const found = find() ?? [];
    signal(found, 'SIGKILL');
    for (const pid of found) signalled.add(pid);
  }
  return signalled.size;
}

// Ending a whole process tree: steps are spawned detached, so each is the leader of its
// own process group and `kill(-pgid)` reaches grandchildren too.
import { processIds, statFields } from './procfs';

const POLL_MS = 25;

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nobody left in the group
  }
}

/**
 * Pids of the group's members that are still running (zombies excluded: they are dead and
 * only wait for init to reap them). Null where /proc is not available.
 */
export function liveGroupMembers(pgid: number): number[] | null {
  const pids = processIds();
  if (pids === null) return null;
  const members: number[] = [];
  for (const pid of pids) {
    const fields = statFields(pid); // null: exited meanwhile
    if (fields && Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') members.push(pid);
  }
  return members;
}

export function groupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  const members = liveGroupMembers(pgid);
  return members === null || members.length > 0;
}

/** SIGTERM to the group, then SIGKILL to whatever is left after `graceMs`. */
export async function endProcessGroup(pgid: number, graceMs: number): Promise<void> {
  if (!signalGroup(pgid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!groupAlive(pgid)) return;
  }
  signalGroup(pgid, 'SIGKILL');
  // Wait until the kernel has taken them away, so callers can rely on "nothing remains".
  const hardDeadline = Date.now() + 2000;
  while (groupAlive(pgid) && Date.now() < hardDeadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

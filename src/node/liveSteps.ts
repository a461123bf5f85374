// Every step this process has started and not yet ended, whichever runner started it: what
// must die with this process. `endAllStepProcessesNow` is synchronous so it can run where
// nothing asynchronous will: in an 'exit' listener, or on a second signal right before
// process.exit (src/cli/signals.ts).
import { OWNER_VARIABLE, findMarked, killMarkedNow, ownerMark } from './processReaper';

export interface TrackedStep {
  /** The step's process group, while it may still be ours (null once its shell is gone). */
  pgid: number | null;
  /** Forget the step: everything it started has been ended. */
  release(): void;
}

const steps = new Set<TrackedStep>();

/** Remembers a live step until `release()`. */
export function trackStep(pgid: number): TrackedStep {
  const step: TrackedStep = {
    pgid,
    release() {
      steps.delete(step);
      if (steps.size === 0) process.removeListener('exit', endAllStepProcessesNow);
    },
  };
  if (steps.size === 0) process.on('exit', endAllStepProcessesNow);
  steps.add(step);
  return step;
}

/** How many steps of this process are not yet ended. */
export function liveStepCount(): number {
  return steps.size;
}

/**
 * SIGKILL, at once, to every live step's process group and to every process carrying this
 * process's RUNBOOK_GATE_OWNER mark (daemons that left their group, background steps'
 * leftovers). Returns how many groups and processes were signalled.
 */
export function endAllStepProcessesNow(): number {
  if (steps.size === 0) return 0;
  let signalled = 0;
  for (const step of steps) {
    if (step.pgid === null) continue;
    try {
      process.kill(-step.pgid, 'SIGKILL');
      signalled++;
    } catch {
      // already gone
    }
  }
  return signalled + killMarkedNow(() => findMarked({ name: OWNER_VARIABLE, value: ownerMark() }));
}

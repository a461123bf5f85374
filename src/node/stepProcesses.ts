// Everything one step attempt started: its process group (the shell is spawned detached, so
// it leads one) and every process that carries its RUNBOOK_GATE_STEP mark, wherever it went.
import { randomUUID } from 'node:crypto';
import { endProcessGroup } from './processGroup';
import { COOKIE_VARIABLE, OWNER_VARIABLE, STEP_VARIABLE, endMarked, findMarked, ownerMark } from './processReaper';
import { processIds } from './procfs';
import { trackStep, type TrackedStep } from './liveSteps';

/**
 * Leftovers of a step are looked for among the pids that appeared since it started (a few
 * reads instead of one per process on the host); past this age a pid may have been reused,
 * so all processes are looked at.
 */
const NEW_PIDS_TRUSTED_MS = 5000;

/** Taken before a step is spawned: its marks, and which pids existed then. */
export class StepMarks {
  readonly step = randomUUID();
  private readonly startedAt = Date.now();
  private readonly before: ReadonlySet<number> | null;

  constructor(readonly cookie: string) {
    const pids = processIds();
    this.before = pids === null ? null : new Set(pids);
  }

  /** The variables every process of the step inherits. */
  environment(): Record<string, string> {
    return {
      ...(this.cookie !== '' ? { [COOKIE_VARIABLE]: this.cookie } : {}),
      [STEP_VARIABLE]: this.step,
      [OWNER_VARIABLE]: ownerMark(),
    };
  }

  /** Running processes carrying this step's mark (null without /proc). */
  find(): number[] | null {
    const mark = { name: STEP_VARIABLE, value: this.step };
    if (this.before === null || Date.now() - this.startedAt > NEW_PIDS_TRUSTED_MS) return findMarked(mark);
    const now = processIds();
    return now === null ? null : findMarked(mark, { among: now.filter((pid) => !this.before!.has(pid)) });
  }
}

export class StepProcesses {
  private readonly tracked: TrackedStep;
  private ending: Promise<void> | null = null;

  constructor(readonly pid: number, private readonly marks: StepMarks, private readonly graceMs: number) {
    this.tracked = trackStep(pid);
  }

  /**
   * Ends the group and every marked process: SIGTERM, SIGKILL after the grace period.
   * Resolves once none is left; later calls share the first one.
   */
  end(): Promise<void> {
    this.ending ??= (async () => {
      const group = this.tracked.pgid;
      await Promise.all([group === null ? null : endProcessGroup(group, this.graceMs), endMarked(() => this.marks.find(), this.graceMs)]);
      this.tracked.release();
    })();
    return this.ending;
  }

  /** The shell is gone and its group may empty out: from now on only the marks find its processes. */
  shellGone(): void {
    this.tracked.pgid = null;
  }
}

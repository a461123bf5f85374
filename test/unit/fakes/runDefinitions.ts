// Run definitions built by hand for core tests: what defineRun would keep of a runbook.
import type { CheckDefinition, RunDefinition, StageDefinition, StepDefinition } from '../../../src/core/run/definition';
import type { Attempt, RunRecord } from '../../../src/core/run/record';
import type { RunEvent } from '../../../src/core/run/events';
import { applyEvents, emptyRecord } from '../../../src/core/run/applyEvents';

export const T0 = '2026-02-20T09:00:00.000Z'; // a Friday

export function stage(id: string, checkIds: string[], extra: Partial<StageDefinition> = {}): StageDefinition {
  const key = /^stage-(.+)$/.exec(id)?.[1] ?? null;
  return { id, kind: 'stage', key, number: key && /^\d+$/.test(key) ? Number(key) : null, marker: 'Stage', title: id, label: `Stage ${key} (${id})`, line: 1, checkIds, ...extra };
}

export function check(id: string, kind: CheckDefinition['kind'], extra: Partial<CheckDefinition> = {}): CheckDefinition {
  const stageId = id.slice(0, id.lastIndexOf('.'));
  return {
    id, stageId, ordinal: Number(id.slice(id.lastIndexOf('.') + 1)), text: `check ${id}`, detail: [], kind, required: true, line: 1, task: false,
    stepIds: [], binding: null, gateIds: [], issueIds: [], hold: null, ...extra,
  };
}

export function step(id: string, extra: Partial<StepDefinition> = {}): StepDefinition {
  return {
    id, title: id, language: 'bash', command: `run-${id}`, cwd: '.', stageId: null, sectionTitle: null, checkIds: [], required: true,
    destructive: false, destructiveReason: null, line: 1, inputs: [], ...extra,
  };
}

export function definition(parts: Partial<RunDefinition>): RunDefinition {
  return {
    runbook: { path: 'docs/runbook.md', title: 'Test runbook', sha256: 'abc' },
    context: { title: 'Test runbook', owner: null, issue: null, scope: null, reportFolder: null, template: null },
    onFailure: 'continue', stages: [], checks: [], steps: [], gates: [], dependencies: [], citations: [], ...parts,
  };
}

export function attempt(n: number, status: Attempt['status'], extra: Partial<Attempt> = {}): Attempt {
  return {
    n, session: 1, status, outcome: status, command: 'cmd', cwd: '.', shell: 'bash', shellFlags: [], startedAt: T0, endedAt: T0,
    durationMs: 10, exitCode: status === 'passed' ? 0 : 1, signal: null, logPath: `logs/x.${n}.log`, logSha256: 'f00', logBytes: 3,
    results: null, values: [], ...extra,
  };
}

/** A record with the definition loaded and the given scope, then `events`. */
export function recordWith(def: RunDefinition, scope: Partial<RunRecord['scope']>, events: RunEvent[] = []): RunRecord {
  const base = emptyRecord({ runId: 'r1', cookie: 'c1', at: T0, strict: false });
  return applyEvents(base, [
    { type: 'runbook-loaded', at: T0, definition: def },
    { type: 'scope-added', at: T0, scope: { stageIds: [], checkIds: [], stepIds: [], gateIds: [], ...scope } },
    ...events,
  ]);
}

export const minutes = (n: number) => new Date(Date.parse(T0) + n * 60_000).toISOString();

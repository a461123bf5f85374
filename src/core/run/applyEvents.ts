// Applying events to a run record: the only way a record changes. Pure: the same record and
// events give the same result and the input is never written to, so any writer can replay its
// events onto the latest run.json, and a store may keep the record it last wrote.
// After the events, everything derived (step, check and gate statuses) is recomputed.
import type { RunEvent } from './events';
import type { RunDefinition } from './definition';
import type { RunRecord, RunScope } from './record';
import { RUN_RECORD_SCHEMA } from './record';
import { deriveRecord } from './derive';

export function emptyRecord(options: { runId: string; cookie: string; at: string; strict: boolean }): RunRecord {
  return {
    schema: RUN_RECORD_SCHEMA,
    runId: options.runId,
    runbook: { path: '', title: '', sha256: '' },
    context: { title: '', owner: null, issue: null, scope: null, reportFolder: null, template: null },
    strict: options.strict,
    onFailure: 'continue',
    startedAt: options.at,
    updatedAt: options.at,
    cookie: options.cookie,
    scope: { stageIds: [], checkIds: [], stepIds: [], gateIds: [] },
    environment: { host: '', toolVersion: '', gitCommit: null, gitBranch: null, gitDirty: null, shell: '', shellFlags: [] },
    sessions: [],
    stages: [],
    checks: [],
    steps: [],
    gates: [],
    dependencies: { status: 'not checked', checkedAt: null, repo: null, reason: null, items: [], citations: [] },
    extra: [],
    notes: [],
    inputs: [],
    unmaskedSecrets: [],
    history: [],
  };
}

export function applyEvents(record: RunRecord, events: readonly RunEvent[]): RunRecord {
  const next = writableCopy(record);
  for (const event of events) {
    applyOne(next, event);
    next.history.push(event);
    if (event.at > next.updatedAt) next.updatedAt = event.at;
  }
  return deriveRecord(next);
}

/**
 * A copy of every object applyOne or deriveRecord writes to (the record, its stages, checks
 * and holds, steps, gates, dependencies, and the arrays they push to or sort); the rest is
 * shared with the input: sessions, events, attempts, marks, observations and definitions are
 * replaced when they change, never written. A deep clone of the history made each commit
 * cost the whole run so far.
 */
function writableCopy(r: RunRecord): RunRecord {
  return {
    ...r,
    stages: r.stages.map((s) => ({ ...s })),
    checks: r.checks.map((c) => ({ ...c, hold: c.hold && { ...c.hold }, extraIds: [...c.extraIds] })),
    steps: r.steps.map((s) => ({ ...s, attempts: [...s.attempts] })),
    gates: r.gates.map((g) => ({ ...g, observations: [...g.observations] })),
    dependencies: { ...r.dependencies },
    extra: [...r.extra],
    notes: [...r.notes],
    history: [...r.history],
  };
}

function union(a: string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function applyOne(r: RunRecord, e: RunEvent): void {
  switch (e.type) {
    case 'session-started':
      r.sessions = [...r.sessions.filter((s) => s.n !== e.session.n), e.session];
      r.environment = e.session.environment;
      return;
    case 'session-ended':
      // Replaced, not written: the session may be the object of a session-started event.
      r.sessions = r.sessions.map((s) => (s.n === e.session ? { ...s, endedAt: e.at, end: e.end, ...(e.reaped !== undefined ? { reaped: e.reaped } : {}) } : s));
      return;
    case 'runbook-loaded':
      loadDefinition(r, e.definition);
      return;
    case 'scope-added':
      r.scope = mergeScope(r.scope, e.scope);
      return;
    case 'stage-started': {
      const stage = r.stages.find((s) => s.id === e.stageId);
      if (stage && stage.startedAt === null) stage.startedAt = e.at;
      return;
    }
    case 'attempt-started':
    case 'attempt-ended': {
      const step = r.steps.find((s) => s.id === e.stepId);
      if (!step) return;
      // An attempt is its number within its session: the editor and the CLI may each start
      // attempt 2 of a step at once, and neither record may replace the other.
      const index = step.attempts.findIndex((a) => a.n === e.attempt.n && a.session === e.attempt.session);
      if (index >= 0) step.attempts[index] = e.attempt;
      else step.attempts.push(e.attempt);
      step.attempts.sort((a, b) => a.n - b.n || (a.startedAt ?? '').localeCompare(b.startedAt ?? ''));
      return;
    }
    case 'step-not-run': {
      const step = r.steps.find((s) => s.id === e.stepId);
      if (!step) return;
      step.notRun = { status: e.status, outcome: e.outcome, at: e.at };
      return;
    }
    case 'check-marked': {
      const check = r.checks.find((c) => c.id === e.checkId);
      if (check) check.mark = e.mark;
      return;
    }
    case 'stage-marked': {
      const stage = r.stages.find((s) => s.id === e.stageId);
      if (stage) stage.mark = e.mark;
      return;
    }
    case 'gate-observed': {
      const gate = r.gates.find((g) => g.id === e.gateId);
      if (gate) gate.observations.push(e.observation);
      return;
    }
    case 'dependencies-checked':
      r.dependencies = { ...e.dependencies, citations: r.dependencies.citations };
      return;
    case 'extra-added': {
      // Two sessions numbering their exec at once get the same id: the later one takes the next free one.
      let extra = e.extra;
      if (r.extra.some((x) => x.id === extra.id)) {
        const ids = new Set(r.extra.map((x) => x.id));
        let n = r.extra.length + 1;
        while (ids.has(`exec-${n}`)) n++;
        extra = { ...extra, id: `exec-${n}` };
      }
      r.extra.push(extra);
      const check = extra.checkId ? r.checks.find((c) => c.id === extra.checkId) : undefined;
      if (check && !check.extraIds.includes(extra.id)) check.extraIds.push(extra.id);
      return;
    }
    case 'note-added':
      r.notes.push(e.note);
      return;
    case 'inputs-recorded': {
      const byName = new Map(r.inputs.map((i) => [i.name, i]));
      for (const input of e.inputs) byName.set(input.name, input);
      r.inputs = [...byName.values()];
      r.unmaskedSecrets = e.unmaskedSecrets;
      return;
    }
  }
}

export function mergeScope(a: RunScope, b: RunScope): RunScope {
  return {
    stageIds: union(a.stageIds, b.stageIds),
    checkIds: union(a.checkIds, b.checkIds),
    stepIds: union(a.stepIds, b.stepIds),
    gateIds: union(a.gateIds, b.gateIds),
  };
}

/**
 * The runbook as a session read it. Definitions are replaced; evidence of known ids (attempts,
 * marks, observations, stage starts) is kept; ids the runbook no longer has are kept when
 * they carry evidence, so an edit never loses what ran.
 */
function loadDefinition(r: RunRecord, d: RunDefinition): void {
  r.runbook = d.runbook;
  r.context = d.context;
  r.onFailure = d.onFailure;

  const oldStages = new Map(r.stages.map((s) => [s.id, s]));
  const newStages = ids(d.stages);
  r.stages = [
    ...d.stages.map((s) => ({ ...s, startedAt: oldStages.get(s.id)?.startedAt ?? null, mark: oldStages.get(s.id)?.mark ?? null })),
    ...r.stages.filter((s) => (s.startedAt !== null || s.mark !== null) && !newStages.has(s.id)),
  ];

  const oldChecks = new Map(r.checks.map((c) => [c.id, c]));
  const newChecks = ids(d.checks);
  r.checks = [
    ...d.checks.map((c) => {
      const old = oldChecks.get(c.id);
      return {
        ...c,
        hold: c.hold ? { ...c.hold, startedAt: null, until: null } : null,
        status: old?.status ?? 'pending',
        outcome: old?.outcome ?? '',
        updatedAt: old?.updatedAt ?? null,
        mark: old?.mark ?? null,
        extraIds: old?.extraIds ?? [],
      };
    }),
    ...r.checks.filter((c) => (c.mark !== null || c.extraIds.length > 0) && !newChecks.has(c.id)),
  ];

  const oldSteps = new Map(r.steps.map((s) => [s.id, s]));
  const newSteps = ids(d.steps);
  r.steps = [
    ...d.steps.map((s) => {
      const old = oldSteps.get(s.id);
      return { ...s, status: old?.status ?? 'pending', outcome: old?.outcome ?? '', attempts: old?.attempts ?? [], notRun: old?.notRun ?? null };
    }),
    ...r.steps.filter((s) => s.attempts.length > 0 && !newSteps.has(s.id)),
  ];

  const oldGates = new Map(r.gates.map((g) => [g.id, g]));
  const newGates = ids(d.gates);
  r.gates = [
    ...d.gates.map((g) => ({ ...g, inScope: false, status: 'not observed' as const, evidence: '', observations: oldGates.get(g.id)?.observations ?? [] })),
    ...r.gates.filter((g) => g.observations.length > 0 && !newGates.has(g.id)),
  ];

  const oldItems = new Map(r.dependencies.items.map((i) => [i.label, i]));
  r.dependencies = {
    ...r.dependencies,
    items: d.dependencies.map((dep) => {
      const old = oldItems.get(dep.label);
      return { ...dep, state: old?.state ?? null, title: old?.title ?? null, url: old?.url ?? null, error: old?.error ?? null };
    }),
    citations: d.citations,
  };
}


/** The ids of a list, to look up: a long runbook has thousands of checks. */
function ids(items: readonly { id: string }[]): Set<string> {
  return new Set(items.map((i) => i.id));
}

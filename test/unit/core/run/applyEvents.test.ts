import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEvents } from '../../../../src/core/run/applyEvents';
import type { RunEvent } from '../../../../src/core/run/events';
import { attempt, check, definition, recordWith, stage, step, T0, minutes } from '../../fakes/runDefinitions';

const def = definition({
  stages: [stage('stage-0', ['stage-0.1', 'stage-0.2'])],
  checks: [check('stage-0.1', 'command', { stepIds: ['health'] }), check('stage-0.2', 'manual')],
  steps: [step('health', { checkIds: ['stage-0.1'] })],
});

test('attempts are kept in order and the latest decides the step and its check', () => {
  const record = recordWith(def, { stageIds: ['stage-0'] }, [
    { type: 'attempt-ended', at: minutes(1), stepId: 'health', attempt: attempt(1, 'failed', { outcome: 'exit 1: boom' }) },
    { type: 'attempt-ended', at: minutes(2), stepId: 'health', attempt: attempt(2, 'passed', { outcome: '49 passed' }) },
  ]);
  const health = record.steps.find((s) => s.id === 'health')!;
  assert.deepEqual(health.attempts.map((a) => [a.n, a.status]), [[1, 'failed'], [2, 'passed']]);
  assert.equal(health.status, 'passed');
  const bound = record.checks.find((c) => c.id === 'stage-0.1')!;
  assert.deepEqual([bound.status, bound.outcome], ['passed', '49 passed']);
  assert.equal(record.updatedAt, minutes(2));
  assert.equal(record.history.length, 4);
});

test('a step not run after an attempt shows why; a later attempt wins again', () => {
  const skipped = recordWith(def, {}, [
    { type: 'attempt-ended', at: minutes(1), stepId: 'health', attempt: attempt(1, 'passed', { endedAt: minutes(1) }) },
    { type: 'step-not-run', at: minutes(2), stepId: 'health', status: 'blocked', outcome: 'missing input: TOKEN' },
  ]);
  assert.deepEqual([skipped.steps[0]!.status, skipped.steps[0]!.outcome], ['blocked', 'missing input: TOKEN']);
  const rerun = applyEvents(skipped, [
    { type: 'attempt-ended', at: minutes(3), stepId: 'health', attempt: attempt(2, 'passed', { startedAt: minutes(3), endedAt: minutes(3), outcome: 'ok' }) },
  ]);
  assert.deepEqual([rerun.steps[0]!.status, rerun.steps[0]!.outcome], ['passed', 'ok']);
});

test('reloading an edited runbook keeps evidence of known ids and of removed ones that ran', () => {
  const ran = recordWith(def, { stageIds: ['stage-0'] }, [
    { type: 'attempt-ended', at: minutes(1), stepId: 'health', attempt: attempt(1, 'passed') },
    { type: 'check-marked', at: minutes(2), checkId: 'stage-0.2', mark: { status: 'passed', note: 'jobs healthy', by: 'ana', at: minutes(2) } },
  ]);
  const edited = definition({
    stages: [stage('stage-0', ['stage-0.2', 'stage-0.3'])],
    checks: [check('stage-0.2', 'manual', { text: 'reworded' }), check('stage-0.3', 'manual')],
    steps: [],
  });
  const reloaded = applyEvents(ran, [{ type: 'runbook-loaded', at: minutes(3), definition: edited }]);
  assert.deepEqual(reloaded.checks.map((c) => [c.id, c.text, c.status]), [
    ['stage-0.2', 'reworded', 'passed'],
    ['stage-0.3', 'check stage-0.3', 'pending'],
  ]);
  assert.deepEqual(reloaded.steps.map((s) => [s.id, s.attempts.length]), [['health', 1]], 'the removed step keeps its attempt');
});

test('a mark overrides a check, with who and why in its outcome', () => {
  const record = recordWith(def, { stageIds: ['stage-0'] }, [
    { type: 'check-marked', at: minutes(1), checkId: 'stage-0.2', mark: { status: 'blocked', note: 'no access to the DB', by: 'ana', at: minutes(1) } },
  ]);
  const manual = record.checks.find((c) => c.id === 'stage-0.2')!;
  assert.deepEqual([manual.status, manual.outcome], ['blocked', 'marked blocked by ana: no access to the DB']);
  assert.equal(manual.updatedAt, minutes(1));
  assert.equal(record.startedAt, T0);
});

test('the editor and the CLI starting attempt 2 of a step at once: both attempts are kept, each ended in place', () => {
  const record = recordWith(def, {}, [
    { type: 'attempt-ended', at: minutes(1), stepId: 'health', attempt: attempt(1, 'failed') },
    { type: 'attempt-started', at: minutes(2), stepId: 'health', attempt: attempt(2, 'running', { session: 2, startedAt: minutes(2), endedAt: null, logPath: 'logs/health.2.log' }) },
    { type: 'attempt-started', at: minutes(3), stepId: 'health', attempt: attempt(2, 'running', { session: 3, startedAt: minutes(3), endedAt: null, logPath: 'logs/health.2~2.log' }) },
    { type: 'attempt-ended', at: minutes(4), stepId: 'health', attempt: attempt(2, 'passed', { session: 2, startedAt: minutes(2), endedAt: minutes(4), logPath: 'logs/health.2.log' }) },
    { type: 'attempt-ended', at: minutes(5), stepId: 'health', attempt: attempt(2, 'failed', { session: 3, startedAt: minutes(3), endedAt: minutes(5), logPath: 'logs/health.2~2.log' }) },
  ]);
  const health = record.steps.find((s) => s.id === 'health')!;
  assert.deepEqual(health.attempts.map((a) => [a.n, a.session, a.status, a.logPath]), [
    [1, 1, 'failed', 'logs/x.1.log'],
    [2, 2, 'passed', 'logs/health.2.log'],
    [2, 3, 'failed', 'logs/health.2~2.log'],
  ]);
  assert.equal(health.status, 'failed', 'the later-started attempt decides');
});

test('two sessions adding exec-1 at once: the later one becomes exec-2, both are kept', () => {
  const extra = (session: number, command: string) => ({ id: 'exec-1', title: command, stageId: 'stage-0', checkId: 'stage-0.2', command, addedBy: null, attempt: attempt(1, 'passed', { session }) });
  const record = recordWith(def, {}, [
    { type: 'extra-added', at: minutes(1), extra: extra(2, 'kubectl get pods') },
    { type: 'extra-added', at: minutes(2), extra: extra(3, 'curl -fsS localhost/health') },
  ]);
  assert.deepEqual(record.extra.map((x) => [x.id, x.command]), [['exec-1', 'kubectl get pods'], ['exec-2', 'curl -fsS localhost/health']]);
  assert.deepEqual(record.checks.find((c) => c.id === 'stage-0.2')!.extraIds, ['exec-1', 'exec-2']);
});

test('a gate a check follows is in scope when the check came in through its step (--step)', () => {
  const gated = definition({
    stages: [stage('stage-0', ['stage-0.1'])],
    checks: [check('stage-0.1', 'gate', { stepIds: ['health'], gateIds: ['error-budget-gate'] })],
    steps: [step('health', { checkIds: ['stage-0.1'] })],
    gates: [
      { id: 'error-budget-gate', number: 1, title: 'Error budget gate', detail: [], line: 30, thresholds: [], tableStatus: null, tableEvidence: null },
      { id: 'replay-gate', number: 2, title: 'Replay gate', detail: [], line: 32, thresholds: [], tableStatus: null, tableEvidence: null },
    ],
  });
  const record = recordWith(gated, { stepIds: ['health'] });
  assert.deepEqual(record.gates.map((g) => [g.id, g.inScope]), [['error-budget-gate', true], ['replay-gate', false]]);
});

/** Freezes deeply, so any write to the input throws (test files are ES modules: strict mode). */
function frozen<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) frozen(child);
  return Object.freeze(value);
}

const environment = { host: 'h', toolVersion: '0.1.0', gitCommit: null, gitBranch: null, gitDirty: null, shell: 'bash', shellFlags: ['-e'] };
const session = (n: number) => ({ n, host: 'cli' as const, command: 'run', startedAt: T0, endedAt: null, pid: 100 + n, environment, end: null });
const mark = { status: 'passed' as const, note: 'looked fine', by: 'ana', at: minutes(1) };
const rich = definition({
  stages: [stage('stage-0', ['stage-0.1', 'stage-0.2', 'stage-0.3', 'stage-0.4']), stage('stage-1', ['stage-1.1'])],
  checks: [
    check('stage-0.1', 'command', { stepIds: ['health'] }),
    check('stage-0.2', 'manual'),
    check('stage-0.3', 'dependency'),
    check('stage-0.4', 'gate', { gateIds: ['error-budget-gate'] }),
    check('stage-1.1', 'hold', { hold: { text: 'at least 60 minutes', durationMs: 3_600_000, businessDays: null } }),
  ],
  steps: [step('health', { checkIds: ['stage-0.1'], stageId: 'stage-0' })],
  gates: [{ id: 'error-budget-gate', number: 1, title: 'Error budget gate', detail: [], line: 30, thresholds: [], tableStatus: null, tableEvidence: null }],
  dependencies: [{ refId: 'ref-1', label: '#1858', repo: null, number: 1858, line: 60, why: 'gh issue view' }],
});
const extra = { id: 'exec-1', title: 'kubectl get pods', stageId: 'stage-0', checkId: 'stage-0.2', command: 'kubectl get pods', addedBy: null, attempt: attempt(1, 'passed') };
const dependencies = {
  status: 'green' as const, checkedAt: minutes(1), repo: 'o/r', reason: null, citations: [],
  items: [{ refId: 'ref-1', label: '#1858', repo: 'o/r', number: 1858, line: 60, why: 'gh issue view', state: 'closed' as const, title: 'done', url: 'https://github.com/o/r/issues/1858', error: null }],
};

/** One batch of each event type; a new event type fails to compile here until it has one. */
const eachType: Record<RunEvent['type'], RunEvent[]> = {
  'session-started': [{ type: 'session-started', at: minutes(9), session: session(2) }],
  'session-ended': [{ type: 'session-ended', at: minutes(9), session: 1, end: 'finished', reaped: 1 }],
  'runbook-loaded': [{ type: 'runbook-loaded', at: minutes(9), definition: definition({ ...rich, steps: [step('health', { checkIds: ['stage-0.1'], title: 'renamed' })] }) }],
  'scope-added': [{ type: 'scope-added', at: minutes(9), scope: { stageIds: ['stage-1'], checkIds: [], stepIds: [], gateIds: [] } }],
  'stage-started': [{ type: 'stage-started', at: minutes(9), stageId: 'stage-1' }],
  'attempt-started': [{ type: 'attempt-started', at: minutes(9), stepId: 'health', attempt: attempt(1, 'running', { session: 2, endedAt: null }) }],
  'attempt-ended': [{ type: 'attempt-ended', at: minutes(9), stepId: 'health', attempt: attempt(1, 'failed') }],
  'step-not-run': [{ type: 'step-not-run', at: minutes(9), stepId: 'health', status: 'skipped', outcome: 'skipped' }],
  'check-marked': [{ type: 'check-marked', at: minutes(9), checkId: 'stage-0.2', mark: { ...mark, status: 'failed' } }],
  'stage-marked': [{ type: 'stage-marked', at: minutes(9), stageId: 'stage-0', mark }],
  'gate-observed': [{ type: 'gate-observed', at: minutes(9), gateId: 'error-budget-gate', observation: { at: minutes(9), source: 'mark', stepId: null, attempt: null, status: 'red', value: null, note: 'burning', by: 'ana' } }],
  'dependencies-checked': [{ type: 'dependencies-checked', at: minutes(9), dependencies: { ...dependencies, items: [{ ...dependencies.items[0]!, state: 'open' }] } }],
  'extra-added': [{ type: 'extra-added', at: minutes(9), extra }],
  'note-added': [{ type: 'note-added', at: minutes(9), note: { kind: 'risk', text: 'watch the queue', by: 'ana', at: minutes(9) } }],
  'inputs-recorded': [{ type: 'inputs-recorded', at: minutes(9), inputs: [{ name: 'REGION', kind: 'env', secret: false, value: 'eu', source: 'flag' }], unmaskedSecrets: ['PIN'] }],
};

/** A record where every part an event may change already holds something. */
function richRecord() {
  return recordWith(rich, { stageIds: ['stage-0'] }, [
    { type: 'session-started', at: T0, session: session(1) },
    { type: 'stage-started', at: minutes(1), stageId: 'stage-0' },
    { type: 'attempt-ended', at: minutes(1), stepId: 'health', attempt: attempt(1, 'passed') },
    { type: 'step-not-run', at: minutes(1), stepId: 'health', status: 'blocked', outcome: 'blocked' },
    { type: 'check-marked', at: minutes(1), checkId: 'stage-0.2', mark },
    { type: 'gate-observed', at: minutes(1), gateId: 'error-budget-gate', observation: { at: minutes(1), source: 'mark', stepId: null, attempt: null, status: 'green', value: 3, note: '', by: 'ana' } },
    { type: 'dependencies-checked', at: minutes(1), dependencies },
    { type: 'extra-added', at: minutes(1), extra },
    { type: 'note-added', at: minutes(1), note: { kind: 'scope', text: 'canary only', by: null, at: minutes(1) } },
    { type: 'inputs-recorded', at: minutes(1), inputs: [{ name: 'REGION', kind: 'env', secret: false, value: 'us', source: 'environment' }], unmaskedSecrets: [] },
  ]);
}

test('applyEvents never writes to its input record or events, whatever the event type', () => {
  for (const [type, events] of Object.entries(eachType)) {
    const before = richRecord();
    const snapshot = structuredClone(before);
    const eventsSnapshot = structuredClone(events);
    const after = applyEvents(frozen(before), frozen(events));
    assert.deepEqual(before, snapshot, `${type}: the input record is unchanged`);
    assert.deepEqual(events, eventsSnapshot, `${type}: the events are unchanged`);
    assert.notDeepEqual(after, before, `${type}: the event changed the result`);
    assert.equal(after.history.length, before.history.length + events.length);
  }
});

test('a session started and ended in one batch: the ended session is a new object, the event keeps its own', () => {
  const started: RunEvent = { type: 'session-started', at: minutes(1), session: session(2) };
  const record = applyEvents(frozen(richRecord()), frozen([started, { type: 'session-ended', at: minutes(2), session: 2, end: 'cancelled' }]));
  assert.deepEqual(record.sessions.map((s) => [s.n, s.end, s.endedAt]), [[1, null, null], [2, 'cancelled', minutes(2)]]);
  assert.equal(started.type === 'session-started' && started.session.end, null, 'the event still says how the session started');
});

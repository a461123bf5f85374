import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexLenses, lensContent, lensSlots, stepResult, type LensView } from '../../../../src/core/editor/lensPlan';
import { bindingEdit } from '../../../../src/core/editor/bindingEdit';
import type { Attempt, CheckRecord, RunRecord, StepRecord } from '../../../../src/core/run/record';
import { emptyRecord } from '../../../../src/core/run/applyEvents';
import { bind, check, runbook, stage, step } from '../../fakes/runbooks';

const at = (line: number) => ({ startLine: line, startColumn: 1, endLine: line + 2, endColumn: 1 });

function book() {
  return bind(runbook({
    stages: [stage('stage-0', ['stage-0.1', 'stage-0.2', 'stage-0.3', 'stage-0.4'], { range: at(10), label: 'Stage 0 (Gate preflight)' })],
    checks: [
      check('stage-0.1', 'dependency', { range: at(11) }),
      check('stage-0.2', 'command', { range: at(12), stepIds: ['health'], binding: { how: 'inferred', stepIds: ['health'], confidence: 0.7, reason: 'inferred from "contract tests" ~ step "Runtime WS health" (0.70)' } }),
      check('stage-0.3', 'manual', { range: at(13) }),
      check('stage-0.4', 'hold', { range: at(14), hold: { text: 'at least 60 minutes', durationMs: 3_600_000, businessDays: null } }),
    ],
    steps: [step('health', 'cargo test', { title: 'Runtime WS health', range: at(40) })],
    issues: [1858, 1859, 1860, 1861, 1862].map((number, i) => ({ id: `ref-${i}`, line: 3, range: at(3), repo: null, number, text: `#${number}`, role: 'dependency' as const, why: 'gh loop', checkId: null })),
  }));
}

const view = (over: Partial<LensView> = {}): LensView => ({ record: null, running: new Map(), queued: new Set(), busy: false, trusted: true, strict: false, now: Date.parse('2026-02-21T10:00:00Z'), ...over });

function titles(record: RunRecord | null, over: Partial<LensView> = {}): Map<number, string[]> {
  const index = indexLenses(book(), record);
  const v = view({ record, ...over });
  const byLine = new Map<number, string[]>();
  for (const slot of lensSlots(index, v)) {
    const content = lensContent(slot, index, v);
    byLine.set(slot.line, [...(byLine.get(slot.line) ?? []), content?.title ?? '(none)']);
  }
  return byLine;
}

function attempt(over: Partial<Attempt>): Attempt {
  return {
    n: 1, session: 1, status: 'passed', outcome: '49 passed', command: 'cargo test', cwd: '.', shell: 'bash', shellFlags: ['-e'], startedAt: '2026-02-21T09:00:00Z',
    endedAt: '2026-02-21T09:00:04Z', durationMs: 4000, exitCode: 0, signal: null, logPath: 'logs/health.1.log', logSha256: null, logBytes: 10, results: null, values: [], ...over,
  };
}

function recordWith(checks: Array<Partial<CheckRecord> & { id: string }>, steps: Array<Partial<StepRecord> & { id: string }> = []): RunRecord {
  const record = emptyRecord({ runId: 'r', cookie: 'c', at: '2026-02-21T09:00:00Z', strict: false });
  record.checks = checks.map((c) => ({
    stageId: 'stage-0', ordinal: 1, text: c.id, detail: [], kind: 'command', required: true, line: 0, task: false, stepIds: [], binding: null, gateIds: [], issueIds: [],
    hold: null, status: 'pending', outcome: '', updatedAt: null, mark: null, extraIds: [], ...c,
  }));
  record.steps = steps.map((s) => ({
    title: s.id, language: 'bash', command: 'cargo test', cwd: '.', stageId: 'stage-0', sectionTitle: null, checkIds: [], required: true, destructive: false, destructiveReason: null,
    line: 40, inputs: [], status: 'pending', outcome: '', attempts: [], notRun: null, ...s,
  }));
  return record;
}

test('before a run: Run stage and NOT RUN; every check says what it will do', () => {
  const lines = titles(null);
  assert.deepEqual(lines.get(10), ['$(run-all) Run stage', '$(circle-outline) NOT RUN']);
  assert.deepEqual(lines.get(11), ['$(issues) dependency gate: 5 issues']);
  assert.deepEqual(lines.get(12), ['$(play) runs `Runtime WS health` (inferred)', '$(link) Change binding…']);
  assert.deepEqual(lines.get(13), ['$(person) manual:', '$(check) Mark passed', '$(close) failed', '$(circle-slash) blocked…']);
  assert.deepEqual(lines.get(14), ['$(watch) hold 60 min']);
  assert.deepEqual(lines.get(40), ['$(play) Run step', '$(copy) Copy', '$(terminal) Run in terminal']);
});

test('in Restricted Mode every action lens says why and offers Manage Workspace Trust; Copy stays', () => {
  const index = indexLenses(book(), null);
  const v = view({ trusted: false });
  const contents = lensSlots(index, v).map((slot) => lensContent(slot, index, v)!);
  const actions = contents.filter((c) => c.action !== null && c.action !== 'showPanel' && c.action !== 'copyStep');
  assert.equal(actions.length, 6, 'the stage, four checks and the step each say why');
  for (const c of actions) {
    assert.equal(c.action, 'manageTrust', JSON.stringify(c));
    assert.match(c.title, /Restricted Mode: running is disabled · Manage Workspace Trust/);
  }
  assert.ok(contents.some((c) => c.title === 'runs `Runtime WS health` (inferred)' && c.action === null), 'what a check will do is still said');
  assert.ok(contents.some((c) => c.action === 'copyStep'));
  assert.ok(!contents.some((c) => c.action === 'runStep' || c.action === 'runStage' || c.action === 'markCheck' || c.action === 'runInTerminal'));
});

test('a running step shows its elapsed time and Cancel instead of Run', () => {
  const record = recordWith([{ id: 'stage-0.2', status: 'running', stepIds: ['health'] }], [{ id: 'health', status: 'running', attempts: [attempt({ status: 'running', endedAt: null, durationMs: null })] }]);
  const lines = titles(record, { running: new Map([['health', Date.parse('2026-02-21T09:59:48Z')]]), busy: true });
  assert.deepEqual(lines.get(40), ['$(sync~spin) running 12.0s', '$(debug-stop) Cancel']);
  assert.match(lines.get(10)![1]!, /running/);
});

test('results read as the issue asks: ✓ 4.0s, ✗ exit 1, ⊘ blocked: missing `TOKEN`, cancelled is not failed', () => {
  const base = { id: 'health', title: 'h', language: 'bash', command: 'x', cwd: '.', stageId: null, sectionTitle: null, checkIds: [], required: true, destructive: false, destructiveReason: null, line: 1, inputs: [], notRun: null };
  assert.equal(stepResult({ ...base, status: 'passed', outcome: 'passed', attempts: [attempt({ outcome: 'passed' })] }).title, '✓ 4.0s');
  assert.equal(stepResult({ ...base, status: 'passed', outcome: '49 passed', attempts: [attempt({})] }).title, '✓ 4.0s · 49 passed');
  assert.equal(stepResult({ ...base, status: 'failed', outcome: 'exit 1', attempts: [attempt({ status: 'failed', exitCode: 1, outcome: 'exit 1' })] }).title, '✗ exit 1');
  assert.equal(stepResult({ ...base, status: 'blocked', outcome: 'missing input: RUNTIME_ADMIN_TOKEN', attempts: [] }).title, '⊘ blocked: missing `RUNTIME_ADMIN_TOKEN`');
  const cancelled = stepResult({ ...base, status: 'cancelled', outcome: 'cancelled', attempts: [attempt({ status: 'passed' }), attempt({ n: 2, status: 'cancelled', durationMs: 1500 })] }).title;
  assert.equal(cancelled, '⊘ cancelled after 1.5s · 2 attempts');
});

test('a stage whose required checks passed reads PASS; a holding one says how long is left', () => {
  const passed = recordWith(['stage-0.1', 'stage-0.2', 'stage-0.3', 'stage-0.4'].map((id) => ({ id, status: 'passed' as const })));
  assert.equal(titles(passed).get(10)![1], '$(pass) PASS · 4/4 checks passed');
  const holding = recordWith([
    { id: 'stage-0.1', status: 'passed' }, { id: 'stage-0.2', status: 'passed' }, { id: 'stage-0.3', status: 'passed' },
    { id: 'stage-0.4', status: 'holding', kind: 'hold', hold: { text: 'at least 60 minutes', durationMs: 3_600_000, businessDays: null, startedAt: '2026-02-21T09:23:00Z', until: '2026-02-21T10:23:00Z' } },
  ]);
  assert.equal(titles(holding).get(10)![1], '$(watch) HOLDING · 23 min left · 3/4 checks passed');
  const cancelled = recordWith([{ id: 'stage-0.2', status: 'cancelled' }]);
  assert.doesNotMatch(titles(cancelled).get(10)![1]!, /FAIL/);
});

test('a queued check and a busy runbook say so', () => {
  const lines = titles(null, { queued: new Set(['stage-0', 'health']), busy: true });
  assert.equal(lines.get(10)![0], '$(clock) stage queued');
  assert.equal(lines.get(40)![0], '$(clock) queued');
});

test('our own reports and plain Markdown get no lenses', () => {
  const generated = { ...book(), generated: true };
  assert.deepEqual(lensSlots(indexLenses(generated, null), view()), []);
  assert.deepEqual(lensSlots(indexLenses(runbook({}), null), view()), []);
});

test('bindingEdit appends the annotation, before a hard break, or rewrites run= in an existing comment', () => {
  assert.deepEqual(bindingEdit(5, '- Run runtime WS contract tests.', ['runtime-ws-health']), { line: 5, startColumn: 32, endColumn: 32, newText: ' <!-- runbook: run=runtime-ws-health -->' });
  assert.deepEqual(bindingEdit(5, '- Run it.  ', ['a']), { line: 5, startColumn: 9, endColumn: 9, newText: ' <!-- runbook: run=a -->' });
  assert.deepEqual(bindingEdit(5, '- Run it. <!-- runbook: run=old optional -->', ['b', 'c']), { line: 5, startColumn: 10, endColumn: 44, newText: '<!-- runbook: run=b,c optional -->' });
});

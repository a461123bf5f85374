import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decideRun } from '../../../../src/core/gate/decide';
import { wordReason, wordReasonRemedy } from '../../../../src/core/gate/wording';
import { applyEvents } from '../../../../src/core/run/applyEvents';
import type { DependencyRecord } from '../../../../src/core/run/record';
import { attempt, check, definition, recordWith, stage, step, minutes } from '../../fakes/runDefinitions';

// Seed 001's shape: stage 0 (dependency, command, manual), stage 1 (manual, hold 60 min), stage 2, two KPI gates.
const seed001 = definition({
  stages: [
    stage('stage-0', ['stage-0.1', 'stage-0.2', 'stage-0.3']),
    stage('stage-1', ['stage-1.1', 'stage-1.2']),
    stage('stage-2', ['stage-2.1']),
  ],
  checks: [
    check('stage-0.1', 'dependency'),
    check('stage-0.2', 'command', { stepIds: ['runtime-ws-health'] }),
    check('stage-0.3', 'manual'),
    check('stage-1.1', 'manual'),
    check('stage-1.2', 'hold', { hold: { text: 'at least 60 minutes', durationMs: 3_600_000, businessDays: null } }),
    check('stage-2.1', 'manual'),
  ],
  steps: [step('runtime-ws-health', { command: 'cargo test -p openagents-runtime-service', checkIds: ['stage-0.2'] })],
  gates: [
    { id: 'error-budget-gate', number: 1, title: 'Error budget gate', detail: [], line: 30, thresholds: [], tableStatus: null, tableEvidence: null },
    { id: 'replay-gate', number: 2, title: 'Replay gate', detail: [], line: 32, thresholds: [], tableStatus: null, tableEvidence: null },
  ],
  dependencies: [1858, 1859].map((n, i) => ({ refId: `ref-${i + 1}`, label: `#${n}`, repo: null, number: n, line: 60, why: 'gh issue view loop' })),
});

const closed: DependencyRecord = {
  status: 'green', checkedAt: minutes(1), repo: 'OpenAgentsInc/openagents', reason: null, citations: [],
  items: [1858, 1859].map((n, i) => ({ refId: `ref-${i + 1}`, label: `#${n}`, repo: 'OpenAgentsInc/openagents', number: n, line: 60, why: 'gh issue view loop', state: 'closed' as const, title: `OA-RUST-04${3 + i}`, url: `https://github.com/OpenAgentsInc/openagents/issues/${n}`, error: null })),
};

function stageZeroPassed() {
  return recordWith(seed001, { stageIds: ['stage-0'] }, [
    { type: 'stage-started', at: minutes(0), stageId: 'stage-0' },
    { type: 'dependencies-checked', at: minutes(1), dependencies: closed },
    { type: 'attempt-ended', at: minutes(2), stepId: 'runtime-ws-health', attempt: attempt(1, 'passed', { outcome: '49 passed' }) },
    { type: 'check-marked', at: minutes(3), checkId: 'stage-0.3', mark: { status: 'passed', note: 'backfill jobs healthy', by: 'ana', at: minutes(3) } },
  ]);
}

test('stage 0 passes, but in-scope KPI gates that were not observed make it No-Go', () => {
  const decision = decideRun(stageZeroPassed());
  assert.deepEqual(decision.stages.map((s) => [s.label, s.verdict]), [['Stage 0 (stage-0)', 'PASS']]);
  assert.equal(decision.dependencies, 'green');
  assert.equal(decision.decision, 'No-Go');
  assert.deepEqual(decision.reasons.map((r) => [r.subject.kind, r.problem.kind, r.remedy.kind]), [
    ['gate', 'not-observed', 'observe-gate'],
    ['gate', 'not-observed', 'observe-gate'],
  ]);
  assert.deepEqual(decision.passed.map((p) => p.kind), ['stage', 'dependency-gate']);
  assert.equal(decision.counts.line, '3 required passes');
});

test('observed green gates make the same run Go', () => {
  const record = applyEvents(stageZeroPassed(), ['error-budget-gate', 'replay-gate'].map((gateId) => ({
    type: 'gate-observed' as const, at: minutes(4), gateId,
    observation: { at: minutes(4), source: 'mark' as const, stepId: null, attempt: null, status: 'green' as const, value: null, note: 'dashboard green', by: 'ana' },
  })));
  const decision = decideRun(record);
  assert.equal(decision.decision, 'Go');
  assert.deepEqual(decision.reasons, []);
});

test('a gate a step measured red asks for the value to come back within the threshold, not for the step to be fixed', () => {
  const observed = (gateId: string, status: 'red' | 'blocked', value: number | null) => ({
    type: 'gate-observed' as const, at: minutes(4), gateId,
    observation: { at: minutes(4), source: 'step' as const, stepId: 'runtime-ws-health', attempt: 1, status, value, note: '', by: null },
  });
  const record = applyEvents(stageZeroPassed(), [observed('error-budget-gate', 'red', 2.5), observed('replay-gate', 'blocked', null)]);
  const reasons = decideRun(record).reasons;
  assert.deepEqual(reasons.map((r) => [r.subject.kind, r.problem.kind, r.remedy.kind]), [
    ['gate', 'gate-red', 'restore-gate'],
    ['gate', 'gate-blocked', 'fix-and-rerun'],
  ]);
  assert.equal(wordReasonRemedy(reasons[0]!, 'cli', { context: { runbookPath: 'docs/x.md' } }),
    'bring `error-budget-gate` back within its threshold (`cargo test -p openagents-runtime-service` measures it), then re-run `runbook-gate run docs/x.md --resume --step runtime-ws-health`');
  assert.equal(wordReasonRemedy(reasons[0]!, 'report'),
    'Bring `error-budget-gate` back within its threshold (`cargo test -p openagents-runtime-service` measures it) and re-run step `runtime-ws-health`.');
});

test('a running hold makes the stage HOLDING and names when it ends; past it the stage passes', () => {
  const holding = applyEvents(stageZeroPassed(), [
    { type: 'scope-added', at: minutes(5), scope: { stageIds: ['stage-1'], checkIds: [], stepIds: [], gateIds: [] } },
    { type: 'stage-started', at: minutes(5), stageId: 'stage-1' },
    { type: 'check-marked', at: minutes(6), checkId: 'stage-1.1', mark: { status: 'passed', note: '', by: null, at: minutes(6) } },
  ]);
  const first = decideRun(holding);
  assert.deepEqual(first.stages.map((s) => [s.stageId, s.verdict, s.holdUntil]), [
    ['stage-0', 'PASS', null],
    ['stage-1', 'HOLDING', minutes(65)],
  ]);
  const hold = first.reasons.find((r) => r.subject.kind === 'check')!;
  assert.deepEqual(hold.problem, { kind: 'holding', until: minutes(65), text: 'at least 60 minutes' });
  assert.equal(hold.remedy.kind, 'wait-hold');
  const resumed = applyEvents(holding, [{ type: 'session-ended', at: minutes(66), session: 1, end: 'finished' }]);
  assert.equal(decideRun(resumed).stages[1]!.verdict, 'PASS');
});

test('cancelled is its own status: the stage is NOT RUN, never FAIL', () => {
  const record = recordWith(seed001, { stageIds: ['stage-0'] }, [
    { type: 'attempt-ended', at: minutes(1), stepId: 'runtime-ws-health', attempt: attempt(1, 'cancelled', { outcome: 'cancelled' }) },
  ]);
  const decision = decideRun(record);
  assert.equal(decision.stages[0]!.verdict, 'NOT RUN');
  const reason = decision.reasons.find((r) => r.subject.kind === 'check' && r.subject.checkId === 'stage-0.2')!;
  assert.deepEqual([reason.problem.kind, reason.remedy.kind], ['cancelled', 'rerun-stage']);
  assert.match(decision.counts.line, /^3 required not run$/);
});

test('a stage marked blocked after a failing exec probe: the reason names the probe and its outcome (seed 000, Stage 2)', () => {
  const probe = 'apps/runtime/deploy/khala/check-nonprod-health.sh';
  const record = recordWith(seed001, { stageIds: ['stage-2'] }, [
    { type: 'extra-added', at: minutes(1), extra: { id: 'exec-1', title: probe, stageId: 'stage-2', checkId: null, command: probe, addedBy: 'ana', attempt: attempt(1, 'failed', { command: probe, outcome: 'exit 1: Cannot find service [oa-khala-backend-nonprod]' }) } },
    { type: 'stage-marked', at: minutes(2), stageId: 'stage-2', mark: { status: 'blocked', note: 'Missing non-prod Khala backend service', by: 'ana', at: minutes(2) } },
  ]);
  const [reason] = decideRun(record).reasons;
  assert.deepEqual(reason!.problem, { kind: 'blocked', detail: 'Missing non-prod Khala backend service (exit 1: Cannot find service [oa-khala-backend-nonprod])', command: probe });
  assert.deepEqual(reason!.remedy, { kind: 'fix-and-rerun', stepId: 'exec-1', command: probe, stageId: 'stage-2', stageKey: '2' });
});

test('a stage marked blocked with a note is BLOCKED whatever its checks say', () => {
  const record = recordWith(seed001, { stageIds: ['stage-2'] }, [
    { type: 'stage-marked', at: minutes(1), stageId: 'stage-2', mark: { status: 'blocked', note: 'Missing non-prod Khala backend service', by: 'ana', at: minutes(1) } },
  ]);
  const decision = decideRun(record);
  assert.deepEqual(decision.stages.map((s) => [s.verdict, s.marked]), [['BLOCKED', true]]);
  assert.deepEqual(decision.reasons[0]!.problem, { kind: 'blocked', detail: 'Missing non-prod Khala backend service', command: null });
});

test('a dependency that cannot be checked blocks the gate and says how to fix it (fail closed)', () => {
  const record = recordWith(seed001, { stageIds: ['stage-0'] }, [
    { type: 'dependencies-checked', at: minutes(1), dependencies: { ...closed, status: 'blocked', items: closed.items.map((i) => ({ ...i, state: null, title: null, error: 'no repository for #1858: pass --github-repo', errorKind: 'no-repository' as const })) } },
  ]);
  const decision = decideRun(record);
  assert.equal(decision.dependencies, 'blocked');
  assert.equal(decision.stages[0]!.verdict, 'BLOCKED');
  const deps = decision.reasons.filter((r) => r.subject.kind === 'dependency');
  // Two lookups that failed the same way are one reason naming both.
  assert.deepEqual(deps.map((r) => [r.subject.kind === 'dependency' && r.subject.label, r.problem.kind, r.remedy.kind === 'configure-github' && r.remedy.need]), [['#1858, #1859', 'lookup-failed', 'repository']]);
  // GitHub's answer is said once, by the problem; the remedy says what to do.
  assert.equal(wordReason(deps[0]!, 'cli'), '#1858, #1859 could not be looked up: no repository for #1858: pass --github-repo');
  assert.equal(wordReasonRemedy(deps[0]!, 'cli'), 'set --github-repo OWNER/NAME (or `repo:` in the front matter)');
});

test('harness rows count instead of their check: seed 002\'s counts line', () => {
  const def = definition({
    stages: [stage('stage-0', ['stage-0.1'])],
    checks: [check('stage-0.1', 'command', { stepIds: ['validate'] })],
    steps: [step('validate', { checkIds: ['stage-0.1'] })],
  });
  const rows = [
    ...Array.from({ length: 7 }, (_, i) => ({ id: `f${i}`, title: `f${i}`, required: true, status: 'failed' as const, detail: '404' })),
    ...Array.from({ length: 4 }, (_, i) => ({ id: `p${i}`, title: `p${i}`, required: true, status: 'passed' as const, detail: '' })),
    { id: 'o', title: 'o', required: false, status: 'skipped' as const, detail: '' },
  ];
  const record = recordWith(def, { stageIds: ['stage-0'] }, [
    { type: 'attempt-ended', at: minutes(1), stepId: 'validate', attempt: attempt(1, 'failed', { exitCode: 0, results: { file: 'out/results.tsv', format: 'tsv', rows, error: null } }) },
  ]);
  const decision = decideRun(record);
  assert.equal(decision.counts.line, '7 required failures, 4 required passes, 1 optional skipped');
  assert.equal(decision.counts.overall, 'failed');
  assert.equal(decision.decision, 'No-Go');
});

test('nothing in scope is No-Go with a reason, never Go', () => {
  const decision = decideRun(recordWith(seed001, {}));
  assert.deepEqual(decision.reasons.map((r) => r.problem.kind), ['nothing-in-scope']);
  assert.equal(decision.go, false);
});

test('a stage of optional checks only: their failure never fails it, and the decision agrees with the stage', () => {
  const optional = definition({
    stages: [stage('stage-0', ['stage-0.1'])],
    checks: [check('stage-0.1', 'command', { stepIds: ['lint'], required: false })],
    steps: [step('lint', { command: 'npm run lint', checkIds: ['stage-0.1'], required: false })],
    gates: [], dependencies: [],
  });
  const failed = decideRun(recordWith(optional, { stageIds: ['stage-0'] }, [
    { type: 'attempt-ended', at: minutes(1), stepId: 'lint', attempt: attempt(1, 'failed', { outcome: 'exit 1' }) },
  ]));
  assert.deepEqual([failed.stages[0]!.verdict, failed.decision], ['PASS', 'Go']);
  const notYet = decideRun(recordWith(optional, { stageIds: ['stage-0'] }, []));
  assert.deepEqual([notYet.stages[0]!.verdict, notYet.decision], ['NOT RUN', 'No-Go']);
});

test('a stage whose only check is an optional hold still counting down: the reason is the hold, with its end', () => {
  const soak = definition({
    stages: [stage('stage-0', ['stage-0.1'])],
    checks: [check('stage-0.1', 'hold', { required: false, hold: { text: 'soak 30 minutes', durationMs: 1_800_000, businessDays: null } })],
    steps: [], gates: [], dependencies: [],
  });
  const decision = decideRun(recordWith(soak, { stageIds: ['stage-0'] }, [{ type: 'stage-started', at: minutes(0), stageId: 'stage-0' }]));
  assert.equal(decision.stages[0]!.verdict, 'HOLDING');
  assert.deepEqual(decision.reasons.map((r) => [r.problem.kind, r.remedy.kind]), [['holding', 'wait-hold']]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DependencyRecord, GateRecord } from '../../../../src/core/run/record';
import { check, definition, minutes, recordWith, stage } from '../../fakes/runDefinitions';

const gate = (n: number): Omit<GateRecord, 'status' | 'evidence' | 'inScope' | 'observations'> =>
  ({ id: `gate-${n}`, number: n, title: `Gate ${n}`, detail: [], line: n, thresholds: [], tableStatus: null, tableEvidence: null });

test('a check that follows every gate names twelve of those not observed and counts the rest', () => {
  const gates = Array.from({ length: 20 }, (_, i) => gate(i + 1));
  const record = recordWith(definition({
    stages: [stage('stage-1', ['stage-1.1'])],
    checks: [check('stage-1.1', 'gate', { gateIds: gates.map((g) => g.id) })],
    gates,
  }), { stageIds: ['stage-1'] });
  const only = record.checks[0]!;
  assert.equal(only.status, 'pending');
  assert.equal(only.outcome, 'not observed: Gate 1, Gate 2, Gate 3, Gate 4, Gate 5, Gate 6, Gate 7, Gate 8, Gate 9, Gate 10, Gate 11, Gate 12 and 8 more');
  assert.ok(record.gates.every((g) => g.inScope), 'a stage in scope brings every gate');
});

test('a dependency check reads its own issues once each, in the order the record lists them', () => {
  const item = (n: number, state: 'open' | 'closed'): DependencyRecord['items'][number] =>
    ({ refId: `ref-${n}`, label: `#${n}`, repo: 'acme/ops', number: n, line: n, why: 'blocked by', state, title: `Issue ${n}`, url: null, error: null });
  const dependencies: DependencyRecord = {
    status: 'red', checkedAt: minutes(1), repo: 'acme/ops', reason: null, citations: [],
    items: [item(1, 'open'), item(2, 'open'), item(3, 'closed')],
  };
  const record = recordWith(definition({
    stages: [stage('stage-1', ['stage-1.1', 'stage-1.2'])],
    // ref-9 names an issue the record lists under another reference (the same issue written twice).
    checks: [check('stage-1.1', 'dependency', { issueIds: ['ref-2', 'ref-1', 'ref-2', 'ref-9'] }), check('stage-1.2', 'dependency', { issueIds: ['ref-3'] })],
    dependencies: dependencies.items.map(({ refId, label, repo, number, line, why }) => ({ refId, label, repo, number, line, why })),
  }), { stageIds: ['stage-1'] }, [{ type: 'dependencies-checked', at: minutes(1), dependencies }]);
  assert.deepEqual(record.checks.map((c) => [c.id, c.status, c.outcome]), [
    ['stage-1.1', 'failed', '#1, #2 are OPEN'],
    ['stage-1.2', 'passed', '1 of 1 dependencies closed'],
  ]);
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { addBusinessDays, describeRemaining, holdUntil } from '../../../../src/core/run/holds';
import { check, definition, recordWith, stage, minutes, T0 } from '../../fakes/runDefinitions';

test('business days skip weekends (UTC)', () => {
  assert.equal(addBusinessDays(new Date('2026-02-20T09:00:00Z'), 1).toISOString(), '2026-02-23T09:00:00.000Z', 'Friday + 1 -> Monday');
  assert.equal(addBusinessDays(new Date('2026-02-18T09:00:00Z'), 3).toISOString(), '2026-02-23T09:00:00.000Z', 'Wednesday + 3 -> Monday');
  assert.equal(addBusinessDays(new Date('2026-02-21T15:00:00Z'), 1).toISOString(), '2026-02-24T00:00:00.000Z', 'Saturday counts from Monday 00:00');
  assert.equal(holdUntil({ durationMs: 3_600_000, businessDays: null }, T0), '2026-02-20T10:00:00.000Z');
  assert.equal(holdUntil({ durationMs: null, businessDays: null }, T0), null);
  assert.deepEqual([37, 90, 120, 125, 27 * 60].map((m) => describeRemaining(m * 60_000)), ['37 min', '90 min', '120 min', '2h05m', '1 day 3h'], 'the lens, the panel and the report say it alike');
});

test('a hold waits for its stage, holds until it elapses, then passes', () => {
  const def = definition({
    stages: [stage('stage-1', ['stage-1.1'])],
    checks: [check('stage-1.1', 'hold', { hold: { text: 'at least 60 minutes', durationMs: 3_600_000, businessDays: null } })],
  });
  const before = recordWith(def, { stageIds: ['stage-1'] });
  assert.deepEqual([before.checks[0]!.status, before.checks[0]!.outcome], ['pending', 'hold at least 60 minutes: starts when the stage starts']);
  const started = recordWith(def, { stageIds: ['stage-1'] }, [
    { type: 'stage-started', at: minutes(0), stageId: 'stage-1' },
    { type: 'note-added', at: minutes(23), note: { kind: 'scope', text: 'x', by: null, at: minutes(23) } },
  ]);
  assert.deepEqual([started.checks[0]!.status, started.checks[0]!.outcome], ['holding', 'holding until 2026-02-20 10:00 UTC (37 min left)']);
  assert.equal(started.checks[0]!.hold!.until, '2026-02-20T10:00:00.000Z');
  const later = recordWith(def, { stageIds: ['stage-1'] }, [
    { type: 'stage-started', at: minutes(0), stageId: 'stage-1' },
    { type: 'stage-started', at: minutes(61), stageId: 'stage-1' },
  ]);
  assert.deepEqual([later.checks[0]!.status, later.checks[0]!.outcome], ['passed', 'held at least 60 minutes (since 2026-02-20 09:00 UTC)']);
  assert.equal(later.stages[0]!.startedAt, minutes(0), 'a second start does not restart the hold');
});

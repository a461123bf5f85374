import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCheckText } from '../../../../../src/core/runbook/rules/checkText';

test('optional: "(optional)", "[optional]", "Optional:"', () => {
  for (const t of ['Migration reviewed by a DBA (optional)', '[optional] Post in #releases', 'Optional: page the secondary']) assert.ok(readCheckText(t).optional, t);
  assert.ok(!readCheckText('An optional extra is not a marker').optional);
});

test('refers to the gates', () => {
  for (const t of ['Hold for at least one business day if SLOs remain green.', 'All gates are green.', 'KPIs within budget', 'Error budget burn remains within the SLO.']) {
    assert.ok(readCheckText(t).refersToGates, t);
  }
  for (const t of ['Expand to external users in bounded cohort.', 'Open the gateway config']) assert.ok(!readCheckText(t).refersToGates, t);
});

test('says dependencies must be closed', () => {
  for (const t of ['Validate dependency issues are closed.', 'Release PR merged (#398)', 'OA-RUST-043 through OA-RUST-047 are closed.', 'All blockers resolved']) {
    assert.ok(readCheckText(t).dependenciesClosed, t);
  }
  for (const t of ['Verify migration/backfill jobs and sync tables are healthy.', 'Close the incident channel']) assert.ok(!readCheckText(t).dependenciesClosed, t);
});

test('reads as a command', () => {
  for (const t of ['Run runtime WS contract tests.', 'Execute the smoke suite', 'Smoke test passes', 'Deterministic failure-mode tests pass:']) assert.ok(readCheckText(t).readsAsCommand, t);
  for (const t of ['Route only internal users to WS-only lane.', 'Runbook reviewed']) assert.ok(!readCheckText(t).readsAsCommand, t);
});

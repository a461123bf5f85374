import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionRole } from '../../../../../src/core/runbook/rules/sectionRoles';

const ROLES: [string, ReturnType<typeof sectionRole>][] = [
  ['5. Rollback Procedure', 'rollback'],
  ['Roll back the database', 'rollback'],
  ['3. KPI and SLO Gates', 'gates'],
  ['Go/No-Go Gates', 'gates'],
  ['SLOs', 'gates'],
  ['Thresholds Applied', 'gates'],
  ['2. Rollout Stages', 'stages'],
  ['Staged Cutover Plan', 'stages'],
  ['Rollout order', 'stages'],
  ['Phases', 'stages'],
  ['Checklist', 'checklist'],
  ['Pre-flight checklist', 'checklist'],
  ['Preflight', 'checklist'],
  ['Verification', 'checklist'],
  ['Pass/Fail Criteria', 'checklist'],
  ['Acceptance', 'checklist'],
  ['Go/No-Go', 'checklist'],
  ['Exit criteria', 'checklist'],
  ['1. Preconditions', 'preconditions'],
  ['Prerequisites', 'preconditions'],
  ['Dependencies', 'preconditions'],
  ['6. Required Artifacts Per Gate Execution', 'artifacts'],
  ['4. Monitoring Commands', null],
  ['Stage Results', null],
  ['Summary', null],
];

test('section roles: what a heading says its section holds', () => {
  for (const [heading, role] of ROLES) assert.equal(sectionRole(heading), role, heading);
});

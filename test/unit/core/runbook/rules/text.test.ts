import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRollbackTitle, namesGates, parseStageMarker, shortSlug, slugify, titleLine } from '../../../../../src/core/runbook/rules/text';

test('stage markers in headings and list items', () => {
  assert.deepEqual(parseStageMarker('Stage 0: Gate preflight', false), { marker: 'Stage', number: 0, title: 'Gate preflight' });
  assert.deepEqual(parseStageMarker('3. Phase 2 - Canary', true), { marker: 'Phase', number: 2, title: 'Canary' });
  assert.deepEqual(parseStageMarker('Step 4 (verify)', false), { marker: 'Step', number: 4, title: 'verify' });
  assert.deepEqual(parseStageMarker('Stage 0 (gate preflight): PASS', false), { marker: 'Stage', number: 0, title: 'gate preflight' });
  assert.deepEqual(parseStageMarker('Stage 2+ (external canary)', false), { marker: 'Stage', number: 2, title: 'external canary' });
  assert.deepEqual(parseStageMarker('Phase 1 Preparation', true), { marker: 'Phase', number: 1, title: 'Preparation' });
  assert.deepEqual(parseStageMarker('Stage: Canary', true), { marker: 'Stage', number: null, title: 'Canary' });
});

test('prose that merely starts with the words is not a stage', () => {
  assert.equal(parseStageMarker('Step-by-step notes', true), null);
  assert.equal(parseStageMarker('Step 3 of the plan is risky', false), null);
  assert.equal(parseStageMarker('Stage directions', true), null);
  assert.equal(parseStageMarker('Staged rollout', true), null);
  assert.equal(parseStageMarker('Stage: x', false), null);
});

test('gate headings name gates, KPIs or SLOs', () => {
  for (const h of ['3. KPI and SLO Gates', 'Gates', 'Release gate', 'SLOs', 'KPI/SLO Snapshot', 'Gate checklist']) assert.ok(namesGates(h), h);
  for (const h of ['6. Required Artifacts Per Gate Execution', 'Monitoring Commands', 'Gateway config']) assert.ok(!namesGates(h), h);
});

test('rollback headings start or end with roll back', () => {
  for (const h of ['Rollback', '5. Rollback Procedure', 'Roll back the database', 'Emergency rollback', 'Rolling back']) assert.ok(isRollbackTitle(h), h);
  for (const h of ['Deploy with rollback window', 'Rollbackable deploys', 'Preconditions']) assert.ok(!isRollbackTitle(h), h);
});

test('slugs: GitHub anchors for sections, short ids for steps', () => {
  assert.equal(slugify('2. Rollout Stages'), '2-rollout-stages');
  assert.equal(slugify('Khala Runtime/Codex WS-Only Rollout Runbook'), 'khala-runtimecodex-ws-only-rollout-runbook');
  assert.equal(shortSlug('Fanout delivery metrics (environment URL and auth required)'), 'fanout-delivery-metrics');
  assert.equal(shortSlug('Check the state of the world today'), 'check-state-world-today');
  assert.equal(shortSlug('The'), 'the');
});

test('title line: the last line of a block, trailing colon dropped', () => {
  assert.equal(titleLine('Intro text.\nRuntime WS health:'), 'Runtime WS health');
  assert.equal(titleLine('  \n'), '');
});

test('decimal stage numbers', () => {
  assert.deepEqual(parseStageMarker('Step 2.3: Configure', true), { marker: 'Step', number: 2.3, title: 'Configure' });
  assert.deepEqual(parseStageMarker('Stage 0. Gate', false), { marker: 'Stage', number: 0, title: 'Gate' });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarrative, parseStageMarker, stageBaseId, stageLabel, stageOrderKey } from '../../../../../src/core/runbook/rules/stageMarkers';

// [line, heading?, marker, key, title] — what each form of stage line reads as.
const STAGES: [string, boolean, string, string | null, string][] = [
  ['Stage 0: Gate preflight', false, 'Stage', '0', 'Gate preflight'],
  ['3. Phase 2 - Canary', true, 'Phase', '2', 'Canary'],
  ['Step 4 (verify)', false, 'Step', '4', 'verify'],
  ['Stage 0 (gate preflight): PASS', false, 'Stage', '0', 'gate preflight'],
  ['Stage 2+ (external canary)', false, 'Stage', '2+', 'external canary'],
  ['Phase 1 Preparation', true, 'Phase', '1', 'Preparation'],
  ['Stage: Canary', true, 'Stage', null, 'Canary'],
  ['Stage A (0%)', false, 'Stage', 'A', '0%'],
  ['Stage A — internal (0%)', true, 'Stage', 'A', 'internal (0%)'],
  ['Stage E', true, 'Stage', 'E', ''],
  ['Stage E', false, 'Stage', 'E', ''],
  ['Wave 1', true, 'Wave', '1', ''],
  ['Ring 0: dogfood', false, 'Ring', '0', 'dogfood'],
  ['Canary (5%)', true, 'Canary', null, '5%'],
  ['Canary analysis', true, 'Canary', null, 'analysis'],
  ['Step 2.3: Configure', true, 'Step', '2.3', 'Configure'],
  ['Stage 0. Gate', false, 'Stage', '0', 'Gate'],
  ['Stage 2a: second half', false, 'Stage', '2a', 'second half'],
];

test('stage lines: marker, key and title of every form', () => {
  for (const [line, heading, marker, key, title] of STAGES) {
    const m = parseStageMarker(line, heading);
    assert.ok(m, line);
    assert.deepEqual([m.marker, m.key, m.title], [marker, key, title], line);
  }
});

test('not stages: prose that starts with the words, narrative lines, plurals', () => {
  const NOT: [string, boolean][] = [
    ['Step-by-step notes', true], ['Step 3 of the plan is risky', false], ['Stage directions', true], ['Staged rollout', true],
    ['Stage: x', false], ['Stages', true], ['Steps to reproduce', true], ['Phase 1: I shipped the schema change', true],
    ['Phase 2: We moved the readers', true], ['Phase 3: Rolled back once', true], ['Stage Alpha', false], ['Canary: 5% for an hour', false],
    ['Stage A/B testing notes', true], ['Canary deploy is healthy', false],
  ];
  for (const [line, heading] of NOT) assert.equal(parseStageMarker(line, heading), null, line);
  assert.ok(parseStageMarker('1. Canary: 5% for an hour', false) === null, 'a bullet or item without a key needs to be a heading');
});

test('narrative: first person or a past-tense report', () => {
  for (const t of ['I shipped the flag', 'We backfilled', 'then I rolled it back', 'Shipped on Monday', 'Rolled back at 14:02']) assert.ok(isNarrative(t), t);
  for (const t of ['Gate preflight', 'Internal canary (employees/admins)', 'us-east-1', 'Verify the readers']) assert.ok(!isNarrative(t), t);
});

test('ids and labels as reports print them', () => {
  const cases: [string, boolean, string, string][] = [
    ['Stage 0: Gate preflight', false, 'stage-0', 'Stage 0 (Gate preflight)'],
    ['Stage A (0%)', false, 'stage-a', 'Stage A (0%)'],
    ['Stage 2+ (external canary)', false, 'stage-2plus', 'Stage 2+ (external canary)'],
    ['Stage 1: Internal canary (employees/admins)', false, 'stage-1', 'Stage 1 — Internal canary (employees/admins)'],
    ['Stage E', true, 'stage-e', 'Stage E'],
    ['Stage: Canary', true, 'stage-canary', 'Stage: Canary'],
    ['Canary (5%)', true, 'canary-5', 'Canary (5%)'],
    ['Step 2.3: Configure', true, 'stage-2-3', 'Step 2.3 (Configure)'],
  ];
  for (const [line, heading, id, label] of cases) {
    const m = parseStageMarker(line, heading)!;
    assert.deepEqual([stageBaseId(m), stageLabel(m)], [id, label], line);
  }
});

test('stage order: digits by value then suffix, letters alphabetically, each family apart', () => {
  const rank = (k: string): number => stageOrderKey(k)!.rank;
  assert.ok(rank('2') < rank('2a') && rank('2a') < rank('2+') && rank('2+') < rank('3'));
  assert.ok(rank('A') < rank('B'));
  assert.equal(stageOrderKey('A')?.family, 'letter');
  assert.equal(stageOrderKey('0')?.family, 'digit');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Stage } from '../../../../src/core/runbook/model';
import { stageFinder, stageMatches } from '../../../../src/core/runbook/stageReference';

function stage(id: string, key: string | null, title: string, label = title): Stage {
  const number = key !== null && /^\d+/.test(key) ? Number(/^\d+/.exec(key)![0]) : null;
  return { id, kind: 'stage', key, number, marker: 'Stage', title, label, range: { startLine: 1, endLine: 1 } as Stage['range'], sectionId: null, checkIds: [] };
}

const STAGES = [stage('stage-0', '0', 'Gate preflight', 'Stage 0 (Gate preflight)'), stage('stage-a', 'A', 'canary', 'Stage A (canary)'), stage('stage-2plus', '2+', 'External canary'), stage('rollback', null, 'Rollback')];

test('stageFinder finds what the user types: number, key, id, title, label, with or without the word', () => {
  const find = stageFinder(STAGES);
  const found = (ref: string) => find(ref)?.id ?? null;
  assert.equal(found('0'), 'stage-0');
  assert.equal(found('Stage 0'), 'stage-0');
  assert.equal(found('stage-0'), 'stage-0');
  assert.equal(found('gate preflight'), 'stage-0');
  assert.equal(found('a'), 'stage-a');
  assert.equal(found('Phase A'), 'stage-a');
  assert.equal(found('2+'), 'stage-2plus');
  assert.equal(found('2'), null, '"2" is not "2+"');
  assert.equal(found('Rollback'), 'rollback');
  assert.equal(found('9'), null);
  assert.equal(found(''), null);
});

test('stageFinder takes a caller\'s other namings, looked up by their spellings', () => {
  const find = stageFinder(STAGES);
  assert.equal(find('2', { spellings: ['#2'], matches: (s) => String(s.number) === '2' })?.id, 'stage-2plus');
  assert.equal(find('zzz', { spellings: [], matches: () => true }), undefined, 'a naming is tried only on stages its spellings reach');
});

test('stageFinder sees a renamed stage at once (the index of the last stages is reused only while every naming is the same)', () => {
  const before = [stage('stage-1', '1', 'Canary'), stage('stage-2', '2', 'Rollout')];
  assert.equal(stageFinder(before)('canary')?.id, 'stage-1');
  const same = [stage('stage-1', '1', 'Canary'), stage('stage-2', '2', 'Rollout')];
  assert.equal(stageFinder(same)('rollout'), same[1], 'the reused index points into the stages it is given');
  const renamed = [stage('stage-1', '1', 'Pilot'), stage('stage-2', '2', 'Rollout')];
  assert.equal(stageFinder(renamed)('canary'), undefined);
  assert.equal(stageFinder(renamed)('pilot')?.id, 'stage-1');
});

// The index must agree with testing every stage in order, on stages that share names and numbers.
test('stageFinder agrees with a scan of every stage (property)', () => {
  const word = fc.constantFrom('0', '1', '2', '2+', '01', 'a', 'A', 'b', 'canary', 'Canary', 'stage-0', 'stage-1', 'stage-a', 'Stage 1', 'phase 2', 'wave a', 'rollback', ' 1 ', '');
  const arbitraryStage = fc.record({ id: word, key: fc.option(word), title: word, label: word }).map((s) => stage(s.id, s.key, s.title, s.label));
  fc.assert(fc.property(fc.array(arbitraryStage, { maxLength: 8 }), word, (stages, reference) => {
    const lower = reference.toLowerCase();
    const other = { spellings: [`stage-${lower}`, ...(/^\d+$/.test(lower) ? [`#${Number(lower)}`] : [])], matches: (s: Stage) => s.id === `stage-${lower}` || (s.number !== null && String(s.number) === lower) };
    assert.equal(stageFinder(stages)(reference), stages.find((s) => stageMatches(s, reference)));
    assert.equal(stageFinder(stages)(reference, other), stages.find((s) => stageMatches(s, reference) || other.matches(s)));
  }));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordIndex } from '../../../../src/core/run/recordIndex';
import { check, definition, recordWith, stage, step } from '../../fakes/runDefinitions';

test('recordIndex finds what find would (the first of an id), and is made again when a list grows', () => {
  const record = recordWith(definition({
    stages: [stage('stage-1', ['stage-1.1'])],
    checks: [check('stage-1.1', 'command', { stepIds: ['a'] })],
    steps: [step('a'), step('b')],
  }), { stageIds: ['stage-1'] });
  const index = recordIndex(record);
  assert.equal(recordIndex(record), index, 'made once per record');
  assert.equal(index.steps.get('b'), record.steps[1]);
  assert.equal(index.checks.get('stage-1.1'), record.checks[0]);
  assert.equal(index.stages.get('nope'), undefined);
  // upgradeRecord pushes to the lists of a record it reads: the index follows.
  const twin = { ...record.steps[0]!, title: 'second a' };
  record.steps.push(twin, { ...record.steps[1]!, id: 'c' });
  assert.equal(recordIndex(record).steps.get('a'), record.steps[0], 'the first of an id, as find gives');
  assert.equal(recordIndex(record).steps.get('c'), record.steps[3]);
});

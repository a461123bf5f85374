import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attemptLabels } from '../../../../src/core/editor/panelView';

test('attempts are named by number, and by session too where two sessions share a number', () => {
  assert.deepEqual(attemptLabels([{ n: 1, session: 1 }, { n: 2, session: 1 }]), ['#1', '#2']);
  assert.deepEqual(
    attemptLabels([{ n: 1, session: 1 }, { n: 2, session: 1 }, { n: 2, session: 2 }, { n: 3, session: 2 }]),
    ['#1', '#2 · session 1', '#2 · session 2', '#3'],
  );
  assert.deepEqual(attemptLabels([]), []);
});

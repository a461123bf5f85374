import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunbook } from '../../../../../src/core/runbook/parseRunbook';

const orderWarnings = (headings: string[]): string[] =>
  parseRunbook(headings.map((h) => `## ${h}\n\n- x\n`).join('\n')).diagnostics.filter((d) => d.code === 'stage-order').map((d) => d.message);

test('stage order: numbers, suffixes and letters, each family on its own', () => {
  assert.deepEqual(orderWarnings(['Stage 0: a', 'Stage 1: b', 'Stage 2: c', 'Stage 2+: d', 'Stage 3: e']), []);
  assert.deepEqual(orderWarnings(['Stage A', 'Stage B', 'Stage C', 'Stage 1: numbers apart', 'Stage 2: b']), []);
  assert.deepEqual(orderWarnings(['Stage A', 'Stage C', 'Stage B']), ['Stage B comes after Stage C: letter stages in the order they run.']);
  assert.deepEqual(orderWarnings(['Stage 4: a', 'Stage 3: b']), ['Stage 3 comes after Stage 4: number stages in the order they run.']);
  assert.deepEqual(orderWarnings(['Stage 1: a', 'Stage 1: again']), ['Stage 1 appears again (line 1): number stages in the order they run.']);
  assert.deepEqual(orderWarnings(['Canary', 'Stage: named', 'Stage 0: a']), [], 'named stages have no order');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunbook } from '../../../../../src/core/runbook/parseRunbook';

test('a report of ours: the marker comment is the first block (after front matter)', () => {
  assert.equal(parseRunbook('<!-- runbook-gate:report v1 -->\n# Gate report\n').generated, true);
  assert.equal(parseRunbook('---\ntitle: x\n---\n<!-- runbook-gate:report -->\n# Gate report\n').generated, true);
  assert.equal(parseRunbook('# Runbook\n\n<!-- runbook-gate:report -->\n').generated, false, 'not first: a runbook quoting the marker');
  assert.equal(parseRunbook('<!-- runbook-gate:reporter -->\n# x\n').generated, false);
  assert.equal(parseRunbook('# Runbook\n').generated, false);
});

test('a report of ours is still modelled', () => {
  const model = parseRunbook('<!-- runbook-gate:report -->\n# Report\n\n## Stage Results\n\n1. Stage 0 (gate preflight): PASS\n');
  assert.deepEqual(model.stages.map((s) => s.id), ['stage-0']);
});

// Issue references: ids, roles with their reason, and the check that names them (rules/references.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunbook } from '../../../../../src/core/runbook/parseRunbook';

test('dependency vs citation across a runbook', () => {
  const text = [
    '---', 'issue: 50', '---', '# Runbook', '', 'Issue: OA-1 (#40)', '', 'Follows the design in #41. This closes #50.', '',
    '## Preconditions', '', '- Schema change #42 deployed.', '',
    '## Stage 1: Go', '', '- Blocked by #43.', '- See #44 for context.', '',
    '```bash', 'gh issue view 45', '```', '',
  ].join('\n');
  const model = parseRunbook(text, { defaultRepo: 'o/r' });
  assert.deepEqual(model.issues.map((r) => [r.id, r.number, r.role, r.why, r.checkId]), [
    ['ref-1', 40, 'citation', "the document's Issue: line", null],
    ['ref-2', 41, 'citation', 'cited', null],
    ['ref-3', 50, 'citation', 'the front matter issue', null],
    ['ref-4', 42, 'dependency', 'Preconditions section', null],
    ['ref-5', 43, 'dependency', "next to 'blocked by'", 'stage-1.1'],
    ['ref-6', 44, 'citation', 'cited', 'stage-1.2'],
    ['ref-7', 45, 'dependency', 'gh issue view in a step', 'stage-1.3'],
  ]);
  assert.deepEqual(model.context.issue, { text: '50', number: 50, repo: 'o/r' });
});

test('a reference in a bound step belongs to the check that runs the step', () => {
  const model = parseRunbook('## Stage 1: Go\n\n- Dependencies closed <!-- runbook: run=deps -->\n\n## Commands\n\n```bash { name=deps }\nfor i in 7 8; do gh issue view "$i"; done\n```\n');
  assert.deepEqual(model.issues.map((r) => [r.number, r.role, r.checkId]), [[7, 'dependency', 'stage-1.1'], [8, 'dependency', 'stage-1.1']]);
  assert.deepEqual(model.checks[0]?.issueIds, ['ref-1', 'ref-2']);
});

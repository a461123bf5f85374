import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referenceCue, referenceRole, type RoleInput } from '../../../../../src/core/runbook/rules/issueRoles';

const plain: RoleInput = { source: 'text', cue: null, issueLine: false, preconditions: null, frontMatterIssue: false };

test('roles and why, in order of precedence', () => {
  const cases: [Partial<RoleInput>, string, string][] = [
    [{ issueLine: true, cue: 'closed' }, 'citation', "the document's Issue: line"],
    [{ frontMatterIssue: true }, 'citation', 'the front matter issue'],
    [{ source: 'gh-loop' }, 'dependency', 'gh issue view loop'],
    [{ source: 'gh-view' }, 'dependency', 'gh issue view in a step'],
    [{ preconditions: 'Preconditions' }, 'dependency', 'Preconditions section'],
    [{ cue: 'blocked by' }, 'dependency', "next to 'blocked by'"],
    [{}, 'citation', 'cited'],
  ];
  for (const [input, role, why] of cases) assert.deepEqual(referenceRole({ ...plain, ...input }), { role, why }, JSON.stringify(input));
});

test('the cue is read in the sentence that holds the reference', () => {
  const text = 'Blocked by #1920 and acme/api#12. The retro in #1930 explains why. Depends on #1940.';
  assert.equal(referenceCue(text, '#1920', 0).cue, 'blocked by');
  assert.equal(referenceCue(text, 'acme/api#12', 0).cue, 'blocked by');
  assert.equal(referenceCue(text, '#1930', 0).cue, null);
  assert.equal(referenceCue(text, '#1940', 0).cue, 'depends on');
  assert.equal(referenceCue('Convex readers removed (#1893 closed)', '#1893', 0).cue, 'closed');
  assert.equal(referenceCue('See #190 for the original design discussion.', '#190', 0).cue, null);
});

test('the sentence is read at most 240 characters either side of the reference', () => {
  const filler = (n: number) => 'x'.repeat(n);
  assert.equal(referenceCue(`Blocked by ${filler(200)} #7 and more`, '#7', 0).cue, 'blocked by');
  assert.equal(referenceCue(`Blocked by ${filler(300)} #7 and more`, '#7', 0).cue, null, 'a cue a page away is not next to it');
  assert.equal(referenceCue(`#7 ${filler(240)} closed`, '#7', 0).cue, null, 'nor after it');
  assert.equal(referenceCue(`#7 ${filler(200)} closed`, '#7', 0).cue, 'closed');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutWithEllipsis } from '../../../../src/core/text/cut';

test('cutWithEllipsis keeps what fits and cuts the rest to max characters, "…" included', () => {
  assert.equal(cutWithEllipsis('deploy', 6), 'deploy');
  assert.equal(cutWithEllipsis('deploy the service', 10), 'deploy th…');
  assert.equal(cutWithEllipsis('deploy the service', 10).length, 10);
  assert.equal(cutWithEllipsis('abc', 1), '…');
});

test('cutWithEllipsis never ends on half a surrogate pair', () => {
  // "ok 🚀 go": the rocket is two UTF-16 units at 3 and 4; a cut after 4 units would split it.
  assert.equal(cutWithEllipsis('ok 🚀 go', 5), 'ok …');
  assert.equal(cutWithEllipsis('ok 🚀 go', 6), 'ok 🚀…');
  const cut = cutWithEllipsis('🚀'.repeat(50), 10);
  assert.equal(cut, `${'🚀'.repeat(4)}…`);
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut), 'no lone high surrogate');
});

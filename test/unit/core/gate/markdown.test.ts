import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, inlineCode, linkTarget, plainText, relativePosix, tableCell } from '../../../../src/core/gate/markdown';

test('inlineCode picks a fence longer than any backtick run and pads edge backticks', () => {
  assert.equal(inlineCode('ls -la'), '`ls -la`');
  assert.equal(inlineCode('echo `date`'), '`` echo `date` ``');
  assert.equal(inlineCode('a ``b`` c'), '```a ``b`` c```');
  assert.equal(inlineCode('line1\nline2'), '`line1 line2`');
});

test('plainText and tableCell keep command output from becoming markup', () => {
  assert.equal(plainText('<b>x</b> *y* [a](b) RUNTIME_KHALA_X [svc]'), '\\<b\\>x\\</b\\> \\*y\\* [a\\](b) RUNTIME_KHALA_X [svc]');
  assert.equal(tableCell('a | b\nc'), 'a \\| b c');
});

test('relativePosix links from the report folder to the run directory', () => {
  assert.equal(relativePosix('docs/status', '.runbook-gate/runs/x/run.json'), '../../.runbook-gate/runs/x/run.json');
  assert.equal(relativePosix('', 'runs/x/logs'), 'runs/x/logs');
  assert.equal(relativePosix('runs/x', 'runs/x/logs/a.log'), 'logs/a.log');
  assert.equal(linkTarget('my runs/a.log'), '<my runs/a.log>');
});

test('formatDuration', () => {
  assert.equal(formatDuration(null), '—');
  assert.equal(formatDuration(240), '240 ms');
  assert.equal(formatDuration(1240), '1.2s');
  assert.equal(formatDuration(12_340), '12.3s');
  assert.equal(formatDuration(125_000), '2m05s');
});

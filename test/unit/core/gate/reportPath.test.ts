import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultReportPath, runbookSlug } from '../../../../src/core/gate/reportPath';
import { runbook } from './fixtures';

test('default report path: front matter folder, dated by the run, slug of the runbook file', () => {
  const book = runbook({ frontMatter: { report: 'docs/sync/status/' } });
  assert.equal(defaultReportPath(book, 'docs/RUNTIME_CUTOVER Runbook.md', '2026-02-21T10:00:00.000Z'), 'docs/sync/status/2026-02-21-runtime-cutover-runbook-gate.md');
});

test('default report path: docs/status without front matter; a .md front matter value is the file', () => {
  assert.equal(defaultReportPath(runbook({ frontMatter: {} }), 'examples/release-checklist.md', '2026-11-23T01:00:00Z'), 'docs/status/2026-11-23-release-checklist-gate.md');
  assert.equal(defaultReportPath(runbook({ frontMatter: { report: './out/gate.md' } }), 'x.md', '2026-11-23T01:00:00Z'), 'out/gate.md');
  assert.equal(runbookSlug('a/b/___.md'), 'runbook');
});

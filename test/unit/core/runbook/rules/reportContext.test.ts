import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportContext, parseIssueText, readMetaLine, reportPathIn } from '../../../../../src/core/runbook/rules/reportContext';

test('header lines: Owner, Owner lane, Operator lane, Issue, Scope; bold and trailing hard breaks', () => {
  const cases: [string, string, string][] = [
    ['Owner: Khala lane (`apps/runtime`)  ', 'owner', 'Khala lane (`apps/runtime`)'],
    ['Owner lane: `owner:khala`', 'owner', '`owner:khala`'],
    ['**Owner:** Written owner', 'owner', 'Written owner'],
    ['**Owner**: Written owner', 'owner', 'Written owner'],
    ['Issue: OA-RUST-110 (#1935)', 'issue', 'OA-RUST-110 (#1935)'],
    ['Scope: Gate G7 hardening', 'scope', 'Gate G7 hardening'],
  ];
  for (const [line, key, text] of cases) assert.deepEqual(readMetaLine(line), { key, text }, line);
  for (const line of ['Owners of the dashboards are listed below', 'Issue', 'The scope: narrow']) assert.equal(readMetaLine(line), null, line);
});

test('issue text: #N, owner/repo#N, URL, bare number, a tracker key alone', () => {
  assert.deepEqual(parseIssueText('OA-RUST-110 (`#1935`)', 'o/r'), { text: 'OA-RUST-110 (`#1935`)', number: 1935, repo: 'o/r' });
  assert.deepEqual(parseIssueText('acme/orders#221', null), { text: 'acme/orders#221', number: 221, repo: 'acme/orders' });
  assert.deepEqual(parseIssueText('https://github.com/acme/ops/issues/77', null), { text: 'https://github.com/acme/ops/issues/77', number: 77, repo: 'acme/ops' });
  assert.deepEqual(parseIssueText('1863', 'o/r'), { text: '1863', number: 1863, repo: 'o/r' });
  assert.deepEqual(parseIssueText('KHALA-022', 'o/r'), { text: 'KHALA-022', number: null, repo: null });
});

test('report folder: a folder or .md path in an artifacts item that speaks of a report', () => {
  assert.equal(reportPathIn('Gate report in docs/sync/status/ with explicit stage-by-stage pass/fail.', ['docs/sync/status/']), 'docs/sync/status/');
  assert.equal(reportPathIn('Reports go to docs/gate.md', ['docs/gate.md']), 'docs/gate.md');
  assert.equal(reportPathIn('Logs in logs/', ['logs/']), null);
  assert.equal(reportPathIn('Gate report with command evidence', []), null);
});

test('front matter overrides each field', () => {
  const meta = [{ key: 'owner' as const, text: 'Written' }, { key: 'issue' as const, text: '#12' }, { key: 'scope' as const, text: 'Scope line' }];
  const written = buildReportContext({ title: 'Heading', meta, reportFolder: 'docs/a/', frontMatter: {}, defaultRepo: 'o/r' });
  assert.deepEqual(written, { title: 'Heading', owner: 'Written', issue: { text: '#12', number: 12, repo: 'o/r' }, scope: 'Scope line', reportFolder: 'docs/a/', template: null });
  const fm = buildReportContext({ title: 'Heading', meta, reportFolder: 'docs/a/', frontMatter: { title: 'FM', owner: '@fm', issue: '77', report: 'docs/b/', template: 'drill', repo: 'acme/x' }, defaultRepo: 'o/r' });
  assert.deepEqual(fm, { title: 'FM', owner: '@fm', issue: { text: '77', number: 77, repo: 'acme/x' }, scope: 'Scope line', reportFolder: 'docs/b/', template: 'drill' });
});

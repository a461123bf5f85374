// results.tsv and SUMMARY.md from a record and its decision: one TSV row per check and per
// harness row, cells that cannot break a row, the seed-002 counts line, escaped ids and paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { RESULTS_TSV_COLUMNS, renderResultsTsv, renderRunSummary, tsvCell } from '../../../../src/core/report/artifacts';
import { seed000Decision, seed000Record } from './fixtures/seed000';
import { seed002Decision, seed002Record } from './fixtures/seed002';

const expectedDir = join(dirname(fileURLToPath(import.meta.url)), 'expected');

function golden(name: string, actual: string): void {
  const path = join(expectedDir, name);
  if (process.env.UPDATE === '1') {
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs from its golden (UPDATE=1 to rewrite, then review the diff)`);
}

test('results.tsv: a row per check, then its harness rows as <check>/<row>; the harness exited 0 but its check failed', () => {
  const tsv = renderResultsTsv(seed002Record, seed002Decision);
  golden('seed002-results.tsv', tsv);
  const rows = tsv.trimEnd().split('\n').map((line) => line.split('\t'));
  assert.deepEqual(rows[0], [...RESULTS_TSV_COLUMNS]);
  assert.deepEqual(rows[1]!.slice(0, 5), ['validation-matrix.1', 'Run the Rust cutover validation matrix against staging and production.', 'true', 'failed', '0']);
  assert.equal(rows.length, 1 + 1 + 12);
  assert.deepEqual(rows[2]!.slice(0, 4), ['validation-matrix.1/control-staging-health', 'Control staging health', 'true', 'failed']);
  assert.deepEqual(rows.at(-1)!.slice(0, 4), ['validation-matrix.1/runtime-canary-status', 'Runtime canary status', 'false', 'skipped']);
  assert.equal(rows[2]![7], 'logs/validate-rust-cutover.1.log');
});

test('results.tsv: checks of every kind, with the facts each has', () => {
  const rows = renderResultsTsv(seed000Record, seed000Decision).trimEnd().split('\n').map((line) => line.split('\t'));
  const byId = new Map(rows.map((r) => [r[0], r]));
  assert.deepEqual(byId.get('stage-0.2'), ['stage-0.2', 'Run runtime WS contract tests.', 'true', 'passed', '0', '83400', '2026-02-21T09:02:00.000Z', 'logs/runtime-ws-health.1.log']);
  assert.deepEqual(byId.get('stage-1.2')?.slice(3), ['passed', '', '', '2026-02-21T09:10:00.000Z', '']);
  assert.deepEqual(byId.get('stage-2.1')?.slice(3), ['blocked', '', '', '2026-02-21T10:41:00.000Z', '']);
  assert.equal(rows.length, 1 + 7);
});

test('tsvCell: tabs, line breaks, backslashes and control characters cannot break a row', () => {
  assert.equal(tsvCell('a\tb\nc\r\\d\u001b[31m\u202e'), 'a\\tb\\nc\\r\\\\d\\u001b[31m\\u202e');
  assert.equal(tsvCell(null), '');
  assert.equal(tsvCell(false), 'false');
  const record = structuredClone(seed002Record);
  record.checks[0]!.text = 'evil\ttitle\nwith | pipes';
  for (const row of record.steps[0]!.attempts[0]!.results!.rows) row.title = 'x\ty\nz';
  const tsv = renderResultsTsv(record, seed002Decision);
  assert.equal(tsv.split('\n').length, 1 + 13 + 1);
  for (const line of tsv.trimEnd().split('\n')) assert.equal(line.split('\t').length, 8, line);
});

test('SUMMARY.md: the counts line of seed 002, the decision, stages and checks', () => {
  const summary = renderRunSummary(seed002Record, seed002Decision);
  assert.ok(summary.includes('\nOverall: `failed` (`7` required failures, `4` required passes, `1` optional skipped).\n'));
  assert.ok(summary.includes('\nDecision: **No-Go**\n'));
  assert.ok(summary.includes('| Validation matrix | FAIL | 0 of 1 |'));
  assert.ok(summary.includes('| `validation-matrix.1/runtime-migration-drift` Runtime migration drift | yes | failed | 0 | 3m11s |'));
  golden('seed000-SUMMARY.md', renderRunSummary(seed000Record, seed000Decision));
});

test('SUMMARY.md: hostile ids, titles and paths stay inside their cells', () => {
  const record = structuredClone(seed000Record);
  record.runbook.title = 'Evil | `x` </details><script>';
  for (const c of record.checks) c.text = `${c.text} | \`tick\` <b>\n- item`;
  for (const c of record.checks) c.outcome = '\u001b[31m| red';
  record.steps[0]!.attempts[0]!.logPath = 'logs/a b|(c).log';
  const summary = renderRunSummary(record, seed000Decision);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(summary) as { children: Array<{ type: string; children?: Array<{ children?: unknown[] }> }> };
  const tables = tree.children.filter((n) => n.type === 'table');
  assert.deepEqual(tables.map((t) => t.children!.map((row) => row.children!.length)), [[3, 3, 3, 3], [7, 7, 7, 7, 7, 7, 7, 7]]);
  assert.equal(tree.children.filter((n) => n.type === 'html').length, 0);
  assert.ok(!summary.includes("\u001b"), "no ESC");
});

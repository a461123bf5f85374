import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultsFileCandidates } from '../../../../src/core/evidence/harness';

test('paths a harness says it wrote, in the ways harnesses say it', () => {
  assert.deepEqual(resultsFileCandidates('wrote docs/reports/x/20260221T192746Z/results.tsv\n'), ['docs/reports/x/20260221T192746Z/results.tsv']);
  assert.deepEqual(resultsFileCandidates('Results: /w/out/results.csv'), ['/w/out/results.csv']);
  assert.deepEqual(resultsFileCandidates('JUnit report written to out/junit.xml.'), ['out/junit.xml']);
  assert.deepEqual(resultsFileCandidates('- generated xml file: /tmp/pytest/report.xml -'), ['/tmp/pytest/report.xml']);
  assert.deepEqual(resultsFileCandidates('TAP saved (./results.tap)'), ['./results.tap']);
  assert.deepEqual(resultsFileCandidates('RESULTS="out/r.tsv"; JUNIT=out/j.xml'), ['out/r.tsv', 'out/j.xml']);
  assert.deepEqual(resultsFileCandidates('\u001b[32mwrote out/colour.tsv\u001b[0m'), ['out/colour.tsv']);
});

test('seed 002\'s artifact list: results.tsv before SUMMARY.md, each path once', () => {
  const output = [
    'Overall: failed (7 required failures, 4 required passes, 1 optional skipped)',
    'Artifacts:',
    '- `docs/reports/rust-cutover-validation/20260221T192746Z/SUMMARY.md`',
    '- `docs/reports/rust-cutover-validation/20260221T192746Z/results.tsv`',
    '- `docs/reports/rust-cutover-validation/20260221T192746Z/logs/`',
    'see docs/reports/rust-cutover-validation/20260221T192746Z/results.tsv',
  ].join('\n');
  assert.deepEqual(resultsFileCandidates(output), [
    'docs/reports/rust-cutover-validation/20260221T192746Z/results.tsv',
    'docs/reports/rust-cutover-validation/20260221T192746Z/SUMMARY.md',
  ]);
});

test('lines that speak of writing or results come before other mentions', () => {
  const output = 'reading config from ci/settings.xml\nall checks done\nreport: out/junit.xml\n';
  assert.deepEqual(resultsFileCandidates(output), ['out/junit.xml', 'ci/settings.xml']);
});

test('not paths: other extensions, URLs, unexpanded variables, longer extensions, ellipses', () => {
  const output = [
    'wrote out/results.json and out/log.txt',
    'fetched https://example.com/report.xml',
    'wrote $OUT/results.tsv',
    'wrote out/results.tsv.gz',
    'docs/.../results.tsv is where it goes',
  ].join('\n');
  assert.deepEqual(resultsFileCandidates(output), []);
});

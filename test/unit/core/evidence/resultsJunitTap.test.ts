import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResultsFile } from '../../../../src/core/evidence/harness';
import type { SubResult } from '../../../../src/core/run/record';

const row = (id: string, title: string, status: SubResult['status'], required = true, detail = ''): SubResult => ({ id, title, required, status, detail });

test('JUnit: failure and error fail, skipped is an optional skip, the rest pass; suites may nest', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="smoke">
    <testcase classname="smoke" name="healthz" time="0.1"/>
    <testcase classname="smoke" name="readyz"><failure message="expected 200, got 404">trace</failure></testcase>
    <testcase classname="smoke" name="metrics"><error type="TimeoutError">Timeout of 2000ms exceeded
      at x.js:1</error></testcase>
    <testcase classname="smoke" name="replay"><skipped message="no fixtures"/></testcase>
    <testcase classname="smoke" name="legacy"><skipped/></testcase>
    <testsuite name="inner"><testcase name="nested &amp; escaped"/></testsuite>
  </testsuite>
</testsuites>`;
  assert.deepEqual(parseResultsFile('out/junit.xml', xml), {
    file: 'out/junit.xml', format: 'junit', error: null,
    rows: [
      row('smoke.healthz', 'healthz', 'passed'),
      row('smoke.readyz', 'readyz', 'failed', true, 'expected 200, got 404'),
      row('smoke.metrics', 'metrics', 'failed', true, 'Timeout of 2000ms exceeded'),
      row('smoke.replay', 'replay', 'skipped', false, 'no fixtures'),
      row('smoke.legacy', 'legacy', 'skipped', false),
      row('nested & escaped', 'nested & escaped', 'passed'),
    ],
  });
});

test('JUnit: a bare <testsuite> root; optional by property (testcase or suite) or by a name marker', () => {
  const xml = `<testsuite name="gate">
  <properties><property name="optional" value="false"/></properties>
  <testcase name="required by default"><failure message="boom"/></testcase>
  <testcase name="dashboards [optional]"><failure message="no panel"/></testcase>
  <testcase name="flaky probe"><properties><property name="optional" value="true"/></properties><failure/></testcase>
  <testcase name="declared required"><properties><property name="required" value="false"/></properties></testcase>
  <testsuite name="advisory"><properties><property name="optional" value="yes"/></properties>
    <testcase name="lint"/>
    <testcase name="but this one is required"><properties><property name="optional" value="0"/></properties></testcase>
  </testsuite>
</testsuite>`;
  const { rows, error } = parseResultsFile('TEST-gate.xml', xml);
  assert.equal(error, null);
  assert.deepEqual(rows.map((r) => [r.title, r.status, r.required]), [
    ['required by default', 'failed', true],
    ['dashboards [optional]', 'failed', false],
    ['flaky probe', 'failed', false],
    ['declared required', 'passed', false],
    ['lint', 'passed', false],
    ['but this one is required', 'passed', true],
  ]);
});

test('JUnit: malformed XML, another XML document and an empty report are refused with a reason', () => {
  const error = (xml: string) => parseResultsFile('junit.xml', xml).error;
  assert.equal(error('<testsuite><testcase name="a"></testsuite>'), "JUnit XML is not well-formed: Expected closing tag 'testcase' (opened in line 1, col 12) instead of closing tag 'testsuite'. (line 1)");
  assert.equal(error('<project><build/></project>'), 'not a JUnit report: no <testsuites> or <testsuite> element');
  assert.equal(error('<testsuites><testsuite name="empty"/></testsuites>'), 'JUnit report has no <testcase> elements');
  assert.match(error('not xml at all')!, /^JUnit XML is not well-formed: /);
});

test('TAP: not ok fails, SKIP is an optional skip, TODO is optional, diagnostics give the detail', () => {
  const tap = [
    'TAP version 14',
    '1..5',
    'ok 1 - healthz',
    'not ok 2 - readyz',
    '  ---',
    '  message: "404 on /readyz"',
    '  ...',
    'ok 3 - replay # SKIP no fixtures',
    'not ok 4 - dashboards # TODO not provisioned',
    '# Subtest: contract',
    '    1..1',
    '    not ok 1 - inner detail is summed up by its parent',
    'not ok 5 - contract',
  ].join('\n');
  assert.deepEqual(parseResultsFile('results.tap', tap), {
    file: 'results.tap', format: 'tap', error: null,
    rows: [
      row('1', 'healthz', 'passed'),
      row('2', 'readyz', 'failed', true, '404 on /readyz'),
      row('3', 'replay', 'skipped', false, 'no fixtures'),
      row('4', 'dashboards', 'failed', false, 'TODO not provisioned'),
      row('5', 'contract', 'failed'),
    ],
  });
});

test('TAP: a broken plan or a bail-out is a required failure (the harness did not finish)', () => {
  const short = parseResultsFile('r.tap', '1..3\nok 1 - a\nok 2 - b\n');
  assert.deepEqual(short.rows.at(-1), row('plan', 'TAP plan', 'failed', true, 'planned 3 tests, 2 ran'));
  const noPlan = parseResultsFile('r.tap', 'ok 1 - a\nok 2 - b\n');
  assert.deepEqual(noPlan.rows.at(-1), row('plan', 'TAP plan', 'failed', true, 'no plan: 2 tests ran, the stream may be incomplete'));
  const bailed = parseResultsFile('r.tap', 'TAP version 13\n1..2\nok 1 - a\nBail out! database down\n');
  assert.deepEqual(bailed.rows.map((r) => [r.id, r.status, r.detail]), [['1', 'passed', ''], ['bail-out', 'failed', 'database down']]);
});

test('TAP: text with no test points is refused', () => {
  assert.equal(parseResultsFile('r.tap', 'hello\nworld\n').error, 'not TAP: no test points ("ok N", "not ok N") found');
  assert.equal(parseResultsFile('r.tap', '1..0 # SKIP nothing to do\n').error, 'not TAP: no test points ("ok N", "not ok N") found');
});

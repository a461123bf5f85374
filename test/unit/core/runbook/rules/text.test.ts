import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isRollbackTitle, namesGates, shortSlug, slugify, titleLine } from '../../../../../src/core/runbook/rules/text';

test('gate headings name gates, KPIs or SLOs', () => {
  for (const h of ['3. KPI and SLO Gates', 'Gates', 'Release gate', 'SLOs', 'KPI/SLO Snapshot', 'Gate checklist', 'Thresholds Applied']) assert.ok(namesGates(h), h);
  for (const h of ['6. Required Artifacts Per Gate Execution', 'Monitoring Commands', 'Gateway config']) assert.ok(!namesGates(h), h);
});

test('rollback headings start or end with roll back', () => {
  for (const h of ['Rollback', '5. Rollback Procedure', 'Roll back the database', 'Emergency rollback', 'Rolling back']) assert.ok(isRollbackTitle(h), h);
  for (const h of ['Deploy with rollback window', 'Rollbackable deploys', 'Preconditions']) assert.ok(!isRollbackTitle(h), h);
});

test('slugs: GitHub anchors for sections, short ids for steps', () => {
  assert.equal(slugify('2. Rollout Stages'), '2-rollout-stages');
  assert.equal(slugify('Khala Runtime/Codex WS-Only Rollout Runbook'), 'khala-runtimecodex-ws-only-rollout-runbook');
  assert.equal(shortSlug('Fanout delivery metrics (environment URL and auth required)'), 'fanout-delivery-metrics');
  assert.equal(shortSlug('Check the state of the world today'), 'check-state-world-today');
  assert.equal(shortSlug('The'), 'the');
});

test('title line: the last line of a block, trailing colon dropped', () => {
  assert.equal(titleLine('Intro text.\nRuntime WS health:'), 'Runtime WS health');
  assert.equal(titleLine('  \n'), '');
  assert.equal(titleLine('Deploy:\n\n  \t\n'), 'Deploy');
  assert.equal(titleLine('one\ntwo  words :  \n'), 'two words');
});

test('title line reads from the end what splitting every line read (property)', () => {
  // The earlier algorithm, kept as the oracle: split, trim, drop blank lines, take the last.
  const splitEveryLine = (text: string): string => {
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
    return (lines[lines.length - 1] ?? '').replace(/\s+/g, ' ').replace(/\s*:\s*$/, '').trim();
  };
  const piece = fc.constantFrom('\n', ' ', '  ', '\t', ':', '::', 'a', 'Deploy', '\r', '\u00a0', ' : ', '\u2003');
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (text) => {
    assert.equal(titleLine(text), splitEveryLine(text));
  }), { numRuns: 3000 });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkboxChanges, checkboxResets, locateCheck, planCheckboxes, taskMarkChecked, taskMarkColumn } from '../../../../src/core/editor/checkboxes';
import type { CheckRecord, CheckStatus } from '../../../../src/core/run/record';
import { check, runbook, stage } from '../../fakes/runbooks';

const text = [
  '# Deploy', //                 1
  '', //                         2
  '## Stage 1: Build', //        3
  '', //                         4
  '- [ ] Build passes', //       5
  '- [x] Tests pass', //         6
  '- [ ] Announce in chat', //   7
  '',
].join('\n');

function model(lines: string[]) {
  const checks = lines.flatMap((line, index) => {
    const match = /^- \[([ x])\] (.*)$/.exec(line);
    return match ? [{ line: index + 1, checked: match[1] === 'x', text: match[2]! }] : [];
  }).map((item, index) => check(`stage-1.${index + 1}`, 'command', { text: item.text, task: { checked: item.checked, line: item.line, column: 3 } }));
  return runbook({ stages: [stage('stage-1', checks.map((c) => c.id))], checks });
}

function recorded(id: string, textOf: string, status: CheckStatus): CheckRecord {
  return {
    id, stageId: 'stage-1', ordinal: Number(id.split('.')[1]), text: textOf, detail: [], kind: 'command', required: true, line: 0, task: true,
    stepIds: [], binding: null, gateIds: [], issueIds: [], hold: null, status, outcome: '', updatedAt: null, mark: null, extraIds: [],
  };
}

const reader = (lines: string[]) => (line: number) => lines[line - 1];

test('taskMarkColumn and taskMarkChecked read the box after bullets, numbers and block quotes', () => {
  assert.equal(taskMarkColumn('- [ ] a'), 3);
  assert.equal(taskMarkColumn('  * [x] a'), 5);
  assert.equal(taskMarkColumn('12. [X] a'), 5);
  assert.equal(taskMarkColumn('> - [ ] quoted'), 5);
  assert.equal(taskMarkColumn('- a [ ] not a task'), null);
  assert.equal(taskMarkColumn('[ ] no bullet'), null);
  assert.equal(taskMarkChecked('- [X] a'), true);
  assert.equal(taskMarkChecked('- [ ] a'), false);
});

test('a passed check ticks its box, a failed one unticks it, pending and cancelled leave it', () => {
  const lines = text.split('\n');
  const record = {
    checks: [
      recorded('stage-1.1', 'Build passes', 'passed'),
      recorded('stage-1.2', 'Tests pass', 'failed'),
      recorded('stage-1.3', 'Announce in chat', 'cancelled'),
    ],
  };
  assert.deepEqual(checkboxChanges(model(lines), record, reader(lines)), [
    { checkId: 'stage-1.1', line: 5, column: 3, checked: true },
    { checkId: 'stage-1.2', line: 6, column: 3, checked: false },
  ]);
});

test('lines typed above the list since the run started: the box is found on its new line', () => {
  const lines = text.split('\n');
  lines.splice(1, 0, 'Typed while the step ran.', 'And another line.');
  const record = { checks: [recorded('stage-1.1', 'Build passes', 'passed')] };
  assert.deepEqual(checkboxChanges(model(lines), record, reader(lines)), [{ checkId: 'stage-1.1', line: 7, column: 3, checked: true }]);
});

test('an item inserted above the check (its id moved): the check is found by its text', () => {
  const lines = text.split('\n');
  lines.splice(4, 0, '- [ ] Lint passes');
  const book = model(lines);
  assert.equal(book.checks.find((c) => c.id === 'stage-1.1')?.text, 'Lint passes');
  const record = { checks: [recorded('stage-1.1', 'Build passes', 'passed')] };
  assert.deepEqual(checkboxChanges(book, record, reader(lines)), [{ checkId: 'stage-1.2', line: 6, column: 3, checked: true }]);
  assert.equal(locateCheck(book, { id: 'stage-1.1', stageId: 'stage-1', text: 'Deleted item' }), null);
});

test('a box already right, or a line that no longer holds a box, is left alone', () => {
  const lines = text.split('\n');
  const record = { checks: [recorded('stage-1.2', 'Tests pass', 'passed')] };
  assert.deepEqual(checkboxChanges(model(lines), record, reader(lines)), []);
  const book = model(lines);
  const edited = (line: number) => (line === 5 ? 'Build passes (rewritten as prose)' : lines[line - 1]);
  assert.deepEqual(checkboxChanges(book, { checks: [recorded('stage-1.1', 'Build passes', 'passed')] }, edited), []);
});

test('a model older than the text (its box line now holds other text) is reported, not skipped', () => {
  const lines = text.split('\n');
  const stale = model(lines);
  lines.splice(1, 0, 'A line typed after the model was built.');
  const plan = planCheckboxes(stale, { checks: [recorded('stage-1.1', 'Build passes', 'passed')] }, reader(lines));
  assert.deepEqual(plan, { changes: [], unplaced: ['stage-1.1'] });
});

test('only the checks asked about are changed', () => {
  const lines = text.split('\n');
  const record = { checks: [recorded('stage-1.1', 'Build passes', 'passed'), recorded('stage-1.2', 'Tests pass', 'failed')] };
  assert.deepEqual(checkboxChanges(model(lines), record, reader(lines), new Set(['stage-1.2'])).map((c) => c.checkId), ['stage-1.2']);
});

test('reset clears every ticked box', () => {
  const lines = text.split('\n');
  assert.deepEqual(checkboxResets(model(lines), reader(lines)), [{ checkId: 'stage-1.2', line: 6, column: 3, checked: false }]);
});

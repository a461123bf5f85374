import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { checkboxChangesForSteps, checkboxResets, taskMarkColumn } from '../../../../src/core/run/checkboxes';
import type { StepStatus } from '../../../../src/core/run/model';

const runbook = [
  '# Deploy',
  '',
  '## Stage 1: Build',
  '',
  '- [ ] Build passes',
  '',
  '  ```bash {"name":"build"}',
  '  make build',
  '  ```',
  '',
  '- [x] Tests pass',
  '',
  '  ```bash {"name":"tests"}',
  '  make test',
  '  ```',
  '',
  '- [ ] Announce in chat',
  '',
].join('\n');

const lines = runbook.split('\n');
const lineText = (line: number) => lines[line - 1];

test('taskMarkColumn finds the mark after bullets, numbers and block quotes', () => {
  assert.equal(taskMarkColumn('- [ ] a'), 3);
  assert.equal(taskMarkColumn('  * [x] a'), 5);
  assert.equal(taskMarkColumn('12. [X] a'), 5);
  assert.equal(taskMarkColumn('> - [ ] quoted'), 5);
  assert.equal(taskMarkColumn('- a [ ] not a task'), null);
  assert.equal(taskMarkColumn('[ ] no bullet'), null);
});

test('a passing step ticks its task; a failing re-run unticks it; others stay', () => {
  const model = parseRunbook(runbook);
  assert.deepEqual(
    model.tasks.map((t) => [t.line, t.stepId]),
    [[5, 'build'], [11, 'tests'], [17, null]],
  );
  const results = new Map<string, StepStatus>([['build', 'passed'], ['tests', 'failed']]);
  assert.deepEqual(checkboxChangesForSteps(model, results, lineText), [
    { line: 5, column: 3, checked: true },
    { line: 11, column: 3, checked: false },
  ]);
});

test('pending, running and skipped steps change nothing; an already right box is left alone', () => {
  const model = parseRunbook(runbook);
  for (const status of ['pending', 'running', 'skipped'] as const) {
    assert.deepEqual(checkboxChangesForSteps(model, new Map([['build', status]]), lineText), []);
  }
  assert.deepEqual(checkboxChangesForSteps(model, new Map([['tests', 'passed']]), lineText), []);
});

test('a line that no longer holds the task (edited since parsing) is not touched', () => {
  const model = parseRunbook(runbook);
  const edited = (line: number) => (line === 5 ? 'Build passes (rewritten as prose)' : lineText(line));
  assert.deepEqual(checkboxChangesForSteps(model, new Map([['build', 'passed']]), edited), []);
});

test('reset clears every ticked task', () => {
  assert.deepEqual(checkboxResets(parseRunbook(runbook), lineText), [{ line: 11, column: 3, checked: false }]);
});

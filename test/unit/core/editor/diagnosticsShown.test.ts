import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosticsShown } from '../../../../src/core/editor/diagnosticsShown';
import type { DiagnosticSeverity, RunbookDiagnostic } from '../../../../src/core/runbook/model';

const at = (line: number, severity: DiagnosticSeverity, code: string): RunbookDiagnostic => ({
  range: { startLine: line, startColumn: 1, endLine: line, endColumn: 5 }, severity, code, message: `${code} on line ${line}`,
});

test('up to the limit every diagnostic is shown as it is, with no summary', () => {
  const all = [at(1, 'info', 'a'), at(2, 'warning', 'b'), at(3, 'error', 'c')];
  assert.deepEqual(diagnosticsShown(all, 3), { shown: all, summary: null });
});

test('past the limit errors and warnings come first, in document order, and one line counts the rest', () => {
  const all = [
    at(1, 'info', 'duplicate-step-name'), at(2, 'info', 'duplicate-step-name'), at(3, 'warning', 'unknown-annotation-key'),
    at(4, 'info', 'input-from-environment'), at(5, 'error', 'internal-error'), at(6, 'info', 'duplicate-step-name'),
  ];
  const { shown, summary } = diagnosticsShown(all, 4);
  assert.deepEqual(shown.map((d) => d.range.startLine), [1, 3, 5]);
  assert.equal(summary?.code, 'diagnostics-not-shown');
  assert.equal(summary?.severity, 'info');
  assert.equal(summary?.range.startLine, 2);
  assert.equal(summary?.message,
    '3 more diagnostics of this runbook are not shown (the Problems panel takes 3, errors and warnings first): 2 duplicate-step-name, 1 input-from-environment. `runbook-gate parse` lists them all.');
});

test('110,000 repeated names: 999 shown, and the summary names them; the input is left as it is', () => {
  const all = Array.from({ length: 110_000 }, (_, i) => at(i + 1, 'info', 'duplicate-step-name'));
  const { shown, summary } = diagnosticsShown(all);
  assert.equal(shown.length, 999);
  assert.equal(shown.at(-1)?.range.startLine, 999);
  assert.match(summary!.message, /^109,001 more diagnostics .* 109,001 duplicate-step-name\./);
  assert.equal(all.length, 110_000);
});

test('more than three kinds left out: the three commonest are named and the rest counted', () => {
  const all = ['a', 'b', 'b', 'c', 'c', 'c', 'd', 'e'].map((code, i) => at(i + 1, 'info', code));
  const { summary } = diagnosticsShown(all, 1);
  assert.match(summary!.message, /: 3 c, 2 b, 1 a and 2 more kinds\./);
});

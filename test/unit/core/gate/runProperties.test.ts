// Properties of a whole run on random and mutated runbooks: whatever the runbook and whatever
// happened in the run (attempts of any status, marks, gate observations, dependency lookups
// of any answer, or nothing at all), planning, recording, deciding and writing every report
// and artifact never throws, the record read back from its JSON gives the same reports, the decision is Go exactly when no reason is left, a Go has every
// stage in scope passed and every gate in scope green, every report states a No-Go, and no
// text shows "undefined", "NaN" or "[object Object]".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { planSelection } from '../../../../src/core/run/plan';
import { defineRun } from '../../../../src/core/run/defineRun';
import { applyEvents, emptyRecord } from '../../../../src/core/run/applyEvents';
import { upgradeRecord } from '../../../../src/core/run/upgradeRecord';
import type { RunEvent } from '../../../../src/core/run/events';
import type { DependencyItem, MarkStatus, StepStatus } from '../../../../src/core/run/record';
import { decideRun } from '../../../../src/core/gate/decide';
import { wordReason, wordReasonRemedy, wordingContext, type Vocabulary } from '../../../../src/core/gate/wording';
import { buildReportData } from '../../../../src/core/report/buildReportData';
import { renderReport } from '../../../../src/core/report/render';
import { renderResultsTsv, renderRunSummary } from '../../../../src/core/report/artifacts';
import { BUILTIN_TEMPLATE_NAMES } from '../../../../src/core/report/templateNames';
import { anyDocument, seeds } from '../runbook/documents';
import { T0, attempt, minutes } from '../../fakes/runDefinitions';

const BROKEN = /undefined|NaN|\[object /;

interface HappeningsValue {
  steps: (StepStatus | 'not run')[];
  marks: (MarkStatus | null)[];
  /** A gate's status, and whether a step of the runbook observed it (else a person marked it). */
  gates: ({ status: 'green' | 'red' | 'blocked'; byStep: boolean } | null)[];
  dependencies: DependencyItem['state'] | 'error' | null;
  minutesLater: number;
}

/** What happened to each thing a run can hold, chosen by index (the runbook decides how many there are). */
const happenings: fc.Arbitrary<HappeningsValue> = fc.record({
  steps: fc.array(fc.constantFrom<StepStatus | 'not run'>('passed', 'failed', 'blocked', 'cancelled', 'interrupted', 'skipped', 'not run')),
  marks: fc.array(fc.option(fc.constantFrom<MarkStatus>('passed', 'failed', 'blocked', 'skipped'))),
  gates: fc.array(fc.option(fc.record({ status: fc.constantFrom('green' as const, 'red' as const, 'blocked' as const), byStep: fc.boolean() }))),
  dependencies: fc.option(fc.constantFrom<DependencyItem['state'] | 'error'>('open', 'closed', null, 'error')),
  minutesLater: fc.constantFrom(0, 30, 24 * 60, 5 * 24 * 60),
});

function runOf(text: string, what: HappeningsValue) {
  const runbook = parseRunbook(text);
  const plan = planSelection(runbook, { all: true });
  const definition = defineRun({ runbook, runbookPath: 'docs/runbook.md', sha256: 'abc', mask: (t) => t });
  const events: RunEvent[] = [
    { type: 'runbook-loaded', at: T0, definition },
    { type: 'scope-added', at: T0, scope: plan.scope },
  ];
  let s = 0;
  for (const item of plan.work) {
    if (item.kind === 'stage-start') events.push({ type: 'stage-started', at: T0, stageId: item.stageId });
    if (item.kind !== 'step') continue;
    const status = what.steps[s++ % Math.max(1, what.steps.length)] ?? 'not run';
    if (item.reason !== null || status === 'not run') continue;
    if (status === 'skipped' || status === 'blocked') {
      events.push({ type: 'step-not-run', at: minutes(1), stepId: item.stepId, status, outcome: `${status} on purpose` });
    } else {
      events.push({ type: 'attempt-ended', at: minutes(1), stepId: item.stepId, attempt: attempt(1, status, { endedAt: minutes(1) }) });
    }
  }
  runbook.checks.forEach((check, i) => {
    const mark = what.marks[i % Math.max(1, what.marks.length)];
    if (mark) events.push({ type: 'check-marked', at: minutes(2), checkId: check.id, mark: { status: mark, note: 'by hand', by: 'ana', at: minutes(2) } });
  });
  runbook.gates.forEach((gate, i) => {
    const seen = what.gates[i % Math.max(1, what.gates.length)];
    if (!seen) return;
    const step = seen.byStep ? runbook.steps[i % Math.max(1, runbook.steps.length)] : undefined;
    const observation = step
      ? { at: minutes(3), source: 'step' as const, stepId: step.id, attempt: 1, status: seen.status, value: 812, note: '', by: null }
      : { at: minutes(3), source: 'mark' as const, stepId: null, attempt: null, status: seen.status, value: null, note: 'dashboard', by: 'ana' };
    events.push({ type: 'gate-observed', at: minutes(3), gateId: gate.id, observation });
  });
  if (what.dependencies !== null && definition.dependencies.length > 0) {
    const answer = what.dependencies;
    const items = definition.dependencies.map((d): DependencyItem => ({
      ...d, state: answer === 'error' ? null : answer, title: answer === 'error' ? null : `issue ${d.number}`, url: null,
      error: answer === 'error' ? 'GitHub did not answer' : null, errorKind: answer === 'error' ? 'network' : null,
    }));
    const status = answer === 'error' || answer === null ? 'blocked' : answer === 'open' ? 'red' : 'green';
    events.push({ type: 'dependencies-checked', at: minutes(4), dependencies: { status, checkedAt: minutes(4), repo: 'acme/ops', reason: null, items, citations: [] } });
  }
  // A later commit: holds count from their stage's start to now.
  events.push({ type: 'note-added', at: minutes(what.minutesLater + 5), note: { kind: 'scope', text: 'later', by: null, at: minutes(what.minutesLater + 5) } });
  const base = emptyRecord({ runId: 'r1', cookie: 'c1', at: T0, strict: false });
  return applyEvents(base, events);
}


test('any runbook, anything happening in its run: decided, worded and reported without a throw or a broken word', () => {
  fc.assert(
    fc.property(fc.oneof(anyDocument, fc.constantFrom(...seeds)), happenings, (text, what) => {
      const record = runOf(text, what);
      const decision = decideRun(record);
      assert.equal(decision.go, decision.reasons.length === 0);
      assert.equal(decision.decision, decision.go ? 'Go' : 'No-Go');
      if (decision.go) {
        for (const stage of decision.stages) assert.equal(stage.verdict, 'PASS', `a Go with stage ${stage.stageId} ${stage.verdict}`);
        for (const gate of record.gates.filter((g) => g.inScope)) assert.equal(gate.status, 'green', `a Go with gate ${gate.id} ${gate.status}`);
      }
      assert.doesNotMatch(decision.counts.line, BROKEN);
      const context = { ...wordingContext(record, '.runbook-gate/runs/r1'), runbookPath: 'docs/runbook.md' };
      for (const reason of decision.reasons) {
        for (const vocabulary of ['cli', 'editor', 'report'] as Vocabulary[]) {
          const words = `${wordReason(reason, vocabulary, { context })} ${wordReasonRemedy(reason, vocabulary, { context })}`;
          assert.doesNotMatch(words, BROKEN, `${vocabulary}: ${words}`);
        }
      }
      const reportsOf = (r: typeof record) => {
        const data = buildReportData([{ record: r, decision: decideRun(r), runDir: '.runbook-gate/runs/r1' }], { reportPath: 'docs/status/report.md', template: 'gate', toolVersion: 'test' });
        return BUILTIN_TEMPLATE_NAMES.map((template) => renderReport(data, template));
      };
      const reports = reportsOf(record);
      // The record is the single source of truth: read back from run.json, it gives the same reports.
      assert.deepEqual(reportsOf(upgradeRecord(JSON.parse(JSON.stringify(record)), 'run.json')), reports);
      for (const [i, template] of BUILTIN_TEMPLATE_NAMES.entries()) {
        const report = reports[i]!;
        // A No-Go is always stated ("No-Go for <runbook> at <time>."); a Go drill report has no Decision section.
        if (decision.go) assert.doesNotMatch(report, /No-Go for /, template);
        else assert.match(report, /No-Go for /, `${template} states the No-Go`);
        assert.doesNotMatch(report, BROKEN, `${template}`);
      }
      assert.doesNotMatch(renderResultsTsv(record, decision), BROKEN);
      assert.doesNotMatch(renderRunSummary(record, decision), BROKEN);
    }),
    { numRuns: 150 },
  );
});

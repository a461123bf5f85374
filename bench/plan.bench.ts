// `npm run bench -- plan`: what a run does with the model besides running steps, on a long
// runbook: plan the selection (`--all`, and one stage), define the run, load the definition
// into a record with everything in scope, and record one mark (every commit derives the
// record again), then decide and build the report's data, results.tsv and SUMMARY.md.
// Printed against parsing the same runbook, measured in the same run; the
// goal is linear: 4 MB <= 5x 1 MB. Each part was quadratic: on the 1 MB realistic runbook
// `--all` took 1.6 s to plan (on the editor's host too), and a one-check run 10 s, mostly
// deciding which gates count.
import type { Benchmark, Measure } from './measure';
import { median, timeMs } from './measure';
import { realisticRunbook } from './parseInputs';
import { parseRunbook } from '../src/core/runbook/parseRunbook';
import { planSelection } from '../src/core/run/plan';
import { defineRun } from '../src/core/run/defineRun';
import { applyEvents, emptyRecord } from '../src/core/run/applyEvents';
import { decideRun } from '../src/core/gate/decide';
import { buildReportData } from '../src/core/report/buildReportData';
import { renderResultsTsv, renderRunSummary } from '../src/core/report/artifacts';

const MB = 1024 * 1024;
const RUNS = 3;

function prepare(runbook: ReturnType<typeof parseRunbook>): void {
  const { scope } = planSelection(runbook, { all: true });
  planSelection(runbook, { stageIds: [runbook.stages[0]?.id ?? '1'] });
  const definition = defineRun({ runbook, runbookPath: 'docs/release.md', sha256: '', mask: (text) => text });
  const at = '2026-11-24T00:00:00.000Z';
  const loaded = applyEvents(emptyRecord({ runId: 'bench', cookie: 'c', at, strict: false }), [
    { type: 'runbook-loaded', at, definition },
    { type: 'scope-added', at, scope },
  ]);
  const checkId = runbook.checks[0]?.id ?? 'none';
  const record = applyEvents(loaded, [{ type: 'check-marked', at, checkId, mark: { status: 'passed', note: '', by: 'bench', at } }]);
  const decision = decideRun(record);
  buildReportData([{ record, decision, runDir: '.runbook-gate/runs/bench' }], { reportPath: 'docs/report.md', template: 'gate', toolVersion: 'bench' });
  renderResultsTsv(record, decision);
  renderRunSummary(record, decision);
}

const bench: Benchmark = async () => {
  const oneText = realisticRunbook(MB);
  const fourText = realisticRunbook(4 * MB);
  const one = parseRunbook(oneText);
  const four = parseRunbook(fourText);
  prepare(one);
  const oneMs = median(Array.from({ length: RUNS }, () => timeMs(() => prepare(one))));
  const fourMs = median(Array.from({ length: RUNS }, () => timeMs(() => prepare(four))));
  const parseMs = median(Array.from({ length: RUNS }, () => timeMs(() => parseRunbook(fourText))));
  const growth = fourMs / oneMs;
  return [{
    name: 'run: plan, define, record, decide and report a run of a 4 MB runbook vs parsing it',
    value: fourMs, unit: 'ms', baseline: parseMs, ratio: fourMs / parseMs,
    // Linear is the goal; the parse of the same runbook is there for scale.
    goal: '4 MB <= 5x 1 MB (linear)', pass: growth <= 5,
    notes: { oneMbMs: Number(oneMs.toFixed(1)), growth4x: Number(growth.toFixed(2)), stages: four.stages.length, checks: four.checks.length, steps: four.steps.length },
  }] satisfies Measure[];
};

export default bench;

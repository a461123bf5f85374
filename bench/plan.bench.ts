// `npm run bench -- plan`: what a run does with the model before its first step, on a long
// runbook: plan the selection (`--all`, and one stage) and define the run record. Against
// parsing the same runbook, measured in the same run; linear means 4 MB <= 5x 1 MB. (Each was
// quadratic: on the 1 MB realistic runbook `--all` took 1.6 s to plan, on the editor's host.)
import type { Benchmark, Measure } from './measure';
import { median, timeMs } from './measure';
import { realisticRunbook } from './parseInputs';
import { parseRunbook } from '../src/core/runbook/parseRunbook';
import { planSelection } from '../src/core/run/plan';
import { defineRun } from '../src/core/run/defineRun';

const MB = 1024 * 1024;
const RUNS = 3;

function prepare(runbook: ReturnType<typeof parseRunbook>): void {
  planSelection(runbook, { all: true });
  planSelection(runbook, { stageIds: [runbook.stages[0]?.id ?? '1'] });
  defineRun({ runbook, runbookPath: 'docs/release.md', sha256: '', mask: (text) => text });
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
    name: 'run: plan --all, plan one stage and define the run of a 4 MB runbook vs parsing it',
    value: fourMs, unit: 'ms', baseline: parseMs, ratio: fourMs / parseMs,
    goal: '<= 0.25x the parse, 4 MB <= 5x 1 MB', pass: fourMs / parseMs <= 0.25 && growth <= 5,
    notes: { oneMbMs: Number(oneMs.toFixed(1)), growth4x: Number(growth.toFixed(2)), stages: four.stages.length, checks: four.checks.length, steps: four.steps.length },
  }] satisfies Measure[];
};

export default bench;

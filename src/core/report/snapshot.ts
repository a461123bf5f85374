// The KPI/SLO Snapshot table of seed 000 — the dependency gate, each stage in scope, each KPI
// gate in scope: Green / Red / Red (blocked) / Not observed — and the gate, dependency and
// threshold lists the templates print.
import type { DependencyGateStatus, RunRecord, StageVerdict } from '../run/record';
import type { GateDecision } from '../gate/types';
import type { ReportData, ReportStage } from './data';
import { dependencyLine, dependencyState, gateStatusText } from './evidence';
import { recordIndex } from '../run/recordIndex';

type Row = ReportData['snapshot'][number];
export interface DecidedRun { record: RunRecord; decision: GateDecision }

const STAGE_STATUS: Record<StageVerdict, string> = { PASS: 'Green', FAIL: 'Red', BLOCKED: 'Red (blocked)', HOLDING: 'Holding', 'NOT RUN': 'Not run' };
const DEPENDENCY_STATUS: Record<DependencyGateStatus, string> = { green: 'Green', red: 'Red', blocked: 'Red (blocked)', 'not checked': 'Not checked' };
const DEPENDENCY_ORDER: DependencyGateStatus[] = ['blocked', 'red', 'not checked', 'green'];

function dependencyRuns(runs: readonly DecidedRun[]): DecidedRun[] {
  return runs.filter((run) => run.decision.dependencies !== 'not checked' || run.decision.reasons.some((r) => r.subject.kind === 'dependency-gate'));
}

export function dependencies(runs: readonly DecidedRun[]): ReportData['dependencies'] {
  const inScope = dependencyRuns(runs);
  const statuses = inScope.map((run) => run.decision.dependencies === 'not checked' ? run.record.dependencies.status : run.decision.dependencies);
  const status = DEPENDENCY_ORDER.find((s) => statuses.includes(s)) ?? 'not checked';
  const checked = inScope.map((run) => run.record.dependencies.checkedAt).filter((t): t is string => t !== null).sort();
  // Each issue once (the first run's), by label and repository.
  const seen = new Set<string>();
  const items = inScope.flatMap((run) => run.record.dependencies.items).filter((item) => {
    const key = JSON.stringify([item.label, item.repo]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    status,
    statusText: DEPENDENCY_STATUS[status],
    checkedAt: checked.at(-1) ?? null,
    reason: inScope.map((run) => run.record.dependencies.reason).find((r) => r !== null) ?? null,
    items: items.map((item) => ({ label: item.label, title: item.title, state: dependencyState(item), url: item.url, error: item.error, line: dependencyLine(item) })),
  };
}

function dependencyRow(deps: ReportData['dependencies']): Row {
  const labels = deps.items.map((i) => i.label).join(', ');
  const open = deps.items.filter((i) => i.state === 'OPEN').map((i) => i.label);
  const unknown = deps.items.filter((i) => i.state === 'UNKNOWN');
  const evidence = deps.status === 'green' ? 'GitHub issue states all closed'
    : deps.status === 'red' ? `open: ${open.join(', ')}`
      : unknown.length > 0 ? `could not be checked: ${unknown.map((i) => `${i.label} (${i.error ?? 'no state'})`).join(', ')}`
        : deps.reason ?? 'not checked in this run';
  return { name: labels ? `Dependency completion (${labels})` : 'Dependency completion', statusText: deps.statusText, evidence, commands: [] };
}

function stageRow(stage: ReportStage): Row {
  const ran = [...stage.checks.flatMap((c) => c.evidence), ...stage.evidence].filter((e) => (e.kind === 'command' || e.kind === 'extra') && e.command !== null);
  const passed = stage.verdict === 'PASS';
  // A passed stage names what ran and its outcomes; any other names what did not pass and why.
  const shown = passed ? ran : ran.filter((e) => e.status !== 'PASS');
  const commands = shown.map((e) => e.command!).filter((command, index, all) => all.indexOf(command) === index);
  const outcomes = shown.map((e) => e.outcome).filter((o): o is string => o !== null && o !== '');
  let evidence: string;
  if (passed) {
    evidence = outcomes.length > 0 ? outcomes.join('; ') : `${stage.checks.length} of ${stage.checks.length} checks passed`;
  } else {
    const culprit = stage.checks.find((c) => c.required && c.status !== 'passed');
    const why = stage.note ?? culprit?.note ?? (culprit ? `${culprit.label}: ${culprit.outcome || culprit.statusText}` : 'not run in this run');
    evidence = [...outcomes, why].join('; ');
  }
  return { name: stage.label, statusText: STAGE_STATUS[stage.verdict], evidence, commands };
}

export function snapshotRows(runs: readonly DecidedRun[], stages: readonly ReportStage[], deps: ReportData['dependencies']): Row[] {
  const rows: Row[] = [];
  if (dependencyRuns(runs).length > 0) rows.push(dependencyRow(deps));
  rows.push(...stages.map(stageRow));
  for (const { record } of runs) {
    for (const gate of record.gates) {
      if (!gate.inScope) continue;
      const commands = gate.observations
        .map((o) => (o.stepId === null ? undefined : recordIndex(record).steps.get(o.stepId))?.command.split('\n')[0]?.trim())
        .filter((c, index, all): c is string => c !== undefined && all.indexOf(c) === index);
      rows.push({ name: gate.title, statusText: gateStatusText(gate.status), evidence: gate.evidence, commands });
    }
  }
  return rows;
}

export function gateList(runs: readonly DecidedRun[]): ReportData['gates'] {
  return runs.flatMap(({ record }) => record.gates.map((gate) => ({
    id: gate.id, title: gate.title, status: gate.status, statusText: gateStatusText(gate.status),
    evidence: gate.evidence, thresholds: gate.thresholds.map((t) => t.text), inScope: gate.inScope,
  })));
}

export function thresholdList(runs: readonly DecidedRun[]): ReportData['thresholds'] {
  return runs.flatMap(({ record }) => record.gates.flatMap((gate) => gate.thresholds.map((t) => ({ gate: gate.title, text: t.text }))));
}

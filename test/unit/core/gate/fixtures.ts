// Hand-built runbook and run record shaped like seed 000's gate run (OA-RUST-048).
import type { Runbook, Stage, Step, Section, Gate, IssueReference, SourceRange } from '../../../../src/core/runbook/model';
import type { RunRecord, StepEvidence, StepStatus } from '../../../../src/core/run/model';
import type { DependencyCheck } from '../../../../src/core/gate/decision';

export function range(startLine: number, endLine = startLine): SourceRange {
  return { startLine, startColumn: 1, endLine, endColumn: 1 };
}

export function section(id: string, title: string, line: number, rollback = false): Section {
  return { id, title, depth: 2, range: range(line), parentId: null, rollback };
}

export function stage(number: number, title: string, line: number, sectionId: string | null = 'rollout-stages'): Stage {
  return { id: `stage-${number}`, number, title, marker: 'Stage', range: range(line), sectionId };
}

export function step(id: string, command: string, line: number, stageId: string | null, extra: Partial<Step> = {}): Step {
  return {
    id, title: id, range: range(line, line + 2), language: 'bash', command, stageId,
    sectionId: extra.sectionId ?? 'rollout-stages', required: true, rollback: false, annotations: {}, inputs: [], ...extra,
  };
}

export function gate(number: number, title: string, line: number, sectionId = 'kpi-and-slo-gates'): Gate {
  return { id: `gate-${number}`, number, title, line, range: range(line), sectionId };
}

export function issue(number: number, line = 5): IssueReference {
  return { line, range: range(line), repo: null, number, text: `#${number}` };
}

export function runbook(parts: Partial<Runbook> = {}): Runbook {
  return {
    title: 'OA-RUST-048 WS-Only Rollout', frontMatter: { issue: 'OA-RUST-048 (#1863)', owner: 'owner:khala', report: 'docs/sync/status' },
    sections: [], stages: [], steps: [], tasks: [], gates: [], issues: [], inputs: [], diagnostics: [], lineCount: 100, ...parts,
  };
}

export function evidence(s: Step, status: StepStatus, outcome: string, extra: Partial<StepEvidence> = {}): StepEvidence {
  const ran = status !== 'pending' && status !== 'skipped';
  return {
    stepId: s.id, title: s.title, stageId: s.stageId, required: s.required, status, command: s.command,
    cwd: '/work/repo', startedAt: ran ? '2026-02-21T10:00:00.000Z' : null, endedAt: ran ? '2026-02-21T10:00:01.500Z' : null,
    durationMs: ran ? 1500 : null, exitCode: status === 'passed' ? 0 : status === 'failed' || status === 'blocked' ? 1 : null,
    outcome, logPath: ran ? `logs/${s.id}.log` : null, logSha256: ran ? 'a'.repeat(64) : null, ...extra,
  };
}

export function record(steps: StepEvidence[], extra: Partial<RunRecord> = {}): RunRecord {
  return {
    version: 1, runId: '20260221T100000Z', runbookPath: 'docs/sync/RUNBOOK.md', runbookTitle: 'OA-RUST-048 WS-Only Rollout',
    startedAt: '2026-02-21T10:00:00.000Z', endedAt: '2026-02-21T10:05:00.000Z', strict: false,
    scope: { all: true, stageIds: [], stepIds: [] },
    environment: { host: 'ci-runner', toolVersion: '0.1.0', gitCommit: 'abc1234', gitBranch: 'main' },
    steps, ...extra,
  };
}

export function closed(number: number, title: string): DependencyCheck {
  return { reference: issue(number), state: { repo: 'openagents/openagents', number, title, state: 'closed', url: `https://github.com/openagents/openagents/issues/${number}` }, error: null };
}

/** Seed 000: Stage 0 and 1 pass, Stage 2 is blocked by the non-prod health probe. */
export function seed000() {
  const s0 = step('runtime-tests', 'cargo test -p openagents-runtime-service', 20, 'stage-0');
  const s1 = step('failure-mode-tests', 'cargo test -p openagents-runtime-service failure_modes', 30, 'stage-1');
  const s2 = step('nonprod-health', 'apps/runtime/deploy/khala/check-nonprod-health.sh', 40, 'stage-2');
  const rb = step('traffic-rollback', 'deploy rollback --to previous', 80, null, { sectionId: 'rollback', rollback: true });
  const book = runbook({
    sections: [section('rollout-stages', '2. Rollout Stages', 10), section('kpi-and-slo-gates', '3. KPI and SLO Gates', 50), section('rollback', '5. Rollback Procedure', 75, true)],
    stages: [stage(0, 'Gate preflight', 12), stage(1, 'Internal canary readiness check', 25), stage(2, 'External canary', 35)],
    steps: [s0, s1, s2, rb],
    gates: [gate(1, 'Error budget gate', 52), gate(2, 'Replay gate', 54)],
    issues: [1858, 1859, 1860, 1861, 1862].map((n) => issue(n)),
  });
  const run = record([
    evidence(s0, 'passed', '49 passed'),
    evidence(s1, 'passed', '3 passed'),
    evidence(s2, 'blocked', 'exit 1: Cannot find service [oa-khala-backend-nonprod]'),
    evidence(rb, 'pending', ''),
  ]);
  const dependencies = [
    closed(1858, 'OA-RUST-043'), closed(1859, 'OA-RUST-044'), closed(1860, 'OA-RUST-045'), closed(1861, 'OA-RUST-046'), closed(1862, 'OA-RUST-047'),
  ];
  return { book, run, dependencies, steps: { s0, s1, s2, rb } };
}

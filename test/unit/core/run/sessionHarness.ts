// Builds a RunSession over the in-memory fakes, collecting what listeners see.
import { RunSession, type RunSessionOptions } from '../../../../src/core/run/runSession';
import type { StepEvidence } from '../../../../src/core/run/model';
import type { Runbook } from '../../../../src/core/runbook/model';
import { FakeClock } from '../../fakes/fakeClock';
import { MemoryRunStore } from '../../fakes/memoryRunStore';
import { ScriptedRunner, type Script } from '../../fakes/scriptedRunner';

export function harness(runbook: Runbook, scripts: Record<string, Script> = {}, extra: Partial<RunSessionOptions> = {}) {
  const store = new MemoryRunStore();
  const runner = new ScriptedRunner(scripts);
  const clock = new FakeClock('2026-02-21T19:27:46.000Z', 100);
  const session = new RunSession({
    runbook,
    runbookPath: 'docs/RUNBOOK.md',
    runbookDir: '/workspace/docs',
    workspaceRoot: '/workspace',
    env: { PATH: '/usr/bin' },
    shell: 'bash',
    defaultTimeoutMs: 600_000,
    strict: false,
    environment: { host: 'test-host', toolVersion: '0.1.0', gitCommit: 'abc123', gitBranch: 'main' },
    runner,
    store,
    clock,
    ...extra,
  });
  const seen = { started: [] as StepEvidence[], finished: [] as StepEvidence[], output: [] as string[] };
  session.addListener({
    onStepStarted: (ev) => seen.started.push(ev),
    onStepFinished: (ev) => seen.finished.push(ev),
    onOutput: (id, text, stream) => void seen.output.push(`${id}/${stream}:${text}`),
  });
  const status = () => Object.fromEntries(session.record.steps.map((s) => [s.stepId, s.status]));
  return { session, store, runner, clock, seen, status };
}

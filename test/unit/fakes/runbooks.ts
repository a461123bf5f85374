import type { Runbook, Step, StepAnnotations } from '../../../src/core/runbook/model';

const range = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };

export function step(id: string, command: string, extra: Partial<Step> & { annotations?: StepAnnotations } = {}): Step {
  return {
    id,
    title: extra.title ?? id,
    range,
    language: 'bash',
    command,
    stageId: 'stage-0',
    sectionId: null,
    required: true,
    rollback: false,
    annotations: {},
    inputs: [],
    ...extra,
  };
}

export function runbook(steps: Step[], extra: Partial<Runbook> = {}): Runbook {
  const stageIds = [...new Set(steps.map((s) => s.stageId).filter((s): s is string => s !== null))];
  return {
    title: 'Test runbook',
    frontMatter: {},
    sections: [],
    stages: stageIds.map((id) => ({
      id,
      number: /^stage-(\d+)$/.test(id) ? Number(id.slice(6)) : null,
      title: id,
      marker: 'Stage',
      range,
      sectionId: null,
    })),
    steps,
    tasks: [],
    gates: [],
    issues: [],
    inputs: [],
    diagnostics: [],
    lineCount: 10,
    ...extra,
  };
}

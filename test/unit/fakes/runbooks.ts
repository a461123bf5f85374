// Runbook models (v2) built by hand for core tests: what the parser would produce.
import type { Check, Runbook, Stage, Step, StepAnnotations } from '../../../src/core/runbook/model';

const range = (line = 1) => ({ startLine: line, startColumn: 1, endLine: line, endColumn: 1 });

export function step(id: string, command: string, extra: Partial<Step> & { annotations?: StepAnnotations } = {}): Step {
  return {
    id, title: extra.title ?? id, range: range(extra.range?.startLine), language: 'bash', command, stageId: null, sectionId: null,
    checkIds: [], required: true, rollback: false, destructive: false, destructiveReason: null, placeholders: [], cwd: null,
    annotations: {}, inputs: [], ...extra,
  };
}

export function check(id: string, kind: Check['kind'], extra: Partial<Check> = {}): Check {
  const stageId = id.slice(0, id.lastIndexOf('.'));
  return {
    id, stageId, ordinal: Number(id.slice(id.lastIndexOf('.') + 1)), text: `check ${id}`, detail: [], range: range(), kind, required: true,
    task: null, stepIds: [], binding: null, hold: null, gateIds: [], issueIds: [], ...extra,
  };
}

export function stage(id: string, checkIds: string[], extra: Partial<Stage> = {}): Stage {
  const key = /^stage-(.+)$/.exec(id)?.[1] ?? null;
  return {
    id, kind: 'stage', key, number: key !== null && /^\d+$/.test(key) ? Number(key) : null, marker: 'Stage', title: id,
    label: `Stage ${key ?? ''} (${id})`, range: range(), sectionId: null, checkIds, ...extra,
  };
}

export function runbook(parts: Partial<Runbook>): Runbook {
  return {
    title: 'Test runbook',
    context: { title: 'Test runbook', owner: null, issue: null, scope: null, reportFolder: null, template: null },
    frontMatter: {}, generated: false, sections: [], stages: [], checks: [], steps: [], gates: [], issues: [], inputs: [], diagnostics: [], lineCount: 10,
    ...parts,
  };
}

/** Binds checks to steps both ways, as the parser leaves them. */
export function bind(book: Runbook): Runbook {
  for (const s of book.steps) s.checkIds = book.checks.filter((c) => c.stepIds.includes(s.id)).map((c) => c.id);
  return book;
}

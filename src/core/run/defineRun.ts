// The runbook model -> what the run record keeps of it (RunDefinition), secrets masked.
// Every step belongs to a check: a step no check binds (seed 001's fanout metrics curl) gets
// a command check of its own in its stage, else in a group named after its section, so a run
// of it has a verdict like any other check.
import type { Runbook, Step } from '../runbook/model';
import type { CheckDefinition, RunDefinition, StageDefinition, StepDefinition } from './definition';
import { normalizeRelative } from './paths';

export interface DefineOptions {
  runbook: Runbook;
  /** Workspace-relative posix path of the runbook file. */
  runbookPath: string;
  sha256: string;
  mask(text: string): string;
}

/** Group id for loose steps of a section ("steps-4-monitoring-commands"). */
function looseGroupId(step: Step): string {
  return step.sectionId ? `steps-${step.sectionId}` : 'steps';
}

/**
 * Workspace-relative working directory. A `cwd` annotation or front matter is relative to the
 * runbook's folder (docs/conventions.md); a folder the prose names ("From `apps/runtime/`:",
 * `cd apps/runtime &&`) is relative to the repository root, as runbooks mean it.
 */
export function stepCwd(step: Step, runbook: Runbook, runbookPath: string): string {
  const runbookDir = runbookPath.includes('/') ? runbookPath.slice(0, runbookPath.lastIndexOf('/')) : '';
  const fromRunbook = step.annotations.cwd ?? (step.cwd === null ? runbook.frontMatter.cwd : undefined);
  const written = fromRunbook ?? step.cwd;
  if (written === undefined || written === null || written === '') return '.';
  if (written.startsWith('/')) return written; // refused by the workspace guard when it runs
  return normalizeRelative(fromRunbook !== undefined && runbookDir ? `${runbookDir}/${written}` : written);
}

export function defineRun(options: DefineOptions): RunDefinition {
  const { runbook, mask } = options;
  const sections = new Map(runbook.sections.map((s) => [s.id, s]));
  const stages: StageDefinition[] = runbook.stages.map((s) => ({
    id: s.id, kind: s.kind, key: s.key, number: s.number, marker: s.marker,
    title: mask(s.title), label: mask(s.label), line: s.range.startLine, checkIds: [...s.checkIds],
  }));
  const checks: CheckDefinition[] = runbook.checks.map((c) => ({
    id: c.id, stageId: c.stageId, ordinal: c.ordinal, text: mask(c.text), detail: c.detail.map(mask),
    kind: c.kind, required: c.required, line: c.range.startLine, task: c.task !== null,
    stepIds: [...c.stepIds],
    binding: c.binding ? { how: c.binding.how, confidence: c.binding.confidence, reason: mask(c.binding.reason) } : null,
    gateIds: [...c.gateIds], issueIds: [...c.issueIds], hold: c.hold ? { ...c.hold, text: mask(c.hold.text) } : null,
  }));

  const stageById = new Map(stages.map((s) => [s.id, s]));
  const bound = new Set(checks.flatMap((c) => c.stepIds));
  for (const step of runbook.steps) {
    if (step.checkIds.length > 0 || bound.has(step.id)) continue;
    let group = step.stageId ? stageById.get(step.stageId) : undefined;
    if (!group) {
      const id = looseGroupId(step);
      group = stageById.get(id);
      if (!group) {
        const section = step.sectionId ? sections.get(step.sectionId) : undefined;
        const title = section ? mask(section.title) : 'Steps';
        group = { id, kind: 'checklist', key: null, number: null, marker: '', title, label: title, line: section?.range.startLine ?? step.range.startLine, checkIds: [] };
        stages.push(group);
        stageById.set(id, group);
      }
    }
    const ordinal = group.checkIds.length + 1;
    const check: CheckDefinition = {
      id: `${group.id}.${ordinal}`, stageId: group.id, ordinal, text: mask(step.title), detail: [], kind: 'command',
      required: step.required, line: step.range.startLine, task: false, stepIds: [step.id],
      binding: { how: 'own', confidence: 1, reason: 'a step no check names: it is its own check' },
      gateIds: [], issueIds: [], hold: null,
    };
    group.checkIds.push(check.id);
    checks.push(check);
  }
  stages.sort((a, b) => a.line - b.line);

  const checkIdsByStep = new Map<string, string[]>();
  for (const check of checks) {
    for (const id of check.stepIds) {
      const ids = checkIdsByStep.get(id);
      if (ids) ids.push(check.id);
      else checkIdsByStep.set(id, [check.id]);
    }
  }
  const steps: StepDefinition[] = runbook.steps.map((s) => ({
    id: s.id, title: mask(s.title), language: s.language, command: mask(s.command),
    cwd: stepCwd(s, runbook, options.runbookPath), stageId: s.stageId,
    sectionTitle: s.sectionId ? mask(sections.get(s.sectionId)?.title ?? '') || null : null,
    checkIds: checkIdsByStep.get(s.id) ?? [], required: s.required, destructive: s.destructive,
    destructiveReason: s.destructiveReason, line: s.range.startLine, inputs: [...s.inputs],
  }));

  const seen = new Set<string>();
  const dependencies: RunDefinition['dependencies'] = [];
  for (const ref of runbook.issues) {
    if (ref.role !== 'dependency') continue;
    const label = ref.repo ? `${ref.repo}#${ref.number}` : `#${ref.number}`;
    if (seen.has(label)) continue;
    seen.add(label);
    dependencies.push({ refId: ref.id, label, repo: ref.repo, number: ref.number, line: ref.line, why: ref.why });
  }
  const citations = runbook.issues
    .filter((r) => r.role === 'citation')
    .map((r) => ({ label: r.repo ? `${r.repo}#${r.number}` : `#${r.number}`, line: r.line, why: r.why }));

  const context = runbook.context;
  return {
    runbook: { path: options.runbookPath, title: mask(runbook.title), sha256: options.sha256 },
    context: {
      ...context,
      title: mask(context.title),
      owner: context.owner === null ? null : mask(context.owner),
      scope: context.scope === null ? null : mask(context.scope),
      issue: context.issue ? { ...context.issue, text: mask(context.issue.text) } : null,
    },
    onFailure: runbook.frontMatter.onFailure ?? 'continue',
    stages,
    checks,
    steps,
    gates: runbook.gates.map((g) => ({
      id: g.id, number: g.number, title: mask(g.title), detail: g.detail.map(mask), line: g.range.startLine,
      thresholds: g.thresholds, tableStatus: g.status ?? null, tableEvidence: g.evidence === undefined ? null : mask(g.evidence),
    })),
    dependencies,
    citations,
  };
}

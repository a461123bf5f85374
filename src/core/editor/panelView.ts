// What the side panel shows for one runbook: the live model's stages and checks in document
// order, with the run record's states and evidence. Everything the runbook says passes
// through `mask` (the record is masked already), so a panel message never carries a secret.
import type { Check, Runbook, Step } from '../runbook/model';
import type { Attempt, CheckRecord, RunRecord, StepRecord } from '../run/record';
import type { GateDecision, Reason } from '../gate/types';
import type { PanelAttempt, PanelCheck, PanelOmitted, PanelReason, PanelStage, PanelState, PanelStep } from './panelTypes';
import { formatDuration } from '../formatDuration';
import { indexLenses, stageVerdict } from './lensPlan';

export interface PanelInput {
  runbook: Runbook;
  runbookPath: string;
  record: RunRecord | null;
  decision: GateDecision | null;
  runDir: string | null;
  trusted: boolean;
  busy: boolean;
  strict: boolean;
  now: number;
  running: { stepId: string; attempt: number } | null;
  mask(text: string): string;
  word(reason: Reason): PanelReason;
}

/**
 * The most the panel shows of one runbook. Real runbooks stay far below; a 4 MB one has
 * 12,000 stages or 110,000 checks, and building and posting all of them held the extension
 * host for 0.2–0.6 s at every update. What is left out is counted (`omitted`); the editor's
 * lenses still show every stage and check.
 */
export const PANEL_LIMITS = { stages: 300, checks: 1000, steps: 300, gates: 300, dependencies: 300, reasons: 200 };

export type PanelLimits = typeof PANEL_LIMITS;

export function panelState(input: PanelInput, limits: PanelLimits = PANEL_LIMITS): PanelState {
  const { runbook, record, mask } = input;
  const index = indexLenses(runbook, record);
  const view = { record, running: new Map<string, number>(), queued: new Set<string>(), busy: input.busy, trusted: input.trusted, strict: input.strict, now: input.now };
  const { steps } = index;
  const stepView = (id: string): PanelStep[] => {
    const step = steps.get(id);
    return step ? [panelStep(step, index.recordSteps.get(id), mask)] : [];
  };
  const omitted: PanelOmitted = { stages: 0, checks: 0, steps: 0, gates: 0, dependencies: 0, reasons: 0 };
  const stages: PanelStage[] = [];
  let checksLeft = limits.checks;
  for (const stage of runbook.stages) {
    if (stages.length >= limits.stages || checksLeft <= 0) {
      omitted.stages++;
      omitted.checks += stage.checkIds.length;
      continue;
    }
    const shownIds = stage.checkIds.slice(0, checksLeft);
    checksLeft -= shownIds.length;
    const moreChecks = stage.checkIds.length - shownIds.length;
    omitted.checks += moreChecks;
    const verdict = stageVerdict(stage, index, view);
    const checks = shownIds.flatMap((id) => {
      const check = index.checks.get(id);
      return check ? [panelCheck(check, index.recordChecks.get(id), mask, stepView)] : [];
    });
    const holding = checks.filter((c) => c.status === 'holding' && c.holdUntil).map((c) => c.holdUntil!).sort();
    stages.push({ id: stage.id, label: mask(stage.label), kind: stage.kind, line: stage.range.startLine, verdict: verdict.verdict, holdUntil: holding.at(-1) ?? null, checks, moreChecks });
  }
  const loose = runbook.steps.filter((s) => s.checkIds.length === 0 && s.language !== 'manual');
  const looseSteps = firstOf(loose, limits.steps, omitted, 'steps').map((s) => panelStep(s, index.recordSteps.get(s.id), mask));
  const deps = record?.dependencies;
  const running = input.running ? { ...input.running, title: mask(steps.get(input.running.stepId)?.title ?? input.running.stepId) } : null;
  const state: PanelState = {
    runbookTitle: mask(runbook.title || input.runbookPath),
    runbookPath: input.runbookPath,
    runDir: input.runDir,
    trusted: input.trusted,
    busy: input.busy,
    stages,
    looseSteps,
    dependencies: deps && (deps.items.length > 0 || deps.checkedAt !== null)
      ? {
        status: deps.status, repo: deps.repo, reason: deps.reason,
        items: firstOf(deps.items, limits.dependencies, omitted, 'dependencies')
          .map((i) => ({ label: i.label, state: i.state, title: i.title === null ? null : mask(i.title), url: safeUrl(i.url), error: i.error === null ? null : mask(i.error) })),
      }
      : null,
    gates: firstOf(record?.gates ?? [], limits.gates, omitted, 'gates').map((g) => ({ id: g.id, title: g.title, status: g.status, evidence: g.evidence, inScope: g.inScope })),
    decision: input.decision
      ? { decision: input.decision.decision, counts: input.decision.counts.line, reasons: firstOf(input.decision.reasons, limits.reasons, omitted, 'reasons').map(input.word) }
      : null,
    running,
    unmaskedSecrets: record?.unmaskedSecrets ?? [],
    omitted: Object.values(omitted).some((n) => n > 0) ? omitted : null,
  };
  return state;
}

/** The first `limit` items; how many more there are is added to `omitted[key]`. */
function firstOf<T>(items: readonly T[], limit: number, omitted: PanelOmitted, key: keyof PanelOmitted): readonly T[] {
  if (items.length <= limit) return items;
  omitted[key] += items.length - limit;
  return items.slice(0, limit);
}

/** Only https links reach the panel (a runbook or an API answer could hold `javascript:`). */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function panelCheck(check: Check, recorded: CheckRecord | undefined, mask: (t: string) => string, stepView: (id: string) => PanelStep[]): PanelCheck {
  const manual = check.kind === 'manual' || check.kind === 'gate' || (check.kind === 'hold' && check.hold?.durationMs === null && check.hold.businessDays === null);
  return {
    id: check.id,
    text: recorded?.text ?? mask(check.text),
    line: check.range.startLine,
    kind: check.kind,
    required: check.required,
    status: recorded?.status ?? 'pending',
    outcome: recorded?.outcome ?? '',
    binding: check.binding && check.binding.how === 'inferred' ? mask(check.binding.reason) : null,
    steps: check.stepIds.flatMap(stepView),
    mark: recorded?.mark ?? null,
    holdUntil: recorded?.hold?.until ?? null,
    holdText: check.hold ? mask(check.hold.text) : null,
    markable: manual,
  };
}

function panelStep(step: Step, recorded: StepRecord | undefined, mask: (t: string) => string): PanelStep {
  return {
    id: step.id,
    title: recorded?.title ?? mask(step.title),
    line: step.range.startLine,
    command: recorded?.command ?? mask(step.command),
    status: recorded?.status ?? 'pending',
    outcome: recorded?.outcome ?? '',
    destructive: step.destructive ? mask(step.destructiveReason ?? 'destructive') : null,
    attempts: panelAttempts(recorded?.attempts ?? []),
  };
}

/**
 * How the panel names each attempt: `#2`, or `#2 · session 3` when another session also ran
 * an attempt 2 of the step (the editor and the CLI each number their own).
 */
export function attemptLabels(attempts: ReadonlyArray<Pick<Attempt, 'n' | 'session'>>): string[] {
  const count = new Map<number, number>();
  for (const a of attempts) count.set(a.n, (count.get(a.n) ?? 0) + 1);
  return attempts.map((a) => ((count.get(a.n) ?? 0) > 1 ? `#${a.n} · session ${a.session}` : `#${a.n}`));
}

function panelAttempts(attempts: Attempt[]): PanelAttempt[] {
  const labels = attemptLabels(attempts);
  return attempts.map((a, i) => panelAttempt(a, labels[i]!));
}

function panelAttempt(a: Attempt, label: string): PanelAttempt {
  return {
    n: a.n, label, session: a.session, status: a.status, outcome: a.outcome, command: a.command, cwd: a.cwd,
    shell: [a.shell, ...a.shellFlags].join(' '), startedAt: a.startedAt, endedAt: a.endedAt,
    duration: formatDuration(a.durationMs), exitCode: a.exitCode, signal: a.signal, logPath: a.logPath, logSha256: a.logSha256,
  };
}

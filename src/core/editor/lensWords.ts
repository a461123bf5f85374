// What one lens says and does (pass 2 of lensPlan.ts, for resolveCodeLens): titles in the
// issue's words — "runs `Runtime WS health`", "dependency gate: 5 issues", "hold 60 min",
// "✓ 4.0s", "✗ exit 1", "⊘ blocked: missing `TOKEN`" — and the command each runs.
import type { Check, Runbook, Stage, Step } from '../runbook/model';
import type { CheckRecord, CheckStatus, StageVerdict, StepRecord } from '../run/record';
import { stageVerdictOf } from '../gate/decide';
import { formatDuration } from '../formatDuration';
import { describeRemaining } from '../run/holds';
import type { LensContent, LensIndex, LensSlot, LensView, SlotName } from './lensPlan';

const TRUST: LensContent = {
  title: '$(workspace-untrusted) Restricted Mode: running is disabled · Manage Workspace Trust',
  action: 'manageTrust',
  args: [],
  tooltip: 'Runbook Gate runs commands, writes run records and sends GitHub tokens only in a trusted workspace. Trust this folder to run it.',
};

export function lensContent(slot: LensSlot, index: LensIndex, view: LensView): LensContent | null {
  if (slot.slot === 'trust') return TRUST;
  switch (slot.item) {
    case 'stage': {
      const stage = index.stages.get(slot.id);
      return stage ? stageContent(stage, slot.slot, index, view) : null;
    }
    case 'check': {
      const check = index.checks.get(slot.id);
      return check ? checkContent(check, slot.slot, index, view) : null;
    }
    case 'step': {
      const step = index.steps.get(slot.id);
      return step ? stepContent(step, slot.slot, index, view) : null;
    }
    case 'gate':
      return gateContent(slot, index);
  }
}

const VERDICT_ICON: Record<StageVerdict, string> = {
  PASS: '$(pass)', FAIL: '$(error)', BLOCKED: '$(circle-slash)', HOLDING: '$(watch)', 'NOT RUN': '$(circle-outline)',
};

function busyTip(view: LensView, what: string): string {
  return view.busy ? `A run is in progress: ${what} is queued after it, or you may cancel it and run this now.` : `Run ${what}`;
}

function stageContent(stage: Stage, slot: SlotName, index: LensIndex, view: LensView): LensContent | null {
  const noun = stage.kind === 'checklist' ? 'checklist' : 'stage';
  if (slot === 'run') {
    if (view.queued.has(stage.id)) return { title: `$(clock) ${noun} queued`, action: 'showPanel', args: [] };
    return { title: `$(run-all) Run ${noun}`, action: 'runStage', args: [stage.id], tooltip: busyTip(view, `the checks of ${stage.label}`) };
  }
  const verdict = stageVerdict(stage, index, view);
  return { title: verdict.title, action: 'showPanel', args: [stage.id], tooltip: verdict.tooltip };
}

export function stageVerdict(stage: Stage, index: LensIndex, view: LensView): { verdict: StageVerdict | 'RUNNING'; title: string; tooltip: string } {
  const recorded = stage.checkIds.map((id) => index.recordChecks.get(id)).filter((c): c is CheckRecord => c !== undefined);
  const stageRecord = index.recordStages.get(stage.id);
  const passed = recorded.filter((c) => c.status === 'passed').length;
  const counts = `${passed}/${stage.checkIds.length} checks passed`;
  if (recorded.some((c) => c.status === 'running')) return { verdict: 'RUNNING', title: `$(sync~spin) running · ${counts}`, tooltip: counts };
  const mark = stageRecord?.mark;
  const verdict: StageVerdict = mark
    ? (mark.status === 'passed' ? 'PASS' : mark.status === 'failed' ? 'FAIL' : mark.status === 'blocked' ? 'BLOCKED' : 'NOT RUN')
    : stageVerdictOf(recorded.map((c) => ({ checkId: c.id, status: c.status, required: view.strict || c.required })));
  let title = `${VERDICT_ICON[verdict]} ${verdict}`;
  if (verdict === 'HOLDING') {
    const until = recorded.filter((c) => c.status === 'holding' && c.hold?.until).map((c) => c.hold!.until!).sort().at(-1);
    if (until) title += ` · ${holdLeft(until, view.now)}`;
  }
  if (recorded.length > 0 && verdict !== 'NOT RUN') title += ` · ${counts}`;
  return { verdict, title, tooltip: mark ? `marked ${mark.status}${mark.note ? `: ${mark.note}` : ''}` : counts };
}

function holdLeft(until: string, now: number): string {
  const left = Date.parse(until) - now;
  if (!(left > 0)) return 'hold elapsed: run the stage again to record it';
  return `${describeRemaining(left)} left`;
}

/** "hold 60 min", "hold 1 business day": how long a hold is, as the lens says it. */
export function holdLength(check: Check): string {
  const hold = check.hold;
  if (!hold) return 'hold';
  if (hold.businessDays !== null) return `hold ${hold.businessDays} business day${hold.businessDays === 1 ? '' : 's'}`;
  if (hold.durationMs !== null) return `hold ${spokenDuration(hold.durationMs)}`;
  return `hold (${hold.text}): needs a verdict`;
}

/** "60 min", "24 h", "2 days", "90 min": how people say a hold's length. */
function spokenDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes <= 120 || minutes % 60 !== 0) return minutes < 180 ? `${minutes} min` : describeRemaining(ms);
  const hours = minutes / 60;
  return hours % 24 === 0 && hours > 24 ? `${hours / 24} days` : `${hours} h`;
}

const STATUS_ICON: Record<CheckStatus, string> = {
  pending: '$(circle-outline)', running: '$(sync~spin)', passed: '$(pass)', failed: '$(error)', blocked: '$(circle-slash)',
  skipped: '$(debug-step-over)', interrupted: '$(warning)', cancelled: '$(circle-slash)', holding: '$(watch)',
};

function quoteTitles(steps: Step[]): string {
  const shown = steps.slice(0, 2).map((s) => `\`${s.title}\``).join(', ');
  return steps.length > 2 ? `${shown} +${steps.length - 2} more` : shown;
}

function dependencyCount(check: Check, runbook: Runbook): number {
  return check.issueIds.length > 0 ? check.issueIds.length : runbook.issues.filter((i) => i.role === 'dependency').length;
}

function checkContent(check: Check, slot: SlotName, index: LensIndex, view: LensView): LensContent | null {
  const recorded = index.recordChecks.get(check.id);
  switch (slot) {
    case 'what':
      return checkWhat(check, index, view);
    case 'state': {
      if (!recorded) return null;
      let outcome = recorded.outcome || recorded.status;
      if (recorded.status === 'holding' && recorded.hold?.until) outcome = `holding · ${holdLeft(recorded.hold.until, view.now)}`;
      const log = check.kind === 'command' ? check.stepIds.find((id) => index.recordSteps.get(id)?.attempts.length) : undefined;
      return {
        title: `${STATUS_ICON[recorded.status]} ${truncate(outcome, 70)}`,
        action: log ? 'showStepLog' : 'showPanel',
        args: log ? [log] : [check.id],
        tooltip: `${recorded.status}: ${recorded.outcome}`,
      };
    }
    case 'markPassed':
      return { title: '$(check) Mark passed', action: 'markCheck', args: [check.id, { status: 'passed' }], tooltip: 'Record your verdict, with a note for the report' };
    case 'markFailed':
      return { title: '$(close) failed', action: 'markCheck', args: [check.id, { status: 'failed' }], tooltip: 'Record that this check failed, with a note' };
    case 'markBlocked':
      return { title: '$(circle-slash) blocked…', action: 'markCheck', args: [check.id, { status: 'blocked' }], tooltip: 'Record that this check could not be done, with the reason' };
    case 'changeBinding':
      return { title: '$(link) Change binding…', action: 'changeBinding', args: [check.id], tooltip: check.binding?.reason ?? 'Bind this check to another step' };
    case 'bind':
      return { title: '$(link) Bind to step…', action: 'bindToStep', args: [check.id], tooltip: 'This item reads like a command but runs no step: choose the step it runs' };
    default:
      return null;
  }
}

function checkWhat(check: Check, index: LensIndex, view: LensView): LensContent {
  const queued = view.queued.has(check.id);
  switch (check.kind) {
    case 'command': {
      const steps = check.stepIds.map((id) => index.steps.get(id)).filter((s): s is Step => s !== undefined);
      if (steps.length === 0) return { title: '$(question) command: bound to no step', action: null, args: [], tooltip: 'Bind it to a step to run it' };
      const how = check.binding?.how === 'inferred' ? ' (inferred)' : '';
      return {
        title: `${queued ? '$(clock) queued: ' : view.trusted ? '$(play) ' : ''}runs ${quoteTitles(steps)}${how}`,
        action: view.trusted ? 'runCheck' : null,
        args: view.trusted ? [check.id] : [],
        tooltip: view.trusted ? `${check.binding?.reason ?? 'bound to its step'} — ${busyTip(view, 'this check')}` : TRUST.tooltip,
      };
    }
    case 'dependency': {
      const n = dependencyCount(check, index.runbook);
      return {
        title: `$(issues) dependency gate: ${n} issue${n === 1 ? '' : 's'}`,
        action: view.trusted ? 'runCheck' : null,
        args: view.trusted ? [check.id] : [],
        tooltip: view.trusted ? 'Look the issues up on GitHub: the gate is green when all are closed' : TRUST.tooltip,
      };
    }
    case 'hold':
      return {
        title: `$(watch) ${holdLength(check)}`,
        action: view.trusted ? 'runCheck' : null,
        args: view.trusted ? [check.id] : [],
        tooltip: `"${check.hold?.text ?? ''}": it passes once this time has elapsed since its stage started`,
      };
    case 'gate': {
      const gates = check.gateIds.map((id) => index.gates.get(id)?.title).filter((t): t is string => !!t);
      return { title: `$(graph) follows gates: ${gates.slice(0, 2).join(', ')}${gates.length > 2 ? ` +${gates.length - 2}` : ''}`, action: 'showPanel', args: [check.id] };
    }
    case 'manual':
      return { title: '$(person) manual:', action: null, args: [], tooltip: 'A person decides this check: mark it passed, failed or blocked, with a note' };
  }
}

function stepContent(step: Step, slot: SlotName, index: LensIndex, view: LensView): LensContent | null {
  const recorded = index.recordSteps.get(step.id);
  switch (slot) {
    case 'elapsed': {
      const started = view.running.get(step.id) ?? view.now;
      return { title: `$(sync~spin) running ${formatDuration(Math.max(0, view.now - started))}`, action: 'showPanel', args: [step.id] };
    }
    case 'cancel':
      return { title: '$(debug-stop) Cancel', action: 'cancelStep', args: [step.id], tooltip: 'Stop this step: it is recorded as cancelled, never as failed' };
    case 'run': {
      if (view.queued.has(step.id)) return { title: '$(clock) queued', action: 'showPanel', args: [step.id] };
      if (step.annotations.interactive) {
        return { title: '$(terminal) Run in terminal (interactive)', action: 'runInTerminal', args: [step.id], tooltip: 'An interactive step runs in an integrated terminal' };
      }
      const again = (recorded?.attempts.length ?? 0) > 0;
      const danger = step.destructive ? ` (destructive: ${step.destructiveReason ?? 'asks first'})` : '';
      return {
        title: `${again ? '$(debug-restart) Re-run step' : '$(play) Run step'}${danger}`,
        action: 'runStep',
        args: [step.id],
        tooltip: busyTip(view, `"${step.title}"`),
      };
    }
    case 'copy':
      return { title: '$(copy) Copy', action: 'copyStep', args: [step.id], tooltip: 'Copy the command' };
    case 'terminal':
      return { title: '$(terminal) Run in terminal', action: 'runInTerminal', args: [step.id], tooltip: 'Run it in an integrated terminal; its exit code can mark its check' };
    case 'result':
      return recorded ? { ...stepResult(recorded), action: recorded.attempts.length > 0 ? 'showStepLog' : 'showPanel', args: [step.id] } : null;
    default:
      return null;
  }
}

/** "✓ 4.0s", "✗ exit 1", "⊘ blocked: missing `RUNTIME_ADMIN_TOKEN`": a step's last result. */
export function stepResult(step: StepRecord): { title: string; tooltip: string } {
  const last = step.attempts.at(-1);
  const attempts = step.attempts.length > 1 ? ` · ${step.attempts.length} attempts` : '';
  const tooltip = `${step.status}: ${step.outcome}${last?.logPath ? ' — click to open the log' : ''}`;
  const fromLast = last && last.status === step.status;
  switch (step.status) {
    case 'passed':
      return { title: `✓ ${fromLast ? formatDuration(last.durationMs) : 'passed'}${outcomeTail(step.outcome)}${attempts}`, tooltip };
    case 'failed':
      return { title: `✗ ${fromLast && last.exitCode !== null ? `exit ${last.exitCode}` : 'failed'}${outcomeTail(step.outcome, /^exit \d+:?\s*/)}${attempts}`, tooltip };
    case 'blocked':
      return { title: `⊘ blocked: ${truncate(blockedReason(step.outcome), 60)}${attempts}`, tooltip };
    case 'cancelled':
      return { title: `⊘ cancelled${fromLast ? ` after ${formatDuration(last.durationMs)}` : ''}${attempts}`, tooltip };
    case 'interrupted':
      return { title: `! interrupted${attempts}`, tooltip };
    case 'skipped':
      return { title: `– skipped: ${truncate(step.outcome.replace(/^skipped:\s*/, ''), 60)}`, tooltip };
    case 'running':
      return { title: '$(sync~spin) running', tooltip };
    default:
      return { title: step.status, tooltip };
  }
}

function outcomeTail(outcome: string, drop?: RegExp): string {
  const text = (drop ? outcome.replace(drop, '') : outcome).trim();
  if (text === '' || /^passed$|^exit 0$|^failed$/.test(text)) return '';
  return ` · ${truncate(text, 50)}`;
}

/** "missing input: A, B" -> "missing `A`, `B`". */
function blockedReason(outcome: string): string {
  const missing = /^missing input:\s*(.+)$/.exec(outcome);
  if (missing) return `missing ${missing[1]!.split(/,\s*/).map((n) => `\`${n}\``).join(', ')}`;
  return outcome;
}

function gateContent(slot: LensSlot, index: LensIndex): LensContent | null {
  const gate = index.recordGates.get(slot.id);
  if (slot.slot === 'mark') return { title: '$(edit) Mark green / red / blocked…', action: 'markGate', args: [slot.id], tooltip: 'Record what you observed, with a note' };
  if (!gate) return { title: '$(graph) gate: not observed', action: 'showPanel', args: [slot.id] };
  const icon = gate.status === 'green' ? '$(pass)' : gate.status === 'red' ? '$(error)' : gate.status === 'blocked' ? '$(circle-slash)' : '$(circle-outline)';
  return { title: `${icon} gate ${gate.status}${gate.status === 'not observed' ? '' : `: ${truncate(gate.evidence, 60)}`}`, action: 'showPanel', args: [slot.id], tooltip: gate.evidence };
}

function truncate(text: string, length: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= length ? line : `${line.slice(0, length - 1)}…`;
}

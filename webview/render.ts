// Renders a runbook's state (stages, checks, evidence, dependencies, gates, the decision) into
// the panel. Re-rendered on every state message; the output view lives outside it, so it never
// jumps when a step ends.
import type { PanelAttempt, PanelCheck, PanelCommand, PanelOmitted, PanelStage, PanelState, PanelStep } from './messages';
import type { CheckStatus } from '../src/core/run/record';
import { describeRemaining } from '../src/core/run/holds';
import { button, h, icon, vsc, type Child } from './dom';

export type Send = (command: PanelCommand) => void;

const STATUS_ICON: Record<CheckStatus | 'RUNNING' | 'PASS' | 'FAIL' | 'BLOCKED' | 'HOLDING' | 'NOT RUN', string> = {
  pending: 'circle-outline', running: 'loading', passed: 'pass', failed: 'error', blocked: 'circle-slash', skipped: 'debug-step-over',
  interrupted: 'warning', cancelled: 'circle-slash', holding: 'watch',
  RUNNING: 'loading', PASS: 'pass', FAIL: 'error', BLOCKED: 'circle-slash', HOLDING: 'watch', 'NOT RUN': 'circle-outline',
};

function statusIcon(status: keyof typeof STATUS_ICON): HTMLElement {
  const node = icon(STATUS_ICON[status], `status status-${status.toLowerCase().replace(/\s+/g, '-')}`);
  if (status === 'running' || status === 'RUNNING') node.setAttribute('spin', '');
  node.setAttribute('label', status);
  return node;
}

/** "37 min left" from now; the panel's timer refreshes every element carrying data-until. */
export function timeLeft(until: string, now = Date.now()): string {
  const ms = Date.parse(until) - now;
  if (!(ms > 0)) return 'elapsed: run the stage again to record it';
  return `${describeRemaining(ms)} left`;
}

function countdown(until: string): HTMLElement {
  return h('span', { class: 'countdown', data: { until } }, timeLeft(until));
}

export function renderState(root: HTMLElement, state: PanelState | null, send: Send): void {
  root.replaceChildren();
  if (!state) {
    root.append(h('p', { class: 'empty' }, 'Open a Markdown runbook: its stages, checks and runs show here.'));
    return;
  }
  root.append(header(state, send));
  if (state.decision) root.append(decision(state));
  for (const stage of state.stages) root.append(stageSection(stage, state, send));
  if (state.looseSteps.length > 0) {
    root.append(collapsible('other-steps', { title: 'Other steps', open: state.looseSteps.some((s) => s.status !== 'pending') }, ...state.looseSteps.map((s) => stepRow(s, state, send))));
  }
  if (state.dependencies) root.append(dependencies(state, send));
  if (state.gates.length > 0) root.append(gates(state));
  if (state.omitted) root.append(omittedNote(state.omitted));
}

/** What the panel leaves out of a very long runbook; the lenses in the editor show it all. */
function omittedNote(omitted: PanelOmitted): HTMLElement {
  const parts = ([
    [omitted.stages, 'stages'], [omitted.checks, 'checks'], [omitted.steps, 'other steps'],
    [omitted.gates, 'gates'], [omitted.dependencies, 'dependency issues'], [omitted.reasons, 'reasons of the decision'],
  ] as const).filter(([n]) => n > 0).map(([n, what]) => `${n.toLocaleString('en-US')} ${what}`);
  return h('p', { class: 'omitted muted' }, `This runbook is too long to show whole here: ${parts.join(', ')} are not listed. The lenses in the editor show every stage and check.`);
}

function header(state: PanelState, send: Send): HTMLElement {
  const node = h('header', {},
    h('h2', { title: state.runbookPath }, state.runbookTitle),
    h('div', { class: 'path' }, state.runbookPath, state.runDir ? ` · run ${state.runDir}` : ' · not run yet'),
  );
  if (!state.trusted) {
    node.append(h('div', { class: 'warning' }, icon('workspace-untrusted'), ' Restricted Mode: nothing runs, is written or sent until you trust this workspace.'));
  }
  if (state.unmaskedSecrets.length > 0) {
    node.append(h('div', { class: 'warning' }, `Too short to mask (under 4 characters): ${state.unmaskedSecrets.join(', ')}`));
  }
  const bar = h('div', { class: 'toolbar' });
  if (state.busy) bar.append(button('Cancel', 'debug-stop', () => send({ type: 'cancel' })));
  bar.append(
    button('Generate gate report', 'output', () => send({ type: 'generateReport' }), { secondary: state.busy, disabled: !state.trusted || !state.runDir }),
    button('Add note…', 'note', () => send({ type: 'note' }), { secondary: true, disabled: !state.trusted }),
    button('Reset run', 'clear-all', () => send({ type: 'resetRun' }), { secondary: true, disabled: state.busy || !state.runDir }),
  );
  node.append(bar);
  return node;
}

function decision(state: PanelState): HTMLElement {
  const d = state.decision!;
  const go = d.decision === 'Go';
  const node = h('section', { class: `decision ${go ? 'go' : 'no-go'}` },
    h('div', { class: 'decision-line' }, icon(go ? 'pass' : 'error'), ` Decision so far: ${d.decision}`, d.counts ? h('span', { class: 'muted' }, ` · ${d.counts}`) : null),
  );
  if (d.reasons.length > 0) {
    node.append(h('ul', { class: 'reasons' }, ...d.reasons.map((r) => h('li', {},
      h('strong', {}, r.subject), ` — ${r.problem}`, r.remedy ? h('div', { class: 'remedy' }, `→ ${r.remedy}`) : null))));
  }
  return node;
}

/** Sections the user opened or closed keep that state when the panel is redrawn (every state message). */
const toggled = new Map<string, boolean>();
let onToggled: (() => void) | null = null;

/** The user's open/closed choices, saved with the panel's state so that a reload keeps them. */
export function sectionChoices(): Array<[string, boolean]> {
  return [...toggled];
}

/** Another runbook (or a reset run): the choices made on the last one do not apply. */
export function forgetSectionChoices(): void {
  toggled.clear();
}

export function restoreSectionChoices(choices: ReadonlyArray<[string, boolean]>, changed: () => void): void {
  for (const [id, open] of choices) toggled.set(id, open);
  onToggled = changed;
}

function collapsible(id: string, attributes: Record<string, string | boolean>, ...children: Child[]): HTMLElement {
  const node = vsc('vscode-collapsible', { ...attributes, open: toggled.get(id) ?? attributes.open === true }, ...children);
  node.addEventListener('vsc-collapsible-toggle', (event) => {
    const open = (event as CustomEvent<{ open: boolean }>).detail.open;
    if (toggled.get(id) === open) return;
    toggled.set(id, open);
    onToggled?.();
  });
  return node;
}

function stageSection(stage: PanelStage, state: PanelState, send: Send): HTMLElement {
  const open = stage.verdict !== 'PASS' || stage.checks.some((c) => c.status === 'running');
  const description = stage.verdict + (stage.holdUntil && stage.verdict === 'HOLDING' ? ` · ${timeLeft(stage.holdUntil)}` : '');
  const section = collapsible(`stage:${stage.id}`, { title: stage.label, description, open, class: `stage verdict-${stage.verdict.toLowerCase().replace(/\s+/g, '-')}` });
  const actions = h('div', { class: 'stage-actions', data: { slot: 'actions' } },
    button(stage.kind === 'checklist' ? 'Run checklist' : 'Run stage', 'run-all', () => send({ type: 'runStage', stageId: stage.id }), { disabled: !state.trusted, secondary: true, title: state.trusted ? 'Run its checks in order' : 'Restricted Mode: trust the workspace to run' }),
    button('Show in runbook', 'go-to-file', () => send({ type: 'reveal', line: stage.line }), { secondary: true }),
  );
  section.append(actions, h('ul', { class: 'checks' }, ...stage.checks.map((c) => checkRow(c, state, send))));
  if (stage.moreChecks > 0) section.append(h('p', { class: 'muted' }, `… and ${stage.moreChecks.toLocaleString('en-US')} more checks in this stage: see them in the runbook.`));
  return section;
}

function checkRow(check: PanelCheck, state: PanelState, send: Send): HTMLElement {
  const text = h('a', { class: 'check-text', title: `line ${check.line}` }, check.text);
  text.addEventListener('click', () => send({ type: 'reveal', line: check.line }));
  const row = h('li', { class: `check status-${check.status}` },
    h('div', { class: 'check-head' }, statusIcon(check.status), text, vsc('vscode-badge', { variant: 'counter' }, check.kind), check.required ? null : vsc('vscode-badge', {}, 'optional')),
  );
  const facts: Array<Node | string> = [];
  if (check.outcome) facts.push(check.outcome);
  if (check.status === 'holding' && check.holdUntil) facts.push(' · ', countdown(check.holdUntil));
  if (facts.length > 0) row.append(h('div', { class: 'outcome' }, ...facts));
  if (check.mark) row.append(h('div', { class: 'mark' }, `${check.mark.status} by ${check.mark.by ?? 'someone'}${check.mark.note ? `: ${check.mark.note}` : ''}`));
  if (check.binding) row.append(h('div', { class: 'binding muted' }, check.binding));
  const actions = h('div', { class: 'actions' });
  const runnable = check.kind === 'command' ? check.steps.length > 0 : check.kind === 'dependency' || (check.kind === 'hold' && !check.markable);
  if (runnable) actions.append(button('Run', 'play', () => send({ type: 'runCheck', checkId: check.id }), { disabled: !state.trusted, secondary: true }));
  if (check.markable || check.kind === 'gate') {
    actions.append(
      button('Passed', 'check', () => send({ type: 'mark', id: check.id, status: 'passed' }), { disabled: !state.trusted, secondary: true }),
      button('Failed', 'close', () => send({ type: 'mark', id: check.id, status: 'failed' }), { disabled: !state.trusted, secondary: true }),
      button('Blocked…', 'circle-slash', () => send({ type: 'mark', id: check.id, status: 'blocked' }), { disabled: !state.trusted, secondary: true }),
    );
  }
  if (actions.childElementCount > 0) row.append(actions);
  for (const step of check.steps) row.append(stepRow(step, state, send));
  return row;
}

function stepRow(step: PanelStep, state: PanelState, send: Send): HTMLElement {
  const running = state.running?.stepId === step.id;
  const row = h('div', { class: `step status-${step.status}` },
    h('div', { class: 'step-head' }, statusIcon(step.status), h('span', { class: 'step-title' }, step.title), step.destructive ? vsc('vscode-badge', { title: step.destructive }, 'destructive') : null),
  );
  if (step.outcome) row.append(h('div', { class: 'outcome' }, step.outcome));
  const actions = h('div', { class: 'actions' });
  if (running) actions.append(button('Cancel', 'debug-stop', () => send({ type: 'cancel' })));
  else actions.append(button(step.attempts.length > 0 ? 'Re-run' : 'Run', step.attempts.length > 0 ? 'debug-restart' : 'play', () => send({ type: 'runStep', stepId: step.id }), { disabled: !state.trusted, secondary: true }));
  if (step.attempts.some((a) => a.logPath)) actions.append(button('Log', 'file', () => send({ type: 'openLog', stepId: step.id }), { secondary: true }));
  row.append(actions);
  if (step.attempts.length > 0) row.append(evidence(step, send));
  return row;
}

function evidence(step: PanelStep, send: Send): HTMLElement {
  const last = step.attempts[step.attempts.length - 1]!;
  const body = h('div', { class: 'evidence' }, facts(last));
  if (step.attempts.length > 1) {
    body.append(h('div', { class: 'attempts-title' }, `${step.attempts.length} attempts`), h('ol', { class: 'attempts' }, ...step.attempts.map((a) => {
      const item = h('li', {}, `${a.label} ${a.status} · ${a.duration}${a.exitCode !== null ? ` · exit ${a.exitCode}` : ''} · ${a.outcome} `);
      if (a.logPath) {
        const link = h('a', { class: 'log-link' }, 'log');
        link.addEventListener('click', () => send({ type: 'openLog', stepId: step.id, attempt: a.n, session: a.session }));
        item.append(link);
      }
      return item;
    })));
  }
  return collapsible(`evidence:${step.id}`, { title: 'Evidence', description: `attempt ${last.label}` }, body);
}

function facts(a: PanelAttempt): HTMLElement {
  const rows: Array<[string, string]> = [
    ['Command', a.command],
    ['Working directory', a.cwd],
    ['Shell', a.shell],
    ['Started', a.startedAt ?? '—'],
    ['Ended', a.endedAt ?? '—'],
    ['Duration', a.duration],
    ['Exit code', a.exitCode === null ? (a.signal ?? '—') : String(a.exitCode)],
    ['Outcome', `${a.status}: ${a.outcome}`],
    ['Log', a.logPath ? `${a.logPath}${a.logSha256 ? ` (sha256 ${a.logSha256.slice(0, 12)}…)` : ''}` : '—'],
  ];
  return h('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', { class: k === 'Command' ? 'code' : '' }, v)]));
}

function dependencies(state: PanelState, send: Send): HTMLElement {
  const deps = state.dependencies!;
  const list = h('ul', { class: 'dependencies' }, ...deps.items.map((item) => {
    const label = item.url ? h('a', { class: 'issue-link', title: item.url }, item.label) : h('span', {}, item.label);
    if (item.url) label.addEventListener('click', () => send({ type: 'openUrl', url: item.url! }));
    const state = item.error ? `blocked: ${item.error}` : item.state ? item.state.toUpperCase() : 'not checked';
    return h('li', { class: `dependency state-${item.error ? 'blocked' : item.state ?? 'unknown'}` },
      statusIcon(item.error ? 'blocked' : item.state === 'closed' ? 'passed' : item.state === 'open' ? 'failed' : 'pending'),
      label, item.title ? ` ${item.title}` : '', h('span', { class: 'muted' }, ` -> ${state}`));
  }));
  const description = `${deps.status}${deps.repo ? ` · ${deps.repo}` : ''}`;
  return collapsible('dependency-gate', { title: 'Dependency gate', description, open: deps.status !== 'green' }, deps.reason ? h('div', { class: 'warning' }, deps.reason) : null, list);
}

function gates(state: PanelState): HTMLElement {
  return collapsible('kpi-gates', { title: 'KPI / SLO gates', description: `${state.gates.filter((g) => g.status === 'green').length}/${state.gates.length} green` },
    h('ul', { class: 'gates' }, ...state.gates.map((g) => h('li', { class: `gate gate-${g.status.replace(/\s+/g, '-')}` },
      statusIcon(g.status === 'green' ? 'passed' : g.status === 'red' ? 'failed' : g.status === 'blocked' ? 'blocked' : 'pending'),
      h('span', {}, g.title), h('span', { class: 'muted' }, ` · ${g.status}${g.inScope ? '' : ' (not in scope)'}${g.status !== 'not observed' ? `: ${g.evidence}` : ''}`)))));
}

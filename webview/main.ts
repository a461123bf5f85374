// The Runbook Gate side panel. It renders host state with textContent only: command output
// is untrusted text and never becomes HTML.
import { formatDuration } from '../src/core/formatDuration';
import { PANEL_OUTPUT_LIMIT, type HostToPanel, type PanelState, type PanelStep, type PanelToHost } from './messages';

interface VsCodeApi {
  postMessage(message: PanelToHost): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}
interface SavedState {
  state: PanelState | null;
  output: Record<string, string>;
  selected: string | null;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState() ?? { state: null, output: {}, selected: null };
let state = saved.state;
const output = new Map<string, string>(Object.entries(saved.output));
let selected = saved.selected;

const STATUS_ICON: Record<PanelStep['status'], string> = {
  pending: '○',
  running: '◌',
  passed: '✓',
  failed: '✗',
  blocked: '⊘',
  skipped: '–',
  interrupted: '!',
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function persist(): void {
  vscode.setState({ state, output: Object.fromEntries(output), selected });
}


function renderStep(step: PanelStep): HTMLElement {
  const row = element('li', `step status-${step.status}${step.id === selected ? ' selected' : ''}`);
  row.dataset.stepId = step.id;
  const head = element('div', 'step-head');
  head.append(element('span', 'icon', STATUS_ICON[step.status]), element('span', 'title', step.title));
  if (!step.required) head.append(element('span', 'badge', 'optional'));
  row.append(head);
  const facts = [step.status, step.exitCode !== null ? `exit ${step.exitCode}` : '', step.durationMs === null ? '' : formatDuration(step.durationMs)]
    .filter(Boolean)
    .join(' · ');
  row.append(element('div', 'facts', facts));
  if (step.outcome) row.append(element('div', 'outcome', step.outcome));
  const actions = element('div', 'actions');
  const run = element('button', undefined, step.status === 'pending' ? 'Run' : 'Re-run');
  run.disabled = !!state?.running || !state?.trusted;
  run.addEventListener('click', (event) => {
    event.stopPropagation();
    vscode.postMessage({ type: 'runStep', stepId: step.id });
  });
  actions.append(run);
  if (step.logPath) {
    const log = element('button', 'secondary', 'Log');
    log.addEventListener('click', (event) => {
      event.stopPropagation();
      vscode.postMessage({ type: 'openLog', stepId: step.id });
    });
    actions.append(log);
  }
  if (step.command === '') {
    for (const verdict of ['passed', 'failed', 'blocked'] as const) {
      const button = element('button', 'secondary', verdict);
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        vscode.postMessage({ type: 'manualVerdict', stepId: step.id, status: verdict });
      });
      actions.append(button);
    }
  }
  row.append(actions);
  row.addEventListener('click', () => {
    selected = step.id;
    persist();
    render();
  });
  return row;
}

function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.replaceChildren();
  if (!state) {
    root.append(element('p', 'empty', 'Open a Markdown runbook and press "Run step" above a shell block.'));
    return;
  }
  const header = element('header');
  header.append(element('h2', undefined, state.runbookTitle), element('div', 'path', state.runbookPath));
  if (!state.trusted) header.append(element('div', 'warning', 'This workspace is not trusted: steps will not run.'));
  if (state.unmaskedShortSecrets.length > 0) {
    header.append(
      element('div', 'warning', `Not masked (shorter than 4 characters): ${state.unmaskedShortSecrets.join(', ')}`),
    );
  }
  const toolbar = element('div', 'toolbar');
  if (state.running) {
    const cancel = element('button', undefined, 'Cancel');
    cancel.addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
    toolbar.append(cancel);
  }
  const report = element('button', 'secondary', 'Generate gate report');
  report.addEventListener('click', () => vscode.postMessage({ type: 'generateReport' }));
  toolbar.append(report);
  header.append(toolbar);
  root.append(header);

  let group = '';
  let list: HTMLElement | null = null;
  for (const step of state.steps) {
    if (step.group !== group || !list) {
      group = step.group;
      root.append(element('h3', undefined, group));
      list = element('ul', 'steps');
      root.append(list);
    }
    list.append(renderStep(step));
  }

  const shown = selected ?? state.steps.find((s) => s.status === 'running')?.id ?? null;
  const text = shown ? output.get(shown) : undefined;
  root.append(element('h3', undefined, shown ? `Output: ${shown}` : 'Output'));
  const pre = element('pre', 'output', text ?? 'No output yet.');
  pre.id = 'output';
  root.append(pre);
}

function appendOutput(stepId: string, text: string): void {
  const previous = output.get(stepId) ?? '';
  let next = previous + text;
  if (next.length > PANEL_OUTPUT_LIMIT) next = '… (earlier output is in the log)\n' + next.slice(-PANEL_OUTPUT_LIMIT);
  output.set(stepId, next);
  const pre = document.getElementById('output');
  const shown = selected ?? state?.steps.find((s) => s.status === 'running')?.id ?? null;
  if (pre && shown === stepId) {
    pre.textContent = next;
    pre.scrollTop = pre.scrollHeight;
  }
}

window.addEventListener('message', (event: MessageEvent<HostToPanel>) => {
  const message = event.data;
  switch (message.type) {
    case 'state':
      state = message.state;
      render();
      break;
    case 'output':
      appendOutput(message.stepId, message.text);
      break;
    case 'clearOutput':
      output.delete(message.stepId);
      selected = message.stepId;
      render();
      break;
  }
  persist();
});

render();
vscode.postMessage({ type: 'ready' });

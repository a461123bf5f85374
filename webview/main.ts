// The Runbook Gate side panel: the active runbook's stages and checks with live states (render.ts)
// and the running step's output (outputView.ts). State survives hiding and reloads through
// getState/setState; the host re-sends what is current once the panel says it is ready.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import { PANEL_OUTPUT_LINES, type HostToPanel, type PanelCommand, type PanelProbe, type PanelState, type PanelToHost } from './messages';
import { OutputView } from './outputView';
import { forgetSectionChoices, renderState, restoreSectionChoices, sectionChoices, timeLeft } from './render';
import { h } from './dom';

interface SavedState {
  key: string | null;
  state: PanelState | null;
  output: { stepId: string; attempt: number; text: string } | null;
  /** Sections the user opened or closed (render.ts). */
  sections?: Array<[string, boolean]>;
}

interface VsCodeApi {
  postMessage(message: PanelToHost): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const send = (command: PanelCommand) => vscode.postMessage(command);

const stateRoot = document.getElementById('state')!;
const outputTitle = document.getElementById('output-title')!;
const outputElement = document.getElementById('output')!;

let saved: SavedState = vscode.getState() ?? { key: null, state: null, output: null };
let showing: { stepId: string; attempt: number } | null = saved.output ? { stepId: saved.output.stepId, attempt: saved.output.attempt } : null;
const output = new OutputView(outputElement, {
  maxLines: PANEL_OUTPUT_LINES,
  onOpenFullLog: () => showing && send({ type: 'openFullLog', stepId: showing.stepId }),
});

function persist(): void {
  saved = { key: saved.key, state: saved.state, output: showing ? { ...showing, text: output.snapshot() } : null, sections: sectionChoices() };
  vscode.setState(saved);
}

function titleOutput(): void {
  const state = saved.state;
  if (!showing) {
    outputTitle.textContent = 'Output';
    return;
  }
  const title = state?.stages.flatMap((s) => s.checks.flatMap((c) => c.steps)).concat(state.looseSteps).find((s) => s.id === showing!.stepId)?.title ?? showing.stepId;
  outputTitle.textContent = `Output: ${title} (attempt ${showing.attempt})${state?.running?.stepId === showing.stepId ? ' — running' : ''}`;
}

function onState(state: PanelState | null, key: string | null): void {
  if (key !== saved.key) {
    // Another runbook, or the run was reset: its output and the sections opened on it do not belong here.
    output.reset();
    if (saved.key !== null) forgetSectionChoices();
    showing = null;
  }
  saved = { ...saved, key, state };
  renderState(stateRoot, state, send);
  titleOutput();
  persist();
}

function onOutput(message: Extract<HostToPanel, { type: 'output' }>): void {
  if (message.reset || !showing || showing.stepId !== message.stepId || showing.attempt !== message.attempt) {
    output.reset();
    showing = { stepId: message.stepId, attempt: message.attempt };
    titleOutput();
  }
  if (message.skipped) output.skipped(message.skipped);
  output.append(message.text);
  schedulePersist();
}

let persistTimer: ReturnType<typeof setTimeout> | undefined;
function schedulePersist(): void {
  if (persistTimer !== undefined) return;
  persistTimer = setTimeout(() => {
    persistTimer = undefined;
    persist();
  }, 500);
}

/** The text a person sees, the custom elements' own (shadow) content included: titles, verdicts. */
function visibleText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  const own = node.tagName === 'VSCODE-COLLAPSIBLE' ? ['title', 'description'].map((name) => node.getAttribute(name) ?? '').filter(Boolean).join(' ') : '';
  const children = Array.from(node.childNodes).map(visibleText).join('');
  const block = /^(DIV|LI|P|H\d|HEADER|SECTION|DT|DD|VSCODE-COLLAPSIBLE)$/.test(node.tagName);
  return `${own ? `${own} ` : ''}${children}${block ? '\n' : ''}`;
}

async function probe(): Promise<PanelProbe> {
  // Let the output queue drain first (frames only come while the panel is visible).
  for (let i = 0; i < 200 && !output.idle && !document.hidden; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const classes = new Set<string>();
  outputElement.querySelectorAll('span').forEach((span) => span.classList.forEach((c) => classes.add(c)));
  let handlers = 0;
  document.querySelectorAll('*').forEach((node) => {
    for (const attribute of Array.from(node.attributes)) if (/^on/i.test(attribute.name)) handlers++;
  });
  return {
    text: visibleText(document.body),
    output: outputElement.innerText,
    outputClasses: [...classes].sort(),
    scripts: Array.from(document.querySelectorAll('script')).map((script) => script.getAttribute('src') ?? `inline: ${(script.textContent ?? '').slice(0, 80)}`),
    links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? ''),
    images: document.querySelectorAll('img').length,
    handlers,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    hostileRan: (window as unknown as { __rgHostile?: boolean }).__rgHostile === true,
  };
}

window.addEventListener('message', (event: MessageEvent<HostToPanel>) => {
  const message = event.data;
  switch (message.type) {
    case 'state':
      onState(message.state, message.key);
      break;
    case 'output':
      onOutput(message);
      break;
    case 'probe':
      void probe().then((result) => vscode.postMessage({ type: 'probeResult', id: message.id, result }));
      break;
  }
});

window.addEventListener('focus', () => vscode.postMessage({ type: 'focused' }));

// Hold countdowns tick without asking the host.
setInterval(() => {
  document.querySelectorAll<HTMLElement>('[data-until]').forEach((node) => {
    node.textContent = timeLeft(node.dataset.until!);
  });
}, 15_000);

// Restore at once from the saved state, then ask the host for what is current.
restoreSectionChoices(saved.sections ?? [], persist);
renderState(stateRoot, saved.state, send);
if (saved.output) output.append(saved.output.text);
titleOutput();
if (!saved.state) stateRoot.append(h('p', { class: 'muted' }, 'Loading…'));
vscode.postMessage({ type: 'ready' });

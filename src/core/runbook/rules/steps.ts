// Whole-document passes over the steps once the walk is done: ids (names first, then short
// slugs of titles), stage annotations, and the inputs with their first-use diagnostics.
import { memoByText } from '../../text/memoByText';
import type { RunbookDiagnostic, RunbookInput, SourceRange, Stage, Step } from '../model';
import type { StepFragment } from '../parse/fragment';
import { IdPool } from './ids';
import { idList, shortSlug, slugify } from './text';
import { isSecretName } from './shellScan';
import { stageFinder } from '../stageReference';

export interface PendingStep {
  step: Step;
  fragment: StepFragment;
  /** The fence line (or comment) in the document, where step diagnostics point. */
  headRange: SourceRange;
}

/**
 * An id from a command: the first command of a pipeline or list, flags, assignments and
 * redirections dropped, paths to their file names, URLs to their host.
 */
export const commandSlug = memoByText(computeCommandSlug);

function computeCommandSlug(command: string): string {
  const first = command.split(/\s(?:\||&&|;|\|\|)\s/)[0] ?? command;
  const words = first.split(/\s+/).filter((w) => w.length > 0 && !w.startsWith('-') && !/^[A-Za-z_]\w*=/.test(w) && !/^\d*[<>]/.test(w));
  const named = words.map((w) => {
    const url = /^[a-z]+:\/\/(?:www\.)?([^/:?#]+)/i.exec(w);
    if (url) return url[1] ?? w;
    return w.includes('/') ? (w.replace(/\/+$/, '').split('/').pop() ?? w).replace(/\.[A-Za-z0-9]+$/, '') : w;
  });
  return shortSlug(named.join(' '), 4);
}

export function assignStepIds(pending: PendingStep[], stages: Stage[], diagnostics: RunbookDiagnostic[]): Step[] {
  const names = new Set<string>();
  for (const p of pending) if (p.step.annotations.name !== undefined) names.add(p.step.annotations.name);
  // Derived ids never take a name an author gave, wherever in the document it is.
  const ids = new IdPool(names);
  const given = new Set<string>();
  for (const p of pending) {
    const name = p.step.annotations.name;
    if (name === undefined) continue;
    if (!given.has(name)) {
      given.add(name);
      p.step.id = name;
      continue;
    }
    p.step.id = ids.claim(name);
    diagnostics.push({
      range: p.headRange, severity: 'error', code: 'duplicate-step-name',
      message: `Another step is already named "${name}"; this one gets the id "${p.step.id}". Give each step its own name.`,
    });
  }
  for (const p of pending) {
    if (p.step.id !== '') continue;
    // An inline command is named by what it runs; its title keeps the item's words.
    const base = (p.step.language === 'inline' ? commandSlug(p.step.command) : shortSlug(p.step.title)) || shortSlug(p.fragment.firstLine, 3) || (p.step.language === 'manual' ? 'check' : 'step');
    if (!ids.has(base)) {
      p.step.id = ids.claim(base);
      continue;
    }
    // A repeated title: qualify it by its stage or section first ("stage-2-verify").
    const scope = p.step.stageId ?? (p.step.sectionId ? shortSlug(p.step.sectionId.replace(/-/g, ' '), 3) : null);
    const scoped = scope ? `${scope}-${base}` : base;
    p.step.id = ids.claim(ids.has(scoped) ? base : scoped);
  }
  const find = stageFinder(stages);
  for (const p of pending) {
    const wanted = p.step.annotations.stage;
    if (wanted === undefined) continue;
    // Besides what --stage accepts: `stage-<value>`, the number as written, the value's slug.
    const lower = wanted.toLowerCase();
    const slug = slugify(wanted);
    const stage = find(wanted, {
      spellings: [`stage-${lower}`, slug, `#${lower}`],
      matches: (s) => s.id === `stage-${lower}` || (s.number !== null && String(s.number) === lower) || s.id === slug,
    });
    if (stage) p.step.stageId = stage.id;
    else {
      diagnostics.push({
        range: p.headRange, severity: 'warning', code: 'unknown-stage',
        message: `stage=${wanted} names no stage in this runbook (stages: ${idList(stages, (s) => s.id)}).`,
      });
    }
  }
  return pending.map((p) => p.step);
}

export function collectInputs(pending: PendingStep[], steps: Step[], diagnostics: RunbookDiagnostic[]): RunbookInput[] {
  const inputs = new Map<string, RunbookInput>();
  pending.forEach((p, index) => {
    const step = steps[index];
    if (!step) return;
    // The step's annotations, an item comment's included (secret=NAME on the item of an inline command).
    const secretNames = new Set(step.annotations.secret ?? []);
    for (const placeholder of step.placeholders) {
      const existing = inputs.get(placeholder);
      if (existing) {
        if (!existing.stepIds.includes(step.id)) existing.stepIds.push(step.id);
        continue;
      }
      const inner = placeholder.slice(1, -1);
      inputs.set(placeholder, { name: placeholder, kind: 'placeholder', secret: isSecretName(inner.replace(/[\s-]+/g, '_')) || secretNames.has(inner), stepIds: [step.id] });
      diagnostics.push({
        range: p.headRange, severity: 'info', code: 'placeholder-input',
        message: `${placeholder} in step "${step.id}" is a placeholder: the step is blocked until it is filled in (run --input '${placeholder}=VALUE', or the editor asks).`,
      });
    }
    for (const use of p.fragment.inputs) {
      const secret = isSecretName(use.name) || secretNames.has(use.name) || p.fragment.allSecret;
      const existing = inputs.get(use.name);
      if (existing) {
        existing.secret ||= secret;
        if (!existing.stepIds.includes(step.id)) existing.stepIds.push(step.id);
        continue;
      }
      inputs.set(use.name, { name: use.name, kind: 'env', secret, stepIds: [step.id] });
      const shift = p.headRange.startLine - p.fragment.headRange.startLine;
      const range = { ...use.range, startLine: use.range.startLine + shift, endLine: use.range.endLine + shift };
      diagnostics.push({
        range, severity: 'info', code: 'input-from-environment',
        message: `$${use.name} is not set in this runbook: it will be asked for (or read from the environment) when step "${step.id}" runs${secret ? '; as a secret it is masked in logs and reports' : ''}.`,
      });
    }
  });
  return [...inputs.values()];
}

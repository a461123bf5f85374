// `runbook-gate parse RUNBOOK.md [--json]`: the runbook model, as JSON or a short summary.
import { readFile } from 'node:fs/promises';
import { parseRunbook } from '../../core/runbook/parseRunbook';
import type { Check, Runbook } from '../../core/runbook/model';
import { truncate } from '../../core/runbook/rules/text';
import { terminalLine } from '../../core/text/controlChars';
import type { ParseCommand } from '../args';
import { InputError, type CliContext } from '../context';
import { resolve } from 'node:path';

export async function readRunbookFile(cwd: string, path: string): Promise<{ absolute: string; text: string }> {
  const absolute = resolve(cwd, path);
  try {
    return { absolute, text: await readFile(absolute, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`runbook not found: ${path}`);
    if (code === 'EISDIR') throw new InputError(`runbook is a directory, not a Markdown file: ${path}`);
    throw new InputError(`cannot read runbook ${path}: ${(error as Error).message}`);
  }
}

function hold(check: Check): string {
  if (!check.hold) return '';
  return check.hold.durationMs === null && check.hold.businessDays === null ? ` (hold "${check.hold.text}", no duration)` : ` (hold ${check.hold.text})`;
}

function binding(check: Check): string {
  const b = check.binding;
  if (!b) return '';
  const how = b.how === 'inferred' ? `inferred ${b.confidence.toFixed(2)}` : b.how;
  return ` -> ${b.stepIds.join(', ')} (${how})`;
}

/** Stages -> checks (kind, binding) -> steps, gates, references, inputs and diagnostics, one line each. */
export function summariseRunbook(runbook: Runbook, path: string): string {
  const lines = [`${runbook.title || '(untitled)'} — ${path}${runbook.generated ? ' (a report Runbook Gate wrote)' : ''}`];
  const ctx = runbook.context;
  const meta = [ctx.owner && `owner ${ctx.owner}`, ctx.issue && `issue ${ctx.issue.text}`, ctx.reportFolder && `reports to ${ctx.reportFolder}`].filter(Boolean);
  if (meta.length > 0) lines.push(meta.join(', '));
  const dependencies = runbook.issues.filter((i) => i.role === 'dependency');
  lines.push(`${runbook.stages.length} stages, ${runbook.checks.length} checks, ${runbook.steps.length} steps, ${runbook.gates.length} gates, ${dependencies.length} dependencies, ${runbook.issues.length - dependencies.length} citations, ${runbook.inputs.length} inputs`);
  const checks = new Map(runbook.checks.map((c) => [c.id, c]));
  for (const stage of runbook.stages) {
    lines.push(`${stage.label} [${stage.id}${stage.kind === 'checklist' ? ', checklist' : ''}]`);
    for (const id of stage.checkIds) {
      const check = checks.get(id);
      if (!check) continue;
      const flags = [check.required ? '' : 'optional', check.task ? (check.task.checked ? '[x]' : '[ ]') : ''].filter(Boolean).join(' ');
      const gates = check.gateIds.length > 0 ? ` (gates: ${check.gateIds.join(', ')})` : '';
      lines.push(`  ${check.id} ${check.kind}${flags ? ` ${flags}` : ''}: ${truncate(check.text, 70)}${binding(check)}${hold(check)}${gates}`);
    }
  }
  if (runbook.steps.length > 0) lines.push('Steps');
  for (const step of runbook.steps) {
    const place = step.stageId ?? (step.sectionId ? `section ${step.sectionId}` : '');
    const flags = [step.required ? 'required' : 'optional', step.rollback ? 'rollback' : '', place].filter(Boolean).join(', ');
    const safety = step.destructive ? ` destructive (${step.destructiveReason})` : '';
    const fill = step.placeholders.length > 0 ? ` fill in ${step.placeholders.join(' ')}` : '';
    const bound = step.checkIds.length > 0 ? ` -> ${step.checkIds.join(', ')}` : ' (runs on its own)';
    lines.push(`  step ${step.id} (lines ${step.range.startLine}-${step.range.endLine}, ${step.language}; ${flags})${bound}${safety}${fill}`);
  }
  if (runbook.gates.length > 0) lines.push('Gates');
  for (const gate of runbook.gates) {
    const thresholds = gate.thresholds.map((t) => `${t.metric ?? ''} ${t.comparator} ${t.value}${t.unit ?? ''}${t.window ? ` over ${t.window}` : ''}`.trim());
    lines.push(`  ${gate.id}: ${truncate(gate.title, 70)}${thresholds.length > 0 ? ` [${thresholds.join('; ')}]` : ''}${gate.status ? ` (${gate.status})` : ''}`);
  }
  if (runbook.issues.length > 0) lines.push('References');
  for (const ref of runbook.issues) lines.push(`  ${ref.id} ${ref.repo ? `${ref.repo}#${ref.number}` : `#${ref.number}`} ${ref.role} (${ref.why})${ref.checkId ? ` -> ${ref.checkId}` : ''}`);
  if (runbook.inputs.length > 0) lines.push('Inputs');
  for (const input of runbook.inputs) lines.push(`  input ${input.name}${input.kind === 'placeholder' ? ' (placeholder)' : ''}${input.secret ? ' (secret)' : ''}`);
  if (runbook.diagnostics.length > 0) lines.push('Diagnostics');
  for (const d of runbook.diagnostics) lines.push(`  ${d.severity} line ${d.range.startLine}: ${d.message} [${d.code}]`);
  return lines.join('\n');
}

/**
 * The model as JSON, each stage also holding its checks (kind, binding, steps) so that a reader
 * sees stage -> checks -> bindings in one place; `checks` stays the model's flat list.
 */
export function runbookJson(runbook: Runbook): string {
  const byId = new Map(runbook.checks.map((c) => [c.id, c]));
  const stages = runbook.stages.map((stage) => ({ ...stage, checks: stage.checkIds.flatMap((id) => byId.get(id) ?? []) }));
  return JSON.stringify({ ...runbook, stages }, null, 2);
}

export async function parseCommand(command: ParseCommand, ctx: CliContext): Promise<number> {
  const { text } = await readRunbookFile(ctx.cwd, command.runbook);
  const runbook = parseRunbook(text);
  ctx.stdout.write(command.json ? `${runbookJson(runbook)}\n` : `${summariseRunbook(runbook, command.runbook).split('\n').map((line) => terminalLine(line)).join('\n')}\n`);
  return 0;
}

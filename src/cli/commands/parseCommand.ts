// `runbook-gate parse RUNBOOK.md [--json]`: the runbook model, as JSON or a short summary.
import { readFile } from 'node:fs/promises';
import { parseRunbook } from '../../core/runbook/parseRunbook';
import type { Runbook } from '../../core/runbook/model';
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

export function summariseRunbook(runbook: Runbook, path: string): string {
  const lines = [`${runbook.title || '(untitled)'} — ${path}`];
  const fm = runbook.frontMatter;
  const meta = [fm.owner && `owner ${fm.owner}`, fm.issue && `issue ${fm.issue}`, fm.report && `report ${fm.report}`].filter(Boolean);
  if (meta.length > 0) lines.push(meta.join(', '));
  lines.push(`${runbook.stages.length} stages, ${runbook.steps.length} steps, ${runbook.tasks.length} tasks, ${runbook.gates.length} gates, ${runbook.issues.length} issue references, ${runbook.inputs.length} inputs`);
  for (const stage of runbook.stages) lines.push(`  ${stage.id}: ${stage.marker} ${stage.number ?? ''} ${stage.title}`.replace(/\s+/g, ' ').replace(/^ /, '  '));
  for (const step of runbook.steps) {
    const place = step.stageId ?? (step.sectionId ? `section ${step.sectionId}` : '');
    const flags = [step.required ? 'required' : 'optional', step.rollback ? 'rollback' : '', place].filter(Boolean).join(', ');
    lines.push(`  step ${step.id} (lines ${step.range.startLine}-${step.range.endLine}, ${step.language}; ${flags})`);
  }
  for (const input of runbook.inputs) lines.push(`  input ${input.name}${input.secret ? ' (secret)' : ''}`);
  for (const d of runbook.diagnostics) lines.push(`  ${d.severity} line ${d.range.startLine}: ${d.message} [${d.code}]`);
  return lines.join('\n');
}

export async function parseCommand(command: ParseCommand, ctx: CliContext): Promise<number> {
  const { text } = await readRunbookFile(ctx.cwd, command.runbook);
  const runbook = parseRunbook(text);
  ctx.stdout.write(command.json ? `${JSON.stringify(runbook, null, 2)}\n` : `${summariseRunbook(runbook, command.runbook)}\n`);
  return 0;
}

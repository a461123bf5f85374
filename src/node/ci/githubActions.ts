// Under GitHub Actions (GITHUB_ACTIONS=true): the report appended to the job summary
// ($GITHUB_STEP_SUMMARY), annotations for failed and blocked checks, and each step's output in
// a collapsible group with workflow commands off. The CLI decides when to call these.
import { randomBytes } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import type { ReportData } from '../../core/report/data';
import { checkAnnotations } from './annotations';
import { annotation, stepGroup } from './workflowCommands';

export interface ActionsEnvironment {
  GITHUB_ACTIONS?: string;
  GITHUB_STEP_SUMMARY?: string;
}

/** GitHub refuses a step summary over 1 MiB. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export function inGithubActions(env: ActionsEnvironment): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** Cut at a line so the summary fits, saying where the rest is. */
export function fitSummary(markdown: string, reportPath: string, limit = STEP_SUMMARY_LIMIT): string {
  const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  if (Buffer.byteLength(text) <= limit) return text;
  const note = `\n\n_The report is longer than a job summary allows; the whole report is ${reportPath} (in the uploaded run artifacts)._\n`;
  let cut = text.slice(0, limit - Buffer.byteLength(note));
  while (Buffer.byteLength(cut) > limit - Buffer.byteLength(note)) cut = cut.slice(0, -1024);
  return `${cut.slice(0, Math.max(cut.lastIndexOf('\n'), 0))}${note}`;
}

/** Appends the report to the job summary; false when not under Actions or no summary file is named. */
export async function appendStepSummary(env: ActionsEnvironment, markdown: string, reportPath: string): Promise<boolean> {
  if (!inGithubActions(env) || !env.GITHUB_STEP_SUMMARY) return false;
  await appendFile(env.GITHUB_STEP_SUMMARY, `${fitSummary(markdown, reportPath)}\n`, 'utf8');
  return true;
}

/** `::error file=…,line=…::` lines for the report's failed and blocked checks. */
export function annotationLines(data: ReportData): string[] {
  return checkAnnotations(data).map(annotation);
}

/** Wraps each step's output in a group; commands the output prints are not run. */
export class StepGroups {
  private open: { end: string } | null = null;

  constructor(private readonly write: (text: string) => void, private readonly token: () => string = () => randomBytes(16).toString('hex')) {}

  begin(title: string): void {
    this.end();
    const group = stepGroup(title, this.token());
    this.write(group.begin);
    this.open = group;
  }

  end(): void {
    if (!this.open) return;
    this.write(this.open.end);
    this.open = null;
  }
}

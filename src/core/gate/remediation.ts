// What to do about a stage that did not pass, phrased for the report's remediation list.
import type { StepEvidence } from '../run/model';
import type { GroupResult } from './verdicts';
import { inlineCode } from './markdown';

/** First line of a command as inline code, with an ellipsis when there is more. */
export function summariseCommand(command: string, max = 80): string {
  const lines = command.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const first = lines[0] ?? '';
  const short = first.length > max ? `${first.slice(0, max - 3)}...` : first;
  return inlineCode(lines.length > 1 ? `${short} ...` : short);
}

function quotePath(runbookPath: string): string {
  return /^[\w./-]+$/.test(runbookPath) ? runbookPath : `'${runbookPath.replace(/'/g, "'\\''")}'`;
}

function runHint(group: GroupResult, runbookPath: string, item: StepEvidence | undefined): string {
  const path = quotePath(runbookPath);
  if (group.kind === 'stage') {
    const id = group.number !== null ? String(group.number) : group.id;
    return `\`runbook-gate run ${path} --stage ${id}\``;
  }
  return item ? `\`runbook-gate run ${path} --step ${item.stepId}\`` : 'the run';
}

/** `escape` formats command output (identity for the terminal, plainText for Markdown). */
export function remediationFor(
  group: GroupResult, item: StepEvidence | undefined, escape: (text: string) => string, runbookPath = 'RUNBOOK.md',
): string {
  const command = item ? summariseCommand(item.command, 50) : '';
  const rawOutcome = item?.outcome ?? '';
  const outcome = escape(rawOutcome);
  if (item && (item.status === 'interrupted' || rawOutcome === 'cancelled')) {
    return `${group.label}: ${command} was cancelled before it finished; re-run ${runHint(group, runbookPath, item)}.`;
  }
  switch (group.verdict) {
    case 'FAIL':
      return `${group.label}: fix what made ${command} fail (${outcome || 'failed'}) and re-run ${runHint(group, runbookPath, item)}.`;
    case 'BLOCKED': {
      if (item && /confirmation required|destructive/i.test(rawOutcome)) {
        return `${group.label}: ${command} is destructive and was not confirmed; run it on purpose with \`runbook-gate run ${quotePath(runbookPath)} --step ${item.stepId} --yes\` (or answer the prompt).`;
      }
      const missing = /missing input:?\s*(.+)/i.exec(rawOutcome);
      if (missing) return `${group.label}: provide ${escape(missing[1] ?? '')} (environment or --env-file) and re-run ${runHint(group, runbookPath, item)}.`;
      if (/not found/i.test(rawOutcome)) return `${group.label}: install or put on PATH what ${command} needs (${outcome}) and re-run ${runHint(group, runbookPath, item)}.`;
      return `${group.label}: re-run ${runHint(group, runbookPath, item)} once the environment ${command} needs is reachable (${outcome || 'blocked'}).`;
    }
    case 'NOT RUN':
      if (item?.status === 'skipped') return `${group.label}: ${command} was skipped; re-run ${runHint(group, runbookPath, item)} after fixing the step before it.`;
      return `${group.label}: run ${runHint(group, runbookPath, item)} to completion.`;
    default:
      return '';
  }
}

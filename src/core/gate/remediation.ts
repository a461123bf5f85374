// What to do about a stage that did not pass, phrased for the report's remediation list.
import type { StepEvidence } from '../run/model';
import type { GroupResult } from './verdicts';
import { inlineCode } from './markdown';

/** First line of a command as inline code, with an ellipsis when there is more. */
export function summariseCommand(command: string): string {
  const lines = command.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const first = lines[0] ?? '';
  const short = first.length > 80 ? `${first.slice(0, 77)}...` : first;
  return inlineCode(lines.length > 1 ? `${short} ...` : short);
}

function runHint(group: GroupResult): string {
  if (group.kind === 'stage') {
    const id = group.number !== null ? String(group.number) : group.id;
    return `\`runbook-gate run RUNBOOK.md --stage ${id}\``;
  }
  return 'the run';
}

/** `escape` formats command output (identity for the terminal, plainText for Markdown). */
export function remediationFor(group: GroupResult, item: StepEvidence | undefined, escape: (text: string) => string): string {
  const command = item ? summariseCommand(item.command) : '';
  const rawOutcome = item?.outcome ?? '';
  const outcome = escape(rawOutcome);
  switch (group.verdict) {
    case 'FAIL':
      return `${group.label}: fix what made ${command} fail (${outcome || 'failed'}) and re-run ${runHint(group)}.`;
    case 'BLOCKED': {
      const missing = /missing input:?\s*(.+)/i.exec(rawOutcome);
      if (missing) return `${group.label}: provide ${escape(missing[1] ?? '')} (environment or --env-file) and re-run ${runHint(group)}.`;
      if (/not found/i.test(rawOutcome)) return `${group.label}: install or put on PATH what ${command} needs (${outcome}) and re-run ${runHint(group)}.`;
      return `${group.label}: re-run ${runHint(group)} once the environment ${command} needs is reachable (${outcome || 'blocked'}).`;
    }
    case 'NOT RUN':
      if (item?.status === 'interrupted') return `${group.label}: ${command} was interrupted; re-run ${runHint(group)}.`;
      if (item?.status === 'skipped') return `${group.label}: ${command} was skipped; re-run ${runHint(group)} after fixing the step before it.`;
      return `${group.label}: run ${runHint(group)} to completion.`;
    default:
      return '';
  }
}

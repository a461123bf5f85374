// Terminal output: the short result table printed on stdout after the run (step output goes
// through StreamPrefixer, src/cli/streamPrefixer.ts).
import type { StepEvidence } from '../core/run/model';
import type { GateDecision } from '../core/gate/decision';
import { formatDuration } from '../core/gate/markdown';

export interface TextSink {
  write(text: string): unknown;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function oneLine(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/** The result table: one row per in-scope step, grouped by stage/section verdict. */
export function formatResults(decision: GateDecision): string {
  const rows: string[][] = [];
  for (const group of decision.groups) {
    rows.push([`${group.label}`, group.verdict, '', '', '']);
    for (const item of group.items) rows.push([`  ${item.stepId}`, item.status, exitText(item), formatDuration(item.durationMs), oneLine(item.outcome)]);
  }
  const widths = [0, 1, 2, 3].map((col) => Math.min(48, Math.max(...rows.map((r) => (r[col] ?? '').length), 0)));
  return rows
    .map((row) => row.map((cell, col) => (col < 4 ? pad(cell, widths[col] ?? 0) : cell)).join('  ').trimEnd())
    .join('\n');
}

function exitText(item: StepEvidence): string {
  return item.exitCode === null ? '' : `exit ${item.exitCode}`;
}

export function formatDecision(decision: GateDecision): string {
  const lines = [`Decision: ${decision.decision}`];
  for (const reason of decision.reasons) lines.push(`  - ${reason.message}`, `    -> ${reason.remediation}`);
  return lines.join('\n');
}

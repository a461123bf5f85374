// What the terminal shows after a command: each stage in scope with its verdict and its
// checks (status, one-line outcome), the counts line, and the decision with each reason and
// its remedy worded for the command line. Untrusted text is made terminal-safe.
import type { GateDecision } from '../core/gate/types';
import type { RunRecord } from '../core/run/record';
import { wordReason, wordReasonRemedy, wordingContext } from '../core/gate/wording';
import { terminalLine } from '../core/text/controlChars';
import { cutWithEllipsis } from '../core/text/cut';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function clip(text: string, max = 90): string {
  const flat = terminalLine(text.replace(/\s+/g, ' ').trim());
  return cutWithEllipsis(flat, max);
}

export function formatResults(record: RunRecord, decision: GateDecision): string {
  const rows: string[][] = [];
  for (const stage of decision.stages) {
    rows.push([clip(stage.label, 48), stage.verdict, '']);
    for (const result of stage.checks) {
      const check = record.checks.find((c) => c.id === result.checkId);
      if (!check) continue;
      const optional = result.required ? '' : ' (optional)';
      rows.push([`  ${check.id} ${check.kind}${optional}`, check.status, clip(`${clip(check.text, 50)}: ${check.outcome}`)]);
    }
  }
  for (const gate of record.gates.filter((g) => g.inScope)) rows.push([clip(`gate ${gate.id}`, 48), gate.status, clip(gate.evidence)]);
  const widths = [0, 1].map((col) => Math.min(48, Math.max(0, ...rows.map((r) => (r[col] ?? '').length))));
  const table = rows.map((row) => row.map((cell, col) => (col < 2 ? pad(cell, widths[col] ?? 0) : cell)).join('  ').trimEnd()).join('\n');
  return `${table}${table ? '\n' : ''}Counts: ${decision.counts.line}`;
}

export function formatDecision(record: RunRecord, decision: GateDecision, runDir: string): string {
  const lines = [`Decision: ${decision.decision}`];
  const options = { context: wordingContext(record, runDir) };
  for (const reason of decision.reasons) {
    lines.push(`  - ${terminalLine(wordReason(reason, 'cli', options))}`, `    -> ${terminalLine(wordReasonRemedy(reason, 'cli', options))}`);
  }
  return lines.join('\n');
}

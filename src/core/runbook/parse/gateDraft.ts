// A gate as the assembly meets it (a list item of a gates section, or a table row): its id,
// its thresholds read from the title, detail lines and threshold cell, and what could not be read.
import type { Gate, RunbookDiagnostic, SourceRange, Threshold } from '../model';
import type { IdPool } from '../rules/ids';
import { shortSlug, truncate } from '../rules/text';
import { scanThresholds } from '../rules/thresholds';

export interface GateInput {
  title: string;
  number: number | null;
  range: SourceRange;
  detail: string[];
  threshold?: string | undefined;
  status?: string | undefined;
  evidence?: string | undefined;
  sectionId: string | null;
  /** Length of the gate's first line, for the diagnostic's range. */
  lineLength: number;
}

export function buildGate(input: GateInput, ids: IdPool): { gate: Gate; diagnostics: RunbookDiagnostic[] } {
  const { title, number, range, detail, threshold, status, evidence } = input;
  // "Preflight gate: every tool is installed" -> preflight-gate.
  const head = /^([^:]{3,}):\s/.exec(title)?.[1] ?? title;
  const id = ids.claim(shortSlug(head, 6) || 'gate');
  // Every gate is built again on every edit: no intermediate arrays for the usual gate without problems.
  const thresholds: Threshold[] = [];
  const problems: string[] = [];
  const read = (text: string): void => {
    const scan = scanThresholds(text);
    // Copies: a scan is shared by every text like it.
    for (const t of scan.thresholds) thresholds.push({ ...t });
    for (const p of scan.problems) problems.push(p);
  };
  read(title);
  for (const line of detail) read(line);
  if (threshold) read(threshold);
  const gate: Gate = { id, number, title, detail, line: range.startLine, range, sectionId: input.sectionId, thresholds };
  if (status !== undefined) gate.status = status;
  if (evidence !== undefined) gate.evidence = evidence;
  const diagnostics: RunbookDiagnostic[] = problems.map((problem) => ({
    range: { startLine: range.startLine, startColumn: range.startColumn, endLine: range.startLine, endColumn: input.lineLength + 1 },
    severity: 'warning' as const, code: 'malformed-threshold',
    message: `Gate "${truncate(title, 60)}": cannot read the threshold ${problem}. Write it as "p95 <= 600 ms" or "error rate below 1% for 10m".`,
  }));
  return { gate, diagnostics };
}

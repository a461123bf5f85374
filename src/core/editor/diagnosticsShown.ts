// Which of a runbook's diagnostics go to the Problems panel. VS Code keeps at most 1,000 per
// file (errors first, then warnings, then the rest) and drops the others after it has received
// them all; a 4 MB runbook can have 110,000 (one per repeated step name), and making an editor
// object for each held the extension host on every edit. So the same choice is made here,
// before any object is made, and one more diagnostic says how many are left out, and of what.
import type { DiagnosticSeverity, RunbookDiagnostic } from '../runbook/model';

/** What VS Code shows of one file: our choice plus the line that counts the rest. */
export const DIAGNOSTICS_SHOWN = 1000;

const ORDER: readonly DiagnosticSeverity[] = ['error', 'warning', 'info'];

export interface ShownDiagnostics {
  /** In document order. */
  shown: readonly RunbookDiagnostic[];
  /** Says how many are not shown and their codes; null when all are shown. */
  summary: RunbookDiagnostic | null;
}

export function diagnosticsShown(all: readonly RunbookDiagnostic[], limit = DIAGNOSTICS_SHOWN): ShownDiagnostics {
  if (all.length <= limit) return { shown: all, summary: null };
  const room = limit - 1;
  // How many of each severity fit, the more severe first.
  const counts = new Map<DiagnosticSeverity, number>();
  for (const d of all) counts.set(d.severity, (counts.get(d.severity) ?? 0) + 1);
  const quota = new Map<DiagnosticSeverity, number>();
  let left = room;
  for (const severity of ORDER) {
    const taken = Math.min(left, counts.get(severity) ?? 0);
    quota.set(severity, taken);
    left -= taken;
  }
  const shown: RunbookDiagnostic[] = [];
  const hiddenCodes = new Map<string, number>();
  let firstHidden: RunbookDiagnostic | null = null;
  for (const d of all) {
    const free = quota.get(d.severity) ?? 0;
    if (free > 0) {
      quota.set(d.severity, free - 1);
      shown.push(d);
      continue;
    }
    firstHidden ??= d;
    hiddenCodes.set(d.code, (hiddenCodes.get(d.code) ?? 0) + 1);
  }
  const hidden = all.length - shown.length;
  const codes = [...hiddenCodes].sort((a, b) => b[1] - a[1]);
  const named = codes.slice(0, 3).map(([code, n]) => `${n.toLocaleString('en-US')} ${code}`);
  const more = codes.length > 3 ? ` and ${codes.length - 3} more kinds` : '';
  return {
    shown,
    summary: {
      range: firstHidden!.range, severity: 'info', code: 'diagnostics-not-shown',
      message: `${hidden.toLocaleString('en-US')} more diagnostics of this runbook are not shown (the Problems panel takes ${room.toLocaleString('en-US')}, errors and warnings first): ${named.join(', ')}${more}. \`runbook-gate parse\` lists them all.`,
    },
  };
}

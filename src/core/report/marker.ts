// The first line of every report: `<!-- runbook-gate:report run=<id>,<id> template=<name> -->`.
// The runbook parser reads a document that starts with it as a report, not a runbook; the
// report writer reads it to tell this run's report (replaced) from another's (never overwritten).

const MARKER = /^<!--\s*runbook-gate:report\s+run=(\S*)\s+template=(\S*)\s*-->/;

function markerWord(text: string, disallowed: RegExp): string {
  return text.replace(disallowed, '_').replace(/-{2,}/g, '-');
}

/** Ids and template name reduced to characters that cannot end the comment. */
export function reportMarker(runIds: readonly string[], template: string): string {
  const ids = runIds.map((id) => markerWord(id, /[^A-Za-z0-9._:-]/g)).join(',');
  return `<!-- runbook-gate:report run=${ids} template=${markerWord(template, /[^A-Za-z0-9._:/-]/g)} -->`;
}

export function parseReportMarker(firstLine: string): { runIds: string[]; template: string } | null {
  const match = MARKER.exec(firstLine);
  if (!match) return null;
  return { runIds: (match[1] ?? '').split(',').filter((id) => id !== ''), template: match[2] ?? '' };
}

/** Whether a report's marker names exactly these runs (as the marker spells their ids). */
export function markerIsOf(firstLine: string, runIds: readonly string[]): boolean {
  const marker = parseReportMarker(firstLine);
  if (!marker) return false;
  const wanted = parseReportMarker(reportMarker(runIds, 'x'))!.runIds;
  return marker.runIds.length === wanted.length && [...marker.runIds].sort().join(',') === [...wanted].sort().join(',');
}

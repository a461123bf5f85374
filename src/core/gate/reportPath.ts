// Where a gate report goes by default: front matter `report` (a folder, or a .md file),
// else docs/status/, named <yyyy-mm-dd>-<runbook-slug>-gate.md. Workspace-relative posix.
import type { Runbook } from '../runbook/model';

export const DEFAULT_REPORT_FOLDER = 'docs/status';

export function runbookSlug(runbookPath: string): string {
  const base = runbookPath.split('/').pop() ?? runbookPath;
  const stem = base.replace(/\.(md|markdown)$/i, '');
  return stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'runbook';
}

/** `startedAt` (ISO) dates the file, so regenerating a run's report lands on the same path. */
export function defaultReportPath(runbook: Runbook, runbookPath: string, startedAt: string, folder = DEFAULT_REPORT_FOLDER): string {
  const configured = runbook.frontMatter.report?.trim();
  if (configured && /\.(md|markdown)$/i.test(configured)) return configured.replace(/^\.\//, '');
  const dir = (configured || folder).replace(/^\.\//, '').replace(/\/+$/, '');
  return `${dir ? `${dir}/` : ''}${startedAt.slice(0, 10)}-${runbookSlug(runbookPath)}-gate.md`;
}

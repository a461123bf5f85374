// Which Markdown files are runbooks: small enough to load at activation (diagnostics need it
// before the editor core bundle loads).
import type { Runbook } from './model';

/** A Markdown file gets lenses, a panel and diagnostics only when it is a runbook we did not write. */
export function isRunbookModel(runbook: Runbook): boolean {
  return !runbook.generated && runbook.stages.length + runbook.checks.length + runbook.steps.length > 0;
}

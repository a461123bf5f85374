// Where the CLI writes the gate report (`--report FILE` or the default), refused outside the workspace.
import { resolve } from 'node:path';
import type { Runbook } from '../../core/runbook/model';
import { defaultReportPath } from '../../core/gate/reportPath';
import { workspaceRelative } from '../../node/workspacePaths';
import { InputError } from '../context';

/** Workspace-relative path for `--report FILE` (relative to cwd) or the default; exit 2 when outside. */
export async function resolveReportPath(
  workspaceRoot: string, cwd: string, requested: string | null, runbook: Runbook, runbookPath: string, startedAt: string,
): Promise<string> {
  if (requested === null) {
    const path = defaultReportPath(runbook, runbookPath, startedAt);
    const inside = await workspaceRelative(workspaceRoot, resolve(workspaceRoot, path));
    if (inside === null || inside === '') throw new InputError(`report folder from front matter is outside the workspace: ${path}`);
    return inside;
  }
  const inside = await workspaceRelative(workspaceRoot, requested, cwd);
  if (inside === null || inside === '') throw new InputError(`report path is outside the workspace (${workspaceRoot}): ${requested}`);
  return inside;
}

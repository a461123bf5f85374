// Decide, render and write the gate report for a finished run (shared by `run` and `report`).
import { relative, resolve } from 'node:path';
import type { Runbook } from '../../core/runbook/model';
import type { RunRecord } from '../../core/run/model';
import { decideGate, type DependencyCheck, type GateDecision } from '../../core/gate/decision';
import { renderGateReport } from '../../core/gate/renderGateReport';
import { defaultReportPath } from '../../core/gate/reportPath';
import { writeGateSnapshot, writeReport } from '../../node/reportWriter';
import { workspaceRelative } from '../../node/workspacePaths';
import { InputError } from '../context';

export interface GateOutput {
  decision: GateDecision;
  /** Absolute path of the written report. */
  reportFile: string;
  /** Workspace-relative path of the report. */
  reportPath: string;
}

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

export async function writeGate(options: {
  workspaceRoot: string;
  runDir: string;
  runbook: Runbook;
  record: RunRecord;
  dependencies: DependencyCheck[];
  notes: string[];
  strict: boolean;
  reportPath: string;
}): Promise<GateOutput> {
  const { workspaceRoot, runDir, runbook, record, dependencies, notes, reportPath } = options;
  const decision = decideGate(runbook, record, dependencies, { strict: options.strict });
  const runDirRelative = relative(workspaceRoot, runDir).split(/[\\/]/).join('/');
  const markdown = renderGateReport({ runbook, record, decision, reportPath, runDir: runDirRelative, notes });
  const reportFile = await writeReport(workspaceRoot, reportPath, markdown);
  await writeGateSnapshot(runDir, { version: 1, runbook, dependencies, notes, reportPath });
  return { decision, reportFile, reportPath };
}

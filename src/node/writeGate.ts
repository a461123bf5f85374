// Decide, render and write the gate report for a run, with the gate snapshot beside the run
// so `runbook-gate report RUN_DIR` can regenerate it. Shared by the CLI and the editor.
import { relative } from 'node:path';
import type { Runbook } from '../core/runbook/model';
import type { RunRecord } from '../core/run/model';
import { decideGate, type DependencyCheck, type GateDecision } from '../core/gate/decision';
import { renderGateReport } from '../core/gate/renderGateReport';
import { writeGateSnapshot, writeReport } from './reportWriter';

export interface GateOutput {
  decision: GateDecision;
  /** Absolute path of the written report. */
  reportFile: string;
  /** Workspace-relative path of the report. */
  reportPath: string;
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

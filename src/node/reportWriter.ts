// Writes the gate report (inside the workspace only) and the gate snapshot beside a run,
// from which `runbook-gate report RUN_DIR` regenerates the same report later.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Runbook } from '../core/runbook/model';
import type { DependencyCheck } from '../core/gate/decision';
import { workspaceRelative } from './workspacePaths';

export const GATE_SNAPSHOT_FILE = 'gate.json';

/** What the report needs besides run.json: the runbook as it was parsed, and dependency states. */
export interface GateSnapshot {
  version: 1;
  runbook: Runbook;
  dependencies: DependencyCheck[];
  notes: string[];
  /** Workspace-relative path of the last report written for this run. */
  reportPath: string | null;
}

async function writeAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, content, 'utf8');
  await rename(temp, path);
}

/** Writes `markdown` to `reportPath`; refuses (throws) a path outside the workspace. Returns the absolute path. */
export async function writeReport(workspaceRoot: string, reportPath: string, markdown: string): Promise<string> {
  const absolute = resolve(workspaceRoot, reportPath);
  if ((await workspaceRelative(workspaceRoot, absolute)) === null) {
    throw new Error(`report path is outside the workspace (${workspaceRoot}): ${reportPath}`);
  }
  await writeAtomic(absolute, markdown);
  return absolute;
}

export async function writeGateSnapshot(runDir: string, snapshot: GateSnapshot): Promise<void> {
  await writeAtomic(join(runDir, GATE_SNAPSHOT_FILE), `${JSON.stringify(snapshot, null, 2)}\n`);
}

/** The snapshot, or null when the run directory has none (written by another host). */
export async function readGateSnapshot(runDir: string): Promise<GateSnapshot | null> {
  try {
    const snapshot = JSON.parse(await readFile(join(runDir, GATE_SNAPSHOT_FILE), 'utf8')) as GateSnapshot;
    return snapshot.version === 1 ? snapshot : null;
  } catch {
    return null;
  }
}

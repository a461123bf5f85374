// `runbook-gate report RUN_DIR [--report FILE]`: regenerate the gate report of a run from
// its run.json and gate.json (the runbook as parsed at run time and the dependency states).
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseRunbook } from '../../core/runbook/parseRunbook';
import type { Runbook } from '../../core/runbook/model';
import type { ReportCommand } from '../args';
import { InputError, type CliContext } from '../context';
import { readGateSnapshot } from '../../node/reportWriter';
import { loadRunRecord } from '../../node/loadRunRecord';
import { findWorkspaceRoot } from '../../node/workspacePaths';
import { formatDecision } from '../output';
import { writeGate } from '../../node/writeGate';
import { resolveReportPath } from './reportPath';

/** A run directory without gate.json (another host wrote it): re-parse the runbook as it is now. */
async function reparse(workspaceRoot: string, runbookPath: string): Promise<Runbook> {
  const text = await readFile(resolve(workspaceRoot, runbookPath), 'utf8').catch(() => {
    throw new InputError(`run has no gate.json and its runbook is gone: ${runbookPath}`);
  });
  return parseRunbook(text);
}

export async function reportCommand(command: ReportCommand, ctx: CliContext): Promise<number> {
  const runDir = resolve(ctx.cwd, command.runDir);
  const info = await stat(runDir).catch(() => null);
  if (!info?.isDirectory()) throw new InputError(`run directory not found: ${command.runDir}`);
  const record = await loadRunRecord(runDir).catch((error: Error) => {
    throw new InputError(error.message);
  });
  const workspaceRoot = await findWorkspaceRoot(runDir, ctx.cwd);
  const snapshot = await readGateSnapshot(runDir);
  const runbook = snapshot?.runbook ?? (await reparse(workspaceRoot, record.runbookPath));
  const reportPath = command.report === null && snapshot?.reportPath
    ? snapshot.reportPath
    : await resolveReportPath(workspaceRoot, ctx.cwd, command.report, runbook, record.runbookPath, record.startedAt);
  const gate = await writeGate({
    workspaceRoot, runDir, runbook, record,
    dependencies: snapshot?.dependencies ?? [], notes: snapshot?.notes ?? [], strict: record.strict, reportPath,
  });
  ctx.stdout.write(`${formatDecision(gate.decision)}\nReport: ${gate.reportFile}\n`);
  return gate.decision.go ? 0 : 1;
}

// Reads a run directory's run.json. A step still "running" there belongs to a process that
// died mid-step: it becomes "interrupted" (its partial log stays, with its digest), and
// run.json, results.tsv and SUMMARY.md are rewritten to say so.
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { renderResultsTsv, renderRunSummary } from '../core/run/artifacts';
import type { RunRecord } from '../core/run/model';
import { FileRunStore } from './fileRunStore';
import { hashFile } from './hashFile';

export async function loadRunRecord(runDir: string): Promise<RunRecord> {
  const path = join(runDir, 'run.json');
  let record: RunRecord;
  try {
    record = JSON.parse(await readFile(path, 'utf8')) as RunRecord;
  } catch (error) {
    throw new Error(`not a run directory (cannot read ${path}): ${(error as Error).message}`);
  }
  if (record?.version !== 1 || !Array.isArray(record.steps)) throw new Error(`unsupported run.json in ${runDir}`);
  // A run still going on in a live process (here or in another window) is not interrupted.
  if (isLive(record.writer)) return record;
  let changed = false;
  for (const step of record.steps) {
    if (step.status !== 'running') continue;
    changed = true;
    step.status = 'interrupted';
    step.outcome = 'interrupted: the run ended while this step was running';
    delete step.background;
    if (step.logPath) step.logSha256 = await hashFile(join(runDir, step.logPath)).catch(() => null);
  }
  if (changed) {
    const store = new FileRunStore(runDir);
    await store.writeRecord(record);
    await store.writeText('results.tsv', renderResultsTsv(record));
    await store.writeText('SUMMARY.md', renderRunSummary(record));
  }
  return record;
}

function isLive(writer: RunRecord['writer']): boolean {
  if (!writer || writer.host !== hostname()) return false;
  try {
    process.kill(writer.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

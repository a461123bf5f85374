// The run directory: <runsRoot>/<UTC timestamp>/ with run.json (atomic rewrites),
// results.tsv, SUMMARY.md and logs/<step-id>.log. Never outside the workspace.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Clock, LogWriter, RunStore } from '../core/ports';
import type { RunRecord } from '../core/run/model';
import { openLogWriter } from './fileLogWriter';

export interface RunStoreOptions {
  runsRoot: string;
  workspaceRoot: string;
  clock: Clock;
}

/** "2026-02-21T19:27:46.123Z" -> "20260221T192746Z" (the artifact folder style of the reports). */
export function runDirectoryName(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/** Step ids become file names: anything but letters, digits, dot, dash, underscore -> "-". */
export function logFileName(stepId: string): string {
  const safe = stepId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^\.+/, '');
  return `${safe || 'step'}.log`;
}

export function assertInsideWorkspace(workspaceRoot: string, path: string, what: string): string {
  const absolute = resolve(workspaceRoot, path);
  const rel = relative(resolve(workspaceRoot), absolute);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new Error(`${what} must be inside the workspace (${workspaceRoot}): ${path}`);
  }
  return absolute;
}

export async function createRunStore(options: RunStoreOptions): Promise<RunStore> {
  const root = assertInsideWorkspace(options.workspaceRoot, options.runsRoot, 'The runs folder');
  const base = join(root, runDirectoryName(options.clock.now()));
  let dir = base;
  for (let n = 2; ; n++) {
    try {
      await mkdir(dirname(dir), { recursive: true });
      await mkdir(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      dir = `${base}-${n}`;
    }
  }
  await mkdir(join(dir, 'logs'));
  return new FileRunStore(dir);
}

export class FileRunStore implements RunStore {
  private tempCounter = 0;
  constructor(readonly dir: string) {}

  openLog(stepId: string): Promise<LogWriter> {
    const name = logFileName(stepId);
    return openLogWriter(join(this.dir, 'logs', name), `logs/${name}`);
  }

  writeRecord(record: RunRecord): Promise<void> {
    const stamped: RunRecord = { ...record, writer: { pid: process.pid, host: hostname() } };
    return this.writeText('run.json', JSON.stringify(stamped, null, 2) + '\n');
  }

  async writeText(relativePath: string, content: string): Promise<void> {
    const target = assertInsideWorkspace(this.dir, relativePath, 'A run artifact');
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${this.tempCounter++}.tmp`;
    await writeFile(temp, content);
    await rename(temp, target);
  }
}

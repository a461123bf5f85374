// A run directory on disk: <runs folder>/<UTC timestamp>-<runbook slug>/ with run.json,
// results.tsv, SUMMARY.md and logs/. run.json changes only through commit(): under the
// directory's lock it is read, the events are applied (core), and it is rewritten atomically,
// so two processes working on one run never lose each other's changes. The store keeps the
// record it last wrote, with its bytes: when run.json still holds exactly those bytes, the
// commit builds on that record instead of parsing the file again (a run's record grows with
// every event, and parsing it at each commit made a run quadratic in its steps).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { LogWriter, RunStore } from '../core/ports';
import { applyEvents } from '../core/run/applyEvents';
import type { RunEvent } from '../core/run/events';
import type { RunRecord } from '../core/run/record';
import { upgradeRecord } from '../core/run/upgradeRecord';
import { openLogWriter } from './fileLogWriter';

/** How long a second writer waits for the lock before giving up with a clear message. */
const LOCK_WAIT_MS = 15_000;
/** A lock not refreshed for this long belongs to a dead process. */
const LOCK_STALE_MS = 20_000;

/** "2026-02-21T19:27:46.123Z" -> "20260221T192746Z" (the artifact folder style of the reports). */
export function runDirectoryName(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/** File name for a step's log: readable, and distinct for ids that read alike ("a/b", "a-b"). */
export function logFileName(stepId: string, attempt: number): string {
  const safe = stepId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80) || 'step';
  const tag = safe === stepId ? '' : `-${createHash('sha256').update(stepId).digest('hex').slice(0, 8)}`;
  return `${safe}${tag}.${attempt}.log`;
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

/** What this store last wrote to run.json: the bytes, and the (frozen) record they encode. */
interface Written {
  bytes: Buffer;
  record: RunRecord;
}

export class FileRunStore implements RunStore {
  private tempCounter = 0;
  private written: Written | null = null;

  constructor(readonly dir: string) {}

  /** A new run directory with its first record; a name already taken gets "-2", "-3"... */
  static async create(runsRoot: string, name: string, initial: RunRecord): Promise<FileRunStore> {
    await mkdir(runsRoot, { recursive: true });
    for (let n = 1; ; n++) {
      const dir = join(runsRoot, n === 1 ? name : `${name}-${n}`);
      try {
        await mkdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      await mkdir(join(dir, 'logs'));
      const store = new FileRunStore(dir);
      // A copy as JSON has it: the kept record is frozen, and the caller's stays its own.
      await store.writeRecord(JSON.parse(JSON.stringify({ ...initial, runId: basename(dir) })) as RunRecord);
      return store;
    }
  }

  /** run.json as it is now; frozen when it is the record this store last wrote (see recordOf). */
  async read(): Promise<RunRecord> {
    return this.recordOf(await this.readBytes());
  }

  async commit(events: RunEvent[]): Promise<RunRecord> {
    const release = await this.lock();
    try {
      // The caller's events go in as JSON has them (no undefined, NaN or Date), so the kept
      // record is what run.json says, and the caller's objects stay its own.
      const copied = JSON.parse(JSON.stringify(events)) as RunEvent[];
      return await this.writeRecord(applyEvents(this.recordOf(await this.readBytes()), copied));
    } finally {
      await release();
    }
  }

  async openLog(stepId: string, attempt: number): Promise<LogWriter> {
    const name = logFileName(stepId, attempt);
    for (let n = 1; ; n++) {
      const file = n === 1 ? name : name.replace(/\.log$/, `~${n}.log`);
      try {
        return openLogWriter(join(this.dir, 'logs', file), `logs/${file}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }

  async writeText(relativePath: string, content: string | Buffer): Promise<void> {
    if (relativePath.split('/').includes('..') || relativePath.startsWith('/')) throw new Error(`run artifact path must stay in the run directory: ${relativePath}`);
    const target = join(this.dir, relativePath);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${this.tempCounter++}.tmp`;
    await writeFile(temp, content);
    await rename(temp, target);
  }

  /**
   * The record run.json's bytes hold. Another process (`mark` in another terminal, the editor)
   * may have changed the file since this store wrote it, so it is always read, and parsed
   * again unless it is byte for byte what this store wrote. The bytes are the identity: a stat
   * (inode, size, mtime, ctime) is fooled by a rewrite in place of the same size within the
   * filesystem's timestamp tick, by utimes setting the mtime back, or by a reused inode.
   */
  private recordOf(bytes: Buffer): RunRecord {
    if (this.written && bytes.equals(this.written.bytes)) return this.written.record;
    return this.parse(bytes);
  }

  private async readBytes(): Promise<Buffer> {
    const path = join(this.dir, 'run.json');
    try {
      return await readFile(path);
    } catch (error) {
      throw new Error(`not a run directory (cannot read ${path}): ${(error as Error).message}`);
    }
  }

  private parse(bytes: Buffer): RunRecord {
    let data: unknown;
    try {
      data = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new Error(`run.json in ${this.dir} is not valid JSON: ${(error as Error).message}`);
    }
    return upgradeRecord(data, this.dir);
  }

  /** Writes run.json and keeps the record, frozen (no caller may change it), as the base of the next commit. */
  private async writeRecord(record: RunRecord): Promise<RunRecord> {
    const frozen = deepFreeze(record);
    const bytes = Buffer.from(`${JSON.stringify(frozen, null, 2)}\n`);
    await this.writeText('run.json', bytes);
    this.written = { bytes, record: frozen };
    return frozen;
  }

  private async lock(): Promise<() => Promise<void>> {
    const target = join(this.dir, 'run.json');
    const owner = join(this.dir, '.lock-owner');
    try {
      const release = await lockfile.lock(target, {
        realpath: false,
        stale: LOCK_STALE_MS,
        update: LOCK_STALE_MS / 4,
        retries: { retries: Math.ceil(LOCK_WAIT_MS / 250), minTimeout: 50, maxTimeout: 250, factor: 1.3 },
      });
      await writeFile(owner, `${process.pid}@${hostname()} since ${new Date().toISOString()}\n`).catch(() => undefined);
      // The owner note only explains a wait while the lock is held: it is not evidence.
      return async () => {
        await rm(owner, { force: true }).catch(() => undefined);
        await release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const holder = (await readFile(owner, 'utf8').catch(() => 'another process')).trim();
      throw new LockTimeoutError(`run ${this.dir} is being changed by ${holder}; waited ${LOCK_WAIT_MS / 1000} s — try again when it is done`);
    }
  }
}

/**
 * Freezes a record and all it holds. A frozen object's contents are frozen already (nothing
 * else freezes records), so what the last commit's record shares with this one is not walked.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (const child of value) deepFreeze(child);
  else for (const key in value) deepFreeze(value[key]);
  return value;
}

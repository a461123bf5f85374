// The use cases both hosts call (docs/architecture.md): open a run (new, or resumed — by
// default the latest run of the runbook), open an existing run for mark/exec/note, write the
// run's artifacts and its report. The rules that must exist once live here: where runs and
// reports go, what "inside the workspace" means, which repository dependencies are looked up in.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Runbook } from '../core/runbook/model';
import { parseRunbook } from '../core/runbook/parseRunbook';
import { emptyRecord } from '../core/run/applyEvents';
import { defineRun } from '../core/run/defineRun';
import type { RunEvent } from '../core/run/events';
import type { RunRecord, SessionRecord } from '../core/run/record';
import { FileRunStore, runDirectoryName } from '../node/runStore';
import { createWorkspaceGuard, type WorkspaceGuard } from '../node/workspaceGuard';
import { detectEnvironment } from '../node/runEnvironment';
import { chooseShell, shellInvocation } from '../node/shell';
import { hashFile } from '../node/hashFile';
import { ownerAliveElsewhere, ownerMark } from '../node/processReaper';
import { RunInputs, type InputSource } from './inputs';
import type { HostPorts } from './ports';
import { UsageProblem } from './problems';
import { RunHandle } from './runHandle';

export interface OpenRunOptions {
  /** Absolute, or relative to `cwd`. */
  runbookPath: string;
  cwd?: string;
  /** The document as the host has it (unsaved editor text); read from disk when absent. */
  text?: string;
  runbook?: Runbook;
  /** null: a new run; "latest": the latest run of this runbook; else a run directory. */
  resume: null | 'latest' | string;
  /** `--out DIR` (a path the user typed: may be absolute, must be inside the workspace). */
  runsFolder?: string;
  /** The command that opened the session, for the record ("run --stage 0"). */
  command: string;
  strict?: boolean;
  inputs?: Record<string, { value: string; source: InputSource }>;
  githubRepo?: string | null;
}

export class GateService {
  private guardPromise: Promise<WorkspaceGuard> | null = null;

  constructor(readonly ports: HostPorts) {}

  guard(): Promise<WorkspaceGuard> {
    return (this.guardPromise ??= createWorkspaceGuard(this.ports.workspaceRoot));
  }

  /** Reads and parses a runbook inside the workspace. */
  /** Reads (unless `text` is given) and parses the runbook; a caller that has its model passes it as `parsed`. */
  async loadRunbook(path: string, cwd?: string, text?: string, parsed?: Runbook): Promise<{ absolute: string; relative: string; text: string; runbook: Runbook }> {
    const guard = await this.guard();
    const absolute = await guard.inside(path, 'The runbook', { trusted: true, base: cwd ?? guard.root }).catch((error: Error) => {
      throw new UsageProblem(error.message);
    });
    let source = text;
    if (source === undefined) {
      try {
        source = await readFile(absolute, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageProblem(code === 'ENOENT' ? `runbook not found: ${path}` : code === 'EISDIR' ? `runbook is a directory, not a Markdown file: ${path}` : `cannot read runbook ${path}: ${(error as Error).message}`);
      }
    }
    return { absolute, relative: guard.relative(absolute), text: source, runbook: parsed ?? parseRunbook(source) };
  }

  async runsRoot(folder?: string, cwd?: string): Promise<string> {
    const guard = await this.guard();
    const written = folder ?? this.ports.settings.runsFolder;
    return guard.inside(written, folder ? '--out' : 'The runs folder (runbookGate.runsFolder)', { trusted: folder !== undefined, base: cwd ?? guard.root })
      .catch((error: Error) => {
        throw new UsageProblem(error.message);
      });
  }

  /** Opens a run of a runbook: new, or resumed; the runbook (as it is now) is loaded into it. */
  async open(options: OpenRunOptions): Promise<RunHandle> {
    const loaded = await this.loadRunbook(options.runbookPath, options.cwd, options.text, options.runbook);
    const runbook = loaded.runbook;
    const root = await this.runsRoot(options.runsFolder, options.cwd);
    let store: FileRunStore;
    if (options.resume === null) {
      const at = this.ports.clock.now();
      const runId = `${runDirectoryName(at)}-${runbookSlug(loaded.relative)}`;
      const initial = emptyRecord({ runId, cookie: `${runId}-${randomBytes(6).toString('hex')}`, at: at.toISOString(), strict: options.strict ?? this.ports.settings.strict });
      store = await FileRunStore.create(root, runId, initial);
    } else {
      const dir = options.resume === 'latest' ? await this.latestRun(root, loaded.relative) : await this.existingRunDir(options.resume, options.cwd);
      if (!dir) throw new UsageProblem(`no earlier run of ${loaded.relative} under ${(await this.guard()).relative(root) || '.'} to resume; run it without --resume first`);
      store = new FileRunStore(dir);
    }
    const hash = createHash('sha256').update(loaded.text).digest('hex');
    return this.startSession(store, {
      runbook, runbookPath: loaded.relative, sha256: hash, command: options.command,
      inputs: options.inputs ?? {}, githubRepo: options.githubRepo ?? null,
    });
  }

  /** Opens an existing run for `mark`, `exec`, `note` or `report`: no runbook needed (the record has it). */
  async openExisting(runDir: string, command: string, options: { cwd?: string; loadRunbook?: boolean } = {}): Promise<RunHandle> {
    const dir = await this.existingRunDir(runDir, options.cwd);
    const store = new FileRunStore(dir);
    let runbook: Runbook | null = null;
    let sha256: string | null = null;
    if (options.loadRunbook) {
      const record = await store.read();
      const loaded = await this.loadRunbook(record.runbook.path).catch(() => null);
      if (loaded) {
        runbook = loaded.runbook;
        sha256 = createHash('sha256').update(loaded.text).digest('hex');
      }
    }
    return this.startSession(store, { runbook, runbookPath: null, sha256, command, inputs: {}, githubRepo: null });
  }

  /**
   * A run's record without starting a session, so `report` regenerates the same report from the
   * same run.json. Only a run whose process died is changed first (its interrupted attempts
   * closed, its leftover processes ended), and the record says so.
   */
  async readRun(runDir: string, cwd?: string): Promise<{ store: FileRunStore; record: RunRecord }> {
    const store = new FileRunStore(await this.existingRunDir(runDir, cwd));
    const record = await store.read();
    return { store, record: (await this.recover(store, record)) ?? record };
  }

  /** A run directory the user named: it must exist, be inside the workspace and hold run.json. */
  async existingRunDir(path: string, cwd?: string): Promise<string> {
    const guard = await this.guard();
    const dir = await guard.inside(path, 'The run directory', { trusted: true, base: cwd ?? guard.root }).catch((error: Error) => {
      throw new UsageProblem(error.message);
    });
    const text = await readFile(join(dir, 'run.json'), 'utf8').catch(() => null);
    if (text === null) throw new UsageProblem(`not a run directory (no run.json): ${path}`);
    return dir;
  }

  /** The latest run of a runbook under the runs folder (by its start time), or null. */
  async latestRun(root: string, runbookPath: string): Promise<string | null> {
    const names = await readdir(root).catch(() => [] as string[]);
    let best: { dir: string; startedAt: string } | null = null;
    for (const name of names) {
      const dir = join(root, name);
      const record = await new FileRunStore(dir).read().catch(() => null);
      if (!record || record.runbook.path !== runbookPath) continue;
      if (!best || record.startedAt > best.startedAt || (record.startedAt === best.startedAt && dir > best.dir)) best = { dir, startedAt: record.startedAt };
    }
    return best?.dir ?? null;
  }

  private async startSession(
    store: FileRunStore,
    options: { runbook: Runbook | null; runbookPath: string | null; sha256: string | null; command: string; inputs: Record<string, { value: string; source: InputSource }>; githubRepo: string | null },
  ): Promise<RunHandle> {
    const { ports } = this;
    const guard = await this.guard();
    const before = await store.read();
    const recovered = await this.recover(store, before);
    const record = recovered ?? before;
    const n = record.sessions.reduce((max, s) => Math.max(max, s.n), 0) + 1;
    const shell = await chooseShell(ports.settings.shell, options.runbook?.frontMatter.shell);
    const environment = { ...(await detectEnvironment(guard.root, ports.toolVersion)), shell, shellFlags: shellInvocation(shell, '').flags };
    const inputs = new RunInputs(ports.env, options.runbook, options.inputs);
    const at = ports.clock.now().toISOString();
    const session: SessionRecord = { n, host: ports.host, command: inputs.masker.mask(options.command), startedAt: at, endedAt: null, pid: process.pid, owner: ownerMark(), environment, end: null };
    const events: RunEvent[] = [{ type: 'session-started', at, session }];
    if (options.runbook && options.runbookPath !== null) {
      if (record.runbook.path !== '' && record.runbook.path !== options.runbookPath) {
        throw new UsageProblem(`run ${store.dir} belongs to ${record.runbook.path}, not ${options.runbookPath}`);
      }
      events.push({ type: 'runbook-loaded', at, definition: defineRun({ runbook: options.runbook, runbookPath: options.runbookPath, sha256: options.sha256 ?? '', mask: (t) => inputs.masker.mask(t) }) });
      events.push(inputs.recordEvent(at));
    }
    const opened = await store.commit(events);
    return new RunHandle({ ports, guard, store, record: opened, session: n, runbook: options.runbook, inputs, shell, githubRepo: options.githubRepo });
  }

  /**
   * A session that never ended and whose process is gone (a CLI killed with -9, a crashed
   * window): its running attempts become "interrupted" (their partial logs kept, with their
   * digest), what it left running is ended (the run's cookie), and the record says so.
   */
  private async recover(store: FileRunStore, record: RunRecord): Promise<RunRecord | null> {
    const dead = record.sessions.filter((s) => s.end === null && !isAlive(s));
    if (dead.length === 0) return null;
    const at = this.ports.clock.now().toISOString();
    const events: RunEvent[] = [];
    const deadNumbers = new Set(dead.map((s) => s.n));
    for (const step of record.steps) {
      // Every running attempt of a dead session: another session's attempt may have started after it.
      for (const attempt of step.attempts) {
        if (attempt.status !== 'running' || !deadNumbers.has(attempt.session)) continue;
        const logSha256 = attempt.logPath ? await hashFile(join(store.dir, attempt.logPath)).catch(() => null) : null;
        events.push({ type: 'attempt-ended', at, stepId: step.id, attempt: { ...attempt, status: 'interrupted', outcome: 'interrupted: the run ended while this step was running', endedAt: at, logSha256 } });
      }
    }
    const reaped = (await this.ports.runner.reap?.(record.cookie)) ?? 0;
    dead.forEach((session, index) => events.push({ type: 'session-ended', at, session: session.n, end: 'interrupted', ...(index === 0 && reaped > 0 ? { reaped } : {}) }));
    if (reaped > 0) this.ports.logger.warn(`ended ${reaped} process(es) left running by an interrupted session of ${store.dir}`);
    return store.commit(events);
  }
}

/** "docs/sync/rollout.md" -> "docs-sync-rollout": the folder is part of the name, so svc1/deploy.md and svc2/deploy.md differ. */
export function runbookSlug(runbookPath: string): string {
  const stem = runbookPath.replace(/\.(md|markdown)$/i, '');
  return stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(-60).replace(/^-+/, '') || 'runbook';
}

function isAlive(session: SessionRecord): boolean {
  if (session.environment.host !== hostname()) return true; // another machine's session: not ours to judge
  // With start times known, a reused pid (another process, or this one after a restart) does not keep a dead session open.
  if (session.owner && !session.owner.endsWith('@0') && !ownerMark().endsWith('@0')) {
    return session.owner === ownerMark() || ownerAliveElsewhere(session.owner);
  }
  if (session.pid === process.pid) return true;
  try {
    process.kill(session.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

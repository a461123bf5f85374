// Where a report goes and how it is written. `YYYY-MM-DD-<slug>-gate.md` (the slug carries the
// runbook's folder: svc1/deploy.md and svc2/deploy.md differ) in `--report`, else the folder
// the runbook names (its "Required artifacts", or front matter `report`), else the setting
// (default docs/status/). A report of another run — or any file that is not a report — is
// never overwritten (`-2`, `-3`…); this run's own report, known by its first-line marker, is
// replaced. Written atomically (temp file, then link or rename), inside the workspace only.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { markerIsOf } from '../core/report/marker';
import { BUILTIN_TEMPLATE_NAMES, isBuiltinTemplateName } from '../core/report/templateNames';
import type { WorkspaceGuard } from './workspaceGuard';

export const DEFAULT_REPORT_FOLDER = 'docs/status';

export interface ReportTarget {
  /** Workspace-relative runbook path (the first run's). */
  runbookPath: string;
  /** The runs the report is of (its marker's ids). */
  runIds: readonly string[];
  /** YYYY-MM-DD the (first) run started: stable, so regenerating finds the same name. */
  date: string;
  /** record.context.reportFolder: the runbook's "Required artifacts" folder, or front matter `report` (a folder or a .md file). */
  reportFolder: string | null;
  /** The host's setting (runbookGate.reportFolder); default docs/status. */
  settingFolder?: string | null;
  /** `--report FILE|DIR` as the user typed it: may be absolute, must be inside the workspace. */
  explicit?: string | null;
  /** Where a relative `explicit` starts (the CLI's cwd); default the workspace root. */
  cwd?: string;
}

export interface WrittenReport {
  /** Workspace-relative posix path. */
  path: string;
  absolute: string;
  /** It replaced this run's earlier report. */
  replaced: boolean;
}

/** "docs/sync/KHALA_RUNBOOK.md" -> "sync-khala-runbook"; "deploy.md" -> "deploy". */
export function runbookSlug(runbookPath: string): string {
  const parts = runbookPath.split('/').filter((p) => p !== '' && p !== '.');
  const stem = (parts.pop() ?? 'runbook').replace(/\.(md|markdown)$/i, '');
  const folder = parts.pop();
  const slug = [folder, stem].filter((p): p is string => p !== undefined).join('-')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (slug || 'runbook').slice(0, 80).replace(/-+$/, '');
}

const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** The n-th candidate for a file name: `name.md`, `name-2.md`, `name-3.md`… */
export function candidateName(fileName: string, n: number): string {
  if (n <= 1) return fileName;
  const ext = MARKDOWN_FILE.exec(fileName)?.[0] ?? '';
  return `${fileName.slice(0, fileName.length - ext.length)}-${n}${ext}`;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/** The folder and the first candidate's file name, both checked by the workspace guard. */
async function location(guard: WorkspaceGuard, target: ReportTarget): Promise<{ folder: string; fileName: string }> {
  const generated = `${target.date}-${runbookSlug(target.runbookPath)}-gate.md`;
  if (target.explicit) {
    const absolute = await guard.inside(target.explicit, '--report', { trusted: true, base: target.cwd ?? guard.root });
    if (MARKDOWN_FILE.test(absolute) && !(await isDirectory(absolute))) return { folder: dirname(absolute), fileName: basename(absolute) };
    return { folder: absolute, fileName: generated };
  }
  const [written, what] = target.reportFolder
    ? [target.reportFolder, "The runbook's report folder (Required artifacts or front matter `report`)"]
    : [target.settingFolder || DEFAULT_REPORT_FOLDER, 'The report folder setting (runbookGate.reportFolder)'];
  const absolute = await guard.inside(written, what);
  if (MARKDOWN_FILE.test(written) && !(await isDirectory(absolute))) return { folder: dirname(absolute), fileName: basename(absolute) };
  return { folder: absolute, fileName: generated };
}

async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/** This run's report among the candidates, else the first free name. */
async function choose(folder: string, fileName: string, runIds: readonly string[]): Promise<{ name: string; own: boolean }> {
  const names = new Set(await readdir(folder).catch(() => [] as string[]));
  for (let n = 1; n <= names.size + 1; n++) {
    const name = candidateName(fileName, n);
    if (names.has(name) && markerIsOf(await firstLine(join(folder, name)), runIds)) return { name, own: true };
  }
  for (let n = 1; ; n++) {
    const name = candidateName(fileName, n);
    if (!names.has(name)) return { name, own: false };
  }
}

/** Creates `path` from `temp` only if nothing is there (a hard link fails on an existing name). */
async function createExclusive(temp: string, path: string): Promise<boolean> {
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    // No hard links on this file system: the next best, an exclusive create.
    const handle = await open(path, 'wx').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST') return null;
      throw e;
    });
    if (!handle) return false;
    await handle.close();
    await rename(temp, path);
    return true;
  }
}

/**
 * Writes the report `render(path)` returns (given its workspace-relative path, for relative
 * links) and returns where it went.
 */
export async function writeReport(guard: WorkspaceGuard, target: ReportTarget, render: (reportPath: string) => string): Promise<WrittenReport> {
  const { folder, fileName } = await location(guard, target);
  await mkdir(folder, { recursive: true });
  await guard.inside(folder, 'The report folder', { trusted: true }); // a link made while we looked is still caught
  for (let tries = 0; tries < 100; tries++) {
    const { name, own } = await choose(folder, fileName, target.runIds);
    const absolute = join(folder, name);
    const path = guard.relative(absolute);
    const temp = join(folder, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temp, render(path), { flag: 'wx' });
    try {
      if (own) {
        await rename(temp, absolute);
        return { path, absolute, replaced: true };
      }
      if (await createExclusive(temp, absolute)) return { path, absolute, replaced: false };
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
  throw new Error(`could not find a free report name in ${guard.relative(folder) || '.'} for ${fileName}`);
}

/**
 * The template a host names — front matter `template:`, `--template NAME|FILE`, a setting — as
 * renderReport takes it: a built-in name, or a team's `.liquid` file read from inside the
 * workspace (named by its workspace-relative path in errors and the report's marker).
 */
export async function resolveReportTemplate(
  guard: WorkspaceGuard, value: string, options: { trusted?: boolean; cwd?: string; what?: string } = {},
): Promise<string | { name: string; source: string }> {
  const wanted = value.trim();
  if (isBuiltinTemplateName(wanted)) return wanted;
  const what = options.what ?? 'The report template';
  if (!/\.liquid$/i.test(wanted)) {
    throw new Error(`${what} "${wanted}" is neither a built-in template (${BUILTIN_TEMPLATE_NAMES.join(', ')}) nor a .liquid file`);
  }
  const absolute = await guard.inside(wanted, what, { trusted: options.trusted === true, base: options.cwd ?? guard.root });
  const source = await readFile(absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `${what} not found: ${wanted}` : `cannot read ${what.toLowerCase()} ${wanted}: ${error.message}`);
  });
  return { name: guard.relative(absolute), source };
}

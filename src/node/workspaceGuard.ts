// The one rule for "inside the workspace", used by every path the tool writes or runs in
// (runs folder, run directories, logs, reports, a step's cwd, results files): symlinks of
// every existing ancestor are resolved with realpath before comparing, so a link that points
// out of the workspace is outside, and so is any ".." that climbs out of it. Paths from
// settings, front matter and annotations are hostile input: they may not even be absolute.
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export class OutsideWorkspaceError extends Error {
  override name = 'OutsideWorkspaceError';
}

export interface GuardOptions {
  /** Where a relative path starts (default: the workspace root). */
  base?: string;
  /** Accept absolute paths (one the user typed on the command line); default false. */
  trusted?: boolean;
}

export interface WorkspaceGuard {
  /** The workspace root, symlinks resolved. */
  readonly root: string;
  /** The real absolute path of `path`, or an OutsideWorkspaceError naming `what`. */
  inside(path: string, what: string, options?: GuardOptions): Promise<string>;
  /** Workspace-relative posix path of a path `inside` returned ("" for the root). */
  relative(absolute: string): string;
}

/** Resolves symlinks of the deepest existing ancestor, keeping the part that does not exist yet. */
export async function canonicalPath(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = resolve(absolute, '..');
    if (parent === absolute) return absolute;
    const rest = absolute.slice(parent.length + (parent.endsWith(sep) ? 0 : 1));
    return resolve(await canonicalPath(parent), rest);
  }
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export async function createWorkspaceGuard(workspaceRoot: string): Promise<WorkspaceGuard> {
  const root = await canonicalPath(workspaceRoot);
  return {
    root,
    async inside(path, what, options = {}) {
      if (!options.trusted && isAbsolute(path)) {
        throw new OutsideWorkspaceError(`${what} must be a path relative to the workspace, not an absolute path: ${path}`);
      }
      const absolute = await canonicalPath(resolve(options.base ?? root, path));
      if (!isWithin(root, absolute)) throw new OutsideWorkspaceError(`${what} is outside the workspace (${root}): ${path}`);
      return absolute;
    },
    relative(absolute) {
      return relative(root, absolute).split(sep).join('/');
    },
  };
}

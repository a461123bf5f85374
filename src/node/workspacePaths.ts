// The workspace a CLI run belongs to, and the rule that nothing is written outside it.
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Git top level of `dir`, else `fallback` (the CLI passes its cwd). */
export async function findWorkspaceRoot(dir: string, fallback: string): Promise<string> {
  const top = await new Promise<string | null>((done) => {
    execFile('git', ['rev-parse', '--show-toplevel'], { cwd: dir, timeout: 10_000 }, (error, stdout) => {
      done(error ? null : stdout.trim() || null);
    });
  });
  return top ?? (await realpath(fallback).catch(() => resolve(fallback)));
}

/** Resolves symlinks of the deepest existing ancestor so `/tmp` vs `/private/tmp` compare equal. */
async function canonical(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = resolve(absolute, '..');
    if (parent === absolute) return absolute;
    return resolve(await canonical(parent), absolute.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
  }
}

/**
 * Workspace-relative posix path of `path` (absolute, or relative to `base`), or null when it
 * lies outside the workspace.
 */
export async function workspaceRelative(root: string, path: string, base = process.cwd()): Promise<string | null> {
  const absolute = await canonical(isAbsolute(path) ? path : resolve(base, path));
  const rel = relative(await canonical(root), absolute);
  if (rel === '') return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

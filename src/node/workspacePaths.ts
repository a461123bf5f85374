// The workspace a CLI run belongs to, and the rule that nothing is written outside it.
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { canonicalPath } from './workspaceGuard';

/** Git top level of `dir`, else `fallback` (the CLI passes its cwd). */
export async function findWorkspaceRoot(dir: string, fallback: string): Promise<string> {
  const top = await new Promise<string | null>((done) => {
    execFile('git', ['rev-parse', '--show-toplevel'], { cwd: dir, timeout: 10_000 }, (error, stdout) => {
      done(error ? null : stdout.trim() || null);
    });
  });
  return top ?? (await realpath(fallback).catch(() => resolve(fallback)));
}

/**
 * Workspace-relative posix path of `path` (absolute, or relative to `base`), or null when it
 * lies outside the workspace.
 */
export async function workspaceRelative(root: string, path: string, base = process.cwd()): Promise<string | null> {
  const absolute = await canonicalPath(isAbsolute(path) ? path : resolve(base, path));
  const rel = relative(await canonicalPath(root), absolute);
  if (rel === '') return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

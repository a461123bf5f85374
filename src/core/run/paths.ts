// Posix path arithmetic for core (no node:path here). Hosts pass absolute posix paths.

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}

/** Collapses ".", ".." and duplicate slashes of an absolute path. */
export function normalizeAbsolute(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

export function resolvePath(base: string, path: string): string {
  return normalizeAbsolute(isAbsolutePath(path) ? path : `${base}/${path}`);
}

export function isInside(root: string, path: string): boolean {
  const r = normalizeAbsolute(root);
  const p = normalizeAbsolute(path);
  return p === r || p.startsWith(r === '/' ? '/' : r + '/');
}

/** The last segment of a path ("/w/.runbook-gate/runs/20260221T192746Z" -> "20260221T192746Z"). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}

/** Collapses "." and ".." of a relative posix path; ".." that climbs above it is kept (the workspace guard refuses it). */
export function normalizeRelative(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}

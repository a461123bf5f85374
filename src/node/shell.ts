import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** True when `name` is an executable file on PATH (or is itself an executable path). */
export async function isOnPath(name: string, path = process.env.PATH ?? ''): Promise<boolean> {
  const candidates = name.includes('/') ? [name] : path.split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return true;
    } catch {
      // try the next directory
    }
  }
  return false;
}

/** The shell for steps: an explicit choice (setting, front matter), else bash when present, else sh. */
export async function chooseShell(...preferred: (string | undefined | null)[]): Promise<string> {
  const explicit = preferred.find((s): s is string => !!s && s.trim() !== '');
  if (explicit) return explicit.trim();
  return (await isOnPath('bash')) ? 'bash' : 'sh';
}

// Which shell runs a step, and how: the flags are part of the evidence (ProcessOutcome.shell
// and shellFlags), and docs/shell-semantics.md says what each one means for a step.
import { access, constants } from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';
import { BASH_PRELUDE, PRELUDE_VARIABLE, SIGPIPE_TOLERANT } from './bashPrelude';

export { SIGPIPE_TOLERANT } from './bashPrelude';

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

const ERREXIT_SHELLS = new Set(['sh', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const PIPEFAIL_SHELLS = new Set(['zsh', 'ksh', 'mksh']);

export interface ShellInvocation {
  /** The executable, as the request named it. */
  file: string;
  args: string[];
  /** What the evidence records: the real flags, plus SIGPIPE_TOLERANT for bash. */
  flags: string[];
  /** Added to the step's environment. */
  env: Record<string, string>;
}

/**
 * How a command runs:
 *   bash               -e -o pipefail -o errtrace, the prelude above: stops at the first
 *                      failing command, a failing producer fails its pipeline, a reader that
 *                      stops early (`yes | head -1`) does not;
 *   zsh, ksh, mksh     -e -o pipefail (no tolerance: `yes | head -1` fails with 141);
 *   sh, dash, ash      -e only: they have no pipefail, a pipeline's status is its last command's;
 *   anything else      -c only.
 */
export function shellInvocation(shell: string, command: string): ShellInvocation {
  const name = basename(shell);
  if (name === 'bash') {
    const flags = ['-e', '-o', 'pipefail', '-o', 'errtrace'];
    return {
      file: shell,
      args: [...flags, '-c', `eval "$${PRELUDE_VARIABLE}"; ${command}`],
      flags: [...flags, SIGPIPE_TOLERANT],
      env: { [PRELUDE_VARIABLE]: BASH_PRELUDE },
    };
  }
  const flags = ERREXIT_SHELLS.has(name) ? ['-e'] : [];
  if (PIPEFAIL_SHELLS.has(name)) flags.push('-o', 'pipefail');
  return { file: shell, args: [...flags, '-c', command], flags, env: {} };
}

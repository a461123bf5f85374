// What must hold before a step may start: a cwd inside the workspace, its inputs set, not
// interactive (unless allowed), destructive ones confirmed. A failed check means "blocked".
import type { Step, Runbook } from '../runbook/model';
import { isInside, resolvePath } from './paths';

export interface CwdResolution {
  /** Absolute working directory. */
  absolute: string;
  /** Workspace-relative ("." for the root), for the record. */
  relative: string;
  /** Set when the directory leaves the workspace. */
  error: string | null;
}

export function resolveStepCwd(step: Step, runbook: Runbook, runbookDir: string, workspaceRoot: string): CwdResolution {
  const written = step.annotations.cwd ?? runbook.frontMatter.cwd;
  const absolute = written === undefined || written === '' ? resolvePath(workspaceRoot, '.') : resolvePath(runbookDir, written);
  const root = resolvePath(workspaceRoot, '.');
  if (!isInside(root, absolute)) {
    return { absolute, relative: written ?? absolute, error: `cwd outside the workspace: ${written}` };
  }
  const relative = absolute === root ? '.' : absolute.slice(root === '/' ? 1 : root.length + 1);
  return { absolute, relative, error: null };
}

export function missingInputs(step: Step, env: Record<string, string | undefined>): string[] {
  return step.inputs.filter((name) => env[name] === undefined || env[name] === '');
}

export interface PreflightOptions {
  env: Record<string, string | undefined>;
  allowInteractive: boolean;
  confirmDestructive?: (step: Step) => Promise<boolean>;
}

/** Returns why the step may not start, or null when it may. */
export async function preflight(step: Step, cwd: CwdResolution, options: PreflightOptions): Promise<string | null> {
  if (cwd.error) return cwd.error;
  if (step.annotations.interactive && !options.allowInteractive) {
    return 'interactive: needs a terminal (run it by hand, or allow interactive steps)';
  }
  const missing = missingInputs(step, options.env);
  if (missing.length > 0) return `missing input: ${missing.join(', ')}`;
  if (step.annotations.destructive) {
    const confirmed = options.confirmDestructive ? await options.confirmDestructive(step) : false;
    if (!confirmed) return 'destructive: confirmation required';
  }
  return null;
}

// What must hold before a step may start; a failed check means "blocked", and the words are
// the ones the decision turns into remedies (gate/decide.ts): "missing input: X",
// "fill in <placeholder>", "destructive: ...".
import type { Step } from '../runbook/model';

export interface PreflightOptions {
  /** Value of an input (environment variable or placeholder), if given. */
  value(name: string): string | undefined;
  allowInteractive: boolean;
  confirmDestructive(step: Step): Promise<boolean>;
}

export function missingInputs(step: Step, value: (name: string) => string | undefined): string[] {
  return step.inputs.filter((name) => !value(name));
}

export function missingPlaceholders(step: Step, value: (name: string) => string | undefined): string[] {
  return step.placeholders.filter((name) => !value(name));
}

/** Returns why the step may not start, or null when it may. */
export async function preflight(step: Step, options: PreflightOptions): Promise<string | null> {
  if (step.annotations.interactive && !options.allowInteractive) {
    return 'interactive: needs a terminal (run it in a terminal, then mark its check)';
  }
  const placeholders = missingPlaceholders(step, options.value);
  if (placeholders.length > 0) return `fill in ${placeholders.join(', ')}`;
  const missing = missingInputs(step, options.value);
  if (missing.length > 0) return `missing input: ${missing.join(', ')}`;
  if (step.destructive && !(await options.confirmDestructive(step))) {
    return `destructive: not confirmed (${step.destructiveReason ?? 'annotated destructive'})`;
  }
  return null;
}

/** The command with each `<placeholder>` replaced by its value. */
export function fillPlaceholders(command: string, placeholders: readonly string[], value: (name: string) => string | undefined): string {
  let filled = command;
  for (const name of placeholders) {
    const v = value(name);
    if (v !== undefined) filled = filled.split(name).join(v);
  }
  return filled;
}

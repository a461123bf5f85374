import * as vscode from 'vscode';
import type { Runbook, Step } from '../core/runbook/model';

/**
 * Asks for the inputs the given steps need and the environment lacks. Answers live in memory
 * for the current run only: secrets are never written to settings, state or disk.
 * Returns false when the user dismissed a prompt (the step will then be blocked, naming it).
 */
export async function promptForMissingInputs(
  runbook: Runbook,
  steps: Step[],
  env: Record<string, string | undefined>,
  answers: Map<string, string>,
): Promise<boolean> {
  const needed = new Set(steps.flatMap((s) => s.inputs));
  for (const input of runbook.inputs) {
    if (!needed.has(input.name) || env[input.name] !== undefined || answers.has(input.name)) continue;
    const value = await vscode.window.showInputBox({
      title: `Runbook Gate: input ${input.name}`,
      prompt: input.secret
        ? `${input.name} is a secret: it is masked in logs and reports and kept in memory only.`
        : `Value for $${input.name} (used by ${input.stepIds.join(', ')})`,
      password: input.secret,
      ignoreFocusOut: true,
    });
    if (value === undefined) return false;
    answers.set(input.name, value);
  }
  return true;
}

// Inputs a step lacks, asked before it runs: secrets in a password box and kept in VS Code's
// SecretStorage per workspace folder (so they are asked once); other values with the last one
// as the default, remembered in workspace state and recorded as evidence by the run. Escape
// cancels the run.
import * as vscode from 'vscode';
import type { RunbookInput, Step } from '../../core/runbook/model';
import { jobScope, PromptCancelled } from './jobScope';

const SECRET_INDEX = 'runbookGate.storedSecrets';
const REMEMBERED = 'runbookGate.rememberedInputs';

export class InputPrompts {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly enabled: (folder: vscode.Uri) => boolean,
  ) {}

  async ask(inputs: readonly RunbookInput[], step: Step): Promise<Record<string, string>> {
    const scope = jobScope.getStore();
    if (!scope) return {};
    const folder = vscode.Uri.parse(scope.folder);
    const values: Record<string, string> = {};
    for (const input of inputs) {
      if (input.secret) {
        const stored = await this.secrets.get(secretKey(scope.folder, input.name));
        if (stored) {
          values[input.name] = stored;
          continue;
        }
      }
      if (!this.enabled(folder)) continue;
      const value = await this.prompt(input, step, scope.folder);
      if (value === undefined) {
        scope.abort.abort(new PromptCancelled(`cancelled at the prompt for ${input.name}`));
        throw new PromptCancelled(`Run cancelled: no value given for ${input.name}.`);
      }
      if (value === '') continue;
      values[input.name] = value;
      if (input.secret) await this.storeSecret(scope.folder, input.name, value);
      else await this.remember(scope.folder, input.name, value);
    }
    return values;
  }

  /** Forgets every secret stored for this workspace; returns their names. */
  async forgetSecrets(): Promise<string[]> {
    const index = this.state.get<string[]>(SECRET_INDEX, []);
    await Promise.all(index.map((key) => this.secrets.delete(key)));
    await this.state.update(SECRET_INDEX, []);
    return index.map((key) => key.slice(key.lastIndexOf('\u0000') + 1));
  }

  /** Names of the secrets stored for this workspace (never their values). */
  storedSecretNames(): string[] {
    return this.state.get<string[]>(SECRET_INDEX, []).map((key) => key.slice(key.lastIndexOf('\u0000') + 1));
  }

  private prompt(input: RunbookInput, step: Step, folder: string): Thenable<string | undefined> {
    const what = input.kind === 'placeholder' ? `the placeholder ${input.name}` : `$${input.name}`;
    if (input.secret) {
      return vscode.window.showInputBox({
        title: `Runbook Gate: ${input.name} for "${step.title}"`,
        prompt: `A secret for ${what}. Kept in VS Code's secret storage for this workspace ("Runbook Gate: Forget Stored Secrets" removes it) and masked in every log. Escape cancels the run.`,
        password: true,
        ignoreFocusOut: true,
      });
    }
    const last = this.state.get<Record<string, string>>(REMEMBERED, {})[rememberKey(folder, input.name)];
    return vscode.window.showInputBox({
      title: `Runbook Gate: ${input.name} for "${step.title}"`,
      prompt: `A value for ${what} (recorded in the run as evidence). Escape cancels the run.`,
      value: last ?? '',
      ignoreFocusOut: true,
    });
  }

  private async storeSecret(folder: string, name: string, value: string): Promise<void> {
    const key = secretKey(folder, name);
    await this.secrets.store(key, value);
    const index = this.state.get<string[]>(SECRET_INDEX, []);
    if (!index.includes(key)) await this.state.update(SECRET_INDEX, [...index, key]);
  }

  private async remember(folder: string, name: string, value: string): Promise<void> {
    const all = this.state.get<Record<string, string>>(REMEMBERED, {});
    await this.state.update(REMEMBERED, { ...all, [rememberKey(folder, name)]: value });
  }
}

function secretKey(folder: string, name: string): string {
  return `runbookGate.secret\u0000${folder}\u0000${name}`;
}

function rememberKey(folder: string, name: string): string {
  return `${folder}\u0000${name}`;
}

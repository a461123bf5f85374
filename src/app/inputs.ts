// The inputs of a run: environment variables and `<placeholder>`s, from the environment, an
// env file, the command line or an editor prompt. Secrets are masked everywhere from the moment
// they are known (every secret-named environment variable and the GitHub token included, used
// or not); the record keeps names, sources and non-secret values only.
import type { Runbook } from '../core/runbook/model';
import type { RunEvent } from '../core/run/events';
import type { InputRecord } from '../core/run/record';
import { isSecretName } from '../core/secrets/secretNames';
import { createSecretMasker, type SecretMasker } from '../core/secrets/secretMasker';
import { collectRunSecrets } from '../core/secrets/environmentSecrets';

export type InputSource = InputRecord['source'];

export class RunInputs {
  private readonly given = new Map<string, { value: string; source: InputSource }>();
  private extraSecrets: string[] = [];
  masker: SecretMasker;

  constructor(
    private readonly env: Record<string, string | undefined>,
    private runbook: Runbook | null,
    given: Record<string, { value: string; source: InputSource }> = {},
  ) {
    for (const [name, entry] of Object.entries(given)) this.given.set(name, entry);
    this.masker = this.buildMasker();
  }

  useRunbook(runbook: Runbook): void {
    this.runbook = runbook;
    this.masker = this.buildMasker();
  }

  value(name: string): string | undefined {
    const given = this.given.get(name)?.value;
    if (given !== undefined && given !== '') return given;
    const fromEnv = name.startsWith('<') ? undefined : this.env[name];
    return fromEnv === '' ? undefined : fromEnv;
  }

  /** Adds values; true when anything changed. */
  provide(values: Record<string, string>, source: InputSource = 'prompt'): boolean {
    let changed = false;
    for (const [name, value] of Object.entries(values)) {
      if (this.given.get(name)?.value === value) continue;
      this.given.set(name, { value, source });
      changed = true;
    }
    if (changed) this.masker = this.buildMasker();
    return changed;
  }

  /** A secret learnt later (the editor's GitHub session token). */
  addSecret(value: string): void {
    if (value === '' || this.extraSecrets.includes(value)) return;
    this.extraSecrets.push(value);
    this.masker = this.buildMasker();
  }

  /** The environment of every step: inherited variables and the variable inputs given. */
  stepEnvironment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.env)) if (value !== undefined) env[name] = value;
    for (const [name, entry] of this.given) if (!name.startsWith('<')) env[name] = entry.value;
    return env;
  }

  isSecret(name: string): boolean {
    const input = this.runbook?.inputs.find((i) => i.name === name);
    return input?.secret === true || isSecretName(name) || this.annotatedSecrets().includes(name);
  }

  recordEvent(at: string): Extract<RunEvent, { type: 'inputs-recorded' }> {
    const inputs: InputRecord[] = [];
    for (const input of this.runbook?.inputs ?? []) {
      const value = this.value(input.name);
      if (value === undefined) continue;
      const given = this.given.get(input.name);
      const secret = this.isSecret(input.name);
      inputs.push({ name: input.name, kind: input.kind, secret, value: secret ? null : value, source: given?.source ?? 'environment' });
    }
    return { type: 'inputs-recorded', at, inputs, unmaskedSecrets: this.runSecrets().unmaskedNames };
  }

  private annotatedSecrets(): string[] {
    return this.runbook?.steps.flatMap((s) => s.annotations.secret ?? []) ?? [];
  }

  /** Declared secrets (the runbook's secret inputs, given ones) from 4 characters; other secret-named variables from 8. */
  private runSecrets(): { values: string[]; unmaskedNames: string[] } {
    const declared = new Set<string>(this.annotatedSecrets());
    for (const input of this.runbook?.inputs ?? []) if (this.isSecret(input.name)) declared.add(input.name);
    for (const name of this.given.keys()) if (this.isSecret(name)) declared.add(name);
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.env)) if (value !== undefined) env[name] = value;
    for (const name of declared) {
      const value = this.value(name);
      if (value !== undefined) env[name] = value;
    }
    return collectRunSecrets([...declared], env);
  }

  private buildMasker(): SecretMasker {
    return createSecretMasker([...this.runSecrets().values, ...this.extraSecrets]);
  }
}

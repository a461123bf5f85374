// The inputs of a run: environment variables and `<placeholder>`s, from the environment, an
// env file, the command line or an editor prompt. Secrets are masked everywhere from the moment
// they are known (every secret-named environment variable and the GitHub token included, used
// or not); the record keeps names, sources and non-secret values only.
import type { Runbook } from '../core/runbook/model';
import type { RunEvent } from '../core/run/events';
import type { InputRecord } from '../core/run/record';
import { isSecretName } from '../core/secrets/secretNames';
import { createSecretMasker, unmaskedSecretNames, type SecretMasker } from '../core/run/secretMasker';

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
    const secretNames = [...this.secretNames()];
    return { type: 'inputs-recorded', at, inputs, unmaskedSecrets: unmaskedSecretNames(secretNames, Object.fromEntries(secretNames.map((n) => [n, this.value(n)]))) };
  }

  private annotatedSecrets(): string[] {
    return this.runbook?.steps.flatMap((s) => s.annotations.secret ?? []) ?? [];
  }

  private secretNames(): Set<string> {
    const names = new Set<string>();
    for (const name of Object.keys(this.env)) if (isSecretName(name)) names.add(name);
    for (const name of ['GITHUB_TOKEN', 'GH_TOKEN']) names.add(name);
    for (const input of this.runbook?.inputs ?? []) if (this.isSecret(input.name)) names.add(input.name);
    for (const name of this.annotatedSecrets()) names.add(name);
    for (const name of this.given.keys()) if (this.isSecret(name)) names.add(name);
    return names;
  }

  private buildMasker(): SecretMasker {
    const values = [...this.secretNames()].map((name) => this.value(name)).filter((v): v is string => v !== undefined);
    return createSecretMasker([...values, ...this.extraSecrets]);
  }
}

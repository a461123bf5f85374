// Which values a run masks: the runbook's secret inputs, and every variable of the environment
// the steps inherit whose name reads as a secret, whether or not the runbook names it
// (`printenv GITHUB_TOKEN AWS_SECRET_ACCESS_KEY` prints ***). Steps still receive them all.
import { MIN_SECRET_LENGTH } from './secretForms';
import { isSecretName } from './secretNames';

/** Masked whatever the rules on names say: the tokens gh, Actions and this tool use for GitHub. */
export const ALWAYS_SECRET_NAMES: readonly string[] = ['GITHUB_TOKEN', 'GH_TOKEN'];

/**
 * A variable the runbook does not name is masked from this length on. Its name is only a
 * guess (KEYBOARD_LAYOUT, USE_KEYCHAIN=true, TOKEN_TTL=3600), and masking a short value would
 * shred ordinary output; real keys and tokens are far longer. Shorter ones are reported.
 */
export const MIN_ENVIRONMENT_SECRET_LENGTH = 8;

type Environment = Readonly<Record<string, string | undefined>>;

/** Names of set variables that read as secrets (isSecretName), and GITHUB_TOKEN/GH_TOKEN, sorted. */
export function environmentSecretNames(env: Environment): string[] {
  return Object.keys(env)
    .filter((name) => (env[name] ?? '').length > 0 && (isSecretName(name) || ALWAYS_SECRET_NAMES.includes(name)))
    .sort();
}

function minimumLength(name: string): number {
  return ALWAYS_SECRET_NAMES.includes(name) ? MIN_SECRET_LENGTH : MIN_ENVIRONMENT_SECRET_LENGTH;
}

export interface RunSecrets {
  /** Every value to mask (give them to createSecretMasker). */
  values: string[];
  /** Names whose values are set but too short to mask, sorted; never the values. */
  unmaskedNames: string[];
}

/**
 * The secrets of a run: the runbook's secret inputs (`declared`, masked from MIN_SECRET_LENGTH)
 * and the environment's (environmentSecretNames, from their minimum length). `env` is what the steps receive.
 */
export function collectRunSecrets(declared: readonly string[], env: Environment): RunSecrets {
  const values = new Set<string>();
  const unmasked = new Set<string>();
  const consider = (name: string, minimum: number) => {
    const value = env[name];
    if (value === undefined || value.length === 0) return;
    if (value.length >= minimum) values.add(value);
    else unmasked.add(name);
  };
  for (const name of declared) consider(name, MIN_SECRET_LENGTH);
  for (const name of environmentSecretNames(env)) if (!declared.includes(name)) consider(name, minimumLength(name));
  return { values: [...values], unmaskedNames: [...unmasked].sort() };
}

// Which variable names hold secrets: the runbook's inputs, and every environment variable a
// step inherits, are masked when their name reads as one (whether or not the runbook uses it).

const SECRET_WORD = /TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL/i;
const PAT_WORD = /(?:^|_)PAT(?:_|$)/i;

export function isSecretName(name: string): boolean {
  return SECRET_WORD.test(name) || PAT_WORD.test(name);
}

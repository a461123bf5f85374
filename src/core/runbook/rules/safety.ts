// Safety classes of a step, read from its command: destructive or production-mutating
// commands (never in "run all", confirmed first) and `<placeholder>`s that block a step
// until the user fills them in. A Rollback section makes every step in it destructive; an
// annotation `destructive=false` (or `true`) overrides both.

interface Pattern {
  re: RegExp;
  /** What the user is shown as the reason. */
  reason: string;
}

/** In order of precedence: the first that matches names the reason. */
export const DESTRUCTIVE: readonly Pattern[] = [
  { re: /\bterraform\s+(?:-\S+\s+)*(apply|destroy|import|taint)\b|\b(?:tofu|pulumi)\s+(up|destroy)\b/, reason: 'terraform $1' },
  { re: /\bkubectl\s+(?:-\S+\s+(?:\S+\s+)?)*(apply|delete|replace|patch|edit|scale|drain|cordon|taint|set|annotate|label|create)\b/, reason: 'kubectl $1' },
  { re: /\bkubectl\s+(?:-\S+\s+(?:\S+\s+)?)*rollout\s+(undo|restart|resume|pause)\b/, reason: 'kubectl rollout $1' },
  { re: /\bhelm\s+(?:-\S+\s+)*(upgrade|install|uninstall|delete|rollback)\b/, reason: 'helm $1' },
  { re: /\bgit\s+push\b[^\n;&|]*\s(?:--force(?:-with-lease)?|-f)\b/, reason: 'git push --force' },
  { re: /\bcurl\b[^\n]*?(?:-X\s*|--request[\s=]+)["']?(POST|PUT|DELETE|PATCH)\b/i, reason: 'curl -X $1' },
  { re: /\bcurl\b[^\n]*?\s(?:--data(?:-raw|-binary|-urlencode)?|-d|--json|-F|--form)(?=[\s=])/, reason: 'curl sending data' },
  { re: /\bgh\s+api\b[^\n]*?(?:-X\s*|--method[\s=]+)(POST|PUT|DELETE|PATCH)\b/i, reason: 'gh api $1' },
  { re: /\bmainnet\b[^\n]*\b(?:pay|payment|send|transfer)\b|\b(?:pay|payment|send|transfer)\b[^\n]*\bmainnet\b/i, reason: 'a mainnet payment' },
  { re: /\b(DROP|TRUNCATE)\s+(TABLE|DATABASE|SCHEMA|INDEX)\b/i, reason: '$1 $2' },
  { re: /\bDELETE\s+FROM\b/i, reason: 'DELETE FROM' },
  { re: /\bALTER\s+TABLE\b/i, reason: 'ALTER TABLE' },
  { re: /\bUPDATE\s+\w+\s+SET\b/i, reason: 'UPDATE … SET' },
  { re: /\bdropdb\b/, reason: 'dropdb' },
  { re: /(?:^|\s)--apply\b/, reason: '--apply' },
  { re: /\b(?:npm|pnpm|yarn|cargo|vsce|ovsx|gem|twine)\s+publish\b|\bgh\s+release\s+create\b/, reason: 'publish' },
  { re: /\b(?:ecto\.migrate|db:migrate|migrate\s+(?:up|deploy)|alembic\s+upgrade|flyway\s+migrate|prisma\s+migrate\s+deploy)\b|(?:^|[\s/])migrate(?:\.sh)?\s+up\b/, reason: 'a database migration' },
  { re: /\baws\s+[\w-]+\s+((?:create|delete|modify|put|update|terminate|attach|detach|register|deregister|run|start|stop|reboot|restore)-[\w-]+)/, reason: 'aws $1' },
  { re: /\bgcloud\s+(?:[\w-]+\s+){1,3}(create|delete|update|deploy|set-iam-policy|add-iam-policy-binding)\b/, reason: 'gcloud $1' },
  { re: /\bsystemctl\s+(stop|restart|disable)\b|\b(reboot|shutdown)\b/, reason: 'systemctl $1$2' },
  { re: /\brm\s+-[a-zA-Z]*[rf][a-zA-Z]*\b/, reason: 'rm -rf' },
  { re: /\b(?:aws\s+s3|gsutil|gcloud\s+storage)\s+rm\b/, reason: 'object storage rm' },
  { re: /(?:^|[\s/])deploy[\w-]*\.(?:sh|py|rb|js|ts)\b/, reason: 'deploy' },
  { re: /(?<![\w/.-])destroy(?![\w/.-])|[\w.-]+-destroy\b/, reason: 'destroy' },
  { re: /(?<![\w/.-])(?:delete|delete-[\w-]+)(?![\w/.-])|\b[\w.-]+-delete\b/, reason: 'delete' },
  { re: /(?<![\w/.-])drop(?![\w/.-])/i, reason: 'drop' },
  { re: /(?<![\w/.-])deploy(?:\.sh)?(?![\w/.-])|\b[\w.-]+-deploy\b|\bdeploy-[\w-]+\b/, reason: 'deploy' },
];

/**
 * A word every pattern above needs (a superset, case-insensitive): most commands hold none,
 * and one test of this saves them the thirty patterns. A test holds each pattern to it.
 */
export const MAY_BE_DESTRUCTIVE = /terraform|tofu|pulumi|kubectl|helm|git|curl|\bgh\s|mainnet|drop|truncate|delete|alter|update|apply|publish|release|migrat|alembic|aws|gcloud|gsutil|systemctl|reboot|shutdown|\brm\s|deploy|destroy/i;

/** Lines that only read: a shell comment is never a reason. */
function withoutComments(command: string): string {
  return command
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '$1'))
    .join('\n');
}

/**
 * Why the command is destructive or production-mutating, or null. A line that says
 * `--dry-run` (or `--check`, `terraform plan`) only shows what it would do.
 */
export function destructiveReason(command: string): string | null {
  if (!MAY_BE_DESTRUCTIVE.test(command)) return null;
  const text = withoutComments(command).split('\n').filter((line) => !/(?:^|\s)--(?:dry-run|dryrun|check)\b/.test(line)).join('\n');
  for (const { re, reason } of DESTRUCTIVE) {
    const m = re.exec(text);
    if (m) return reason.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '').replace(/\s+$/, '');
  }
  return null;
}

// `<service-name>`, `<YOUR_TOKEN>`, `<project id>`; not `<<EOF`, `<(cmd)`, `< file`, `2>&1`.
const PLACEHOLDER = /(?<![<\w$])<([A-Za-z][\w.:-]*(?: [\w.:-]+){0,3})>(?!>)/g;

/** `<placeholder>`s in a command, as written (with their brackets), first use of each. */
export function placeholdersIn(command: string): string[] {
  const found = new Set<string>();
  const quoted = singleQuotedSpans(command);
  let span = 0; // matches come in order, and so do the spans: walk both once
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(command); m; m = PLACEHOLDER.exec(command)) {
    // Inside single quotes it is literal text the command prints or sends (`printf '<b>'`), not a blank to fill.
    const at = m.index;
    while (span < quoted.length && quoted[span]![1] <= at) span++;
    const inside = span < quoted.length && at > quoted[span]![0];
    if (!inside) found.add(m[0]);
  }
  return [...found];
}

/** [open, close] offsets of each single-quoted string of a shell command (backslash escapes outside single quotes respected). */
function singleQuotedSpans(command: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let inDouble = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === '\\') {
      i++; // an escaped character, in or out of double quotes, opens or closes nothing
      continue;
    }
    if (c === '"') inDouble = !inDouble;
    else if (c === "'" && !inDouble) {
      const close = command.indexOf("'", i + 1);
      if (close < 0) break;
      spans.push([i, close]);
      i = close;
    }
  }
  return spans;
}

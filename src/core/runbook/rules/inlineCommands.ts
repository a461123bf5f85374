// Inline code in a list item that reads as a command becomes a step (language "inline"):
//   - `mix test test/load_test.exs`        a known program with arguments
//   - `./scripts/check.sh`, `scripts/release/validate.sh`   a script path
//   - Run `validate-cutover staging`      anything the item says to run
//   - `canary-destroy --apply`            a program-like word with a flag among its arguments
// Not commands: identifiers (`slow_consumer_evicted`), env names (`RUNTIME_KHALA_*`), bare
// paths (`docs/sync/status/`), URLs, API routes (`GET /internal/v1/…`), flags (`--apply`),
// numbers (`410 stale_cursor`), a known program alone (`kubectl`) unless the item says run.
// Nor a mention of a tool: "Install `docker compose`", "Requires `terraform 1.7`", "the `git
// push` hook", "the `cargo test` job", "built by `docker buildx`", "`npm ci` is faster",
// "`node 20`" (a program and a version) — unless the item says run. Working directory: "From `apps/runtime/`: `mix ci`" (or "In `apps/web/`, run …"),
// or a leading `cd apps/runtime && …`, which is stripped from the command and becomes the cwd.

export interface InlinePart {
  kind: 'text' | 'code';
  value: string;
}

export interface InlineCommand {
  /** Index of the code part in the parts given. */
  part: number;
  command: string;
  cwd: string | null;
  /** Why it reads as a command: "known program mix", "script path", "the item says run". */
  why: string;
}

/** Programs whose name followed by arguments is taken as a command. */
const PROGRAMS = new Set([
  'ab', 'alembic', 'ansible', 'ansible-playbook', 'argocd', 'aws', 'az', 'bash', 'bq', 'brew', 'bun', 'bundle', 'bunx', 'cargo',
  'cat', 'cd', 'certbot', 'chmod', 'composer', 'consul', 'cp', 'curl', 'dbt', 'deno', 'dig', 'docker', 'docker-compose',
  'dotnet', 'echo', 'elixir', 'env', 'eslint', 'export', 'fly', 'flyctl', 'flyway', 'gcloud', 'gh', 'git', 'go', 'gradle',
  'grep', 'gsutil', 'head', 'helm', 'heroku', 'hey', 'http', 'iex', 'java', 'jest', 'journalctl', 'jq', 'just', 'k6', 'k9s',
  'kafka-topics', 'kill', 'kubectl', 'kustomize', 'liquibase', 'locust', 'ls', 'make', 'mix', 'mkdir', 'mongo', 'mongosh', 'mv',
  'mvn', 'mysql', 'nc', 'nmap', 'node', 'nomad', 'npm', 'npx', 'nslookup', 'openssl', 'php', 'ping', 'pip', 'pip3', 'pnpm',
  'podman', 'poetry', 'prisma', 'psql', 'pulumi', 'pytest', 'python', 'python3', 'rails', 'rake', 'redis-cli', 'rg', 'rm',
  'rsync', 'ruby', 'rustup', 'scp', 'sed', 'sh', 'sqlite3', 'ssh', 'stripe', 'sudo', 'supabase', 'systemctl', 'tail', 'tar',
  'telnet', 'terraform', 'tf', 'tofu', 'touch', 'traceroute', 'tsc', 'tsx', 'uv', 'vault', 'vegeta', 'vercel', 'vitest',
  'wget', 'wrangler', 'wrk', 'xargs', 'yarn', 'zsh', 'gunzip', 'unzip', 'vsce', 'kind', 'minikube', 'skaffold', 'tilt',
]);

const URL = /^(?:[a-z][\w+.-]*:\/\/|www\.)/i;
const HTTP_ROUTE = /^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\//;
const SCRIPT_PATH = /^(?:\.{1,2}\/|~\/)[^\s]+|^(?:[\w.@-]+\/)+[\w.@-]+\.(?:sh|bash|zsh|py|rb|js|mjs|cjs|ts|pl|ps1|exs)$|^(?:bin|scripts?)\/[\w./@-]+$/;
const RUN_CUE = /\b(?:run|re-?run|execute|invoke|exec)\s*(?:the\s+)?(?:command|script)?\s*:?\s*$/i;
const CWD_CUE = /\b(?:from|in|inside|under|within)\s*(?:the\s+)?(?:directory|folder|repo)?\s*$/i;
const ASSIGNMENT = /^[A-Za-z_]\w*=\S*$/;
const MENTIONED_AFTER = /\b(?:install|installs|installed|installing|uses|requires?|required|needs?|upgrade|upgrades|for|by|than|in)\s*$/i;
const MENTIONED_BEFORE = /^\s*(?:hook|target|job|flag|option|tool|binary|cli|output|plugin|version|image|container|process|logs?|alias|wrapper|package|is|are|was|were|must|should|can|lives?)\b/i;
const VERSION = /^v?\d+(?:\.\d+)*$/;

function words(command: string): string[] {
  return command.trim().split(/\s+/).filter((w) => w.length > 0);
}

function isPath(code: string): boolean {
  return !/\s/.test(code) && (code.includes('/') || /^\.{1,2}$/.test(code));
}

/** Why `code` reads as a command, or null. `cued`: the item says to run it. */
export function commandReason(code: string, cued: boolean): string | null {
  const text = code.trim();
  if (text.length === 0 || URL.test(text) || HTTP_ROUTE.test(text) || /^-/.test(text) || /^\d/.test(text)) return null;
  const all = words(text);
  // `FOO=1 cmd args` runs cmd; `FOO=1` alone only sets a name.
  const rest = all.slice(all.findIndex((w) => !ASSIGNMENT.test(w)));
  if (all.every((w) => ASSIGNMENT.test(w))) return null;
  const program = rest[0] ?? '';
  // A bare `cd x` changes nothing on its own; `cd x && cmd` is read by splitLeadingCd.
  if (program === 'cd') return null;
  if (SCRIPT_PATH.test(program) && !program.endsWith('/')) return 'script path';
  // `node 20`, `terraform 1.7`: a tool and its version, not something to run.
  if (!cued && rest.length === 2 && VERSION.test(rest[1] ?? '')) return null;
  if (PROGRAMS.has(program.toLowerCase()) && (rest.length > 1 || cued)) return `known program ${program}`;
  // `canary-destroy --apply`, `flagctl set checkout_v2 --percent 1`: a program-like word and a flag.
  if (/^[a-z][a-z0-9._-]{1,30}$/.test(program) && rest.slice(1).some((w) => /^--?[A-Za-z][\w-]*(?:=\S*)?$/.test(w))) return `program ${program} with a flag`;
  if (cued && !isPath(text) && /^[a-z][\w.-]*$/i.test(program) && !/^[A-Z0-9_]+$/.test(program)) return 'the item says run';
  return null;
}

/** `cd x && rest` -> { cwd: x, command: rest }. */
export function splitLeadingCd(command: string): { command: string; cwd: string | null } {
  const m = /^\s*cd\s+("[^"]+"|'[^']+'|[^\s;&|]+)\s*&&\s*([\s\S]+)$/.exec(command);
  if (!m) return { command: command.trim(), cwd: null };
  return { command: (m[2] ?? '').trim(), cwd: normaliseDir((m[1] ?? '').replace(/^["']|["']$/g, '')) };
}

function normaliseDir(dir: string): string {
  const trimmed = dir.replace(/\/+$/, '');
  return trimmed.length > 0 ? trimmed : dir;
}

/** The commands among an item's inline parts, in order. */
export function inlineCommands(parts: InlinePart[]): InlineCommand[] {
  const found: InlineCommand[] = [];
  let cwd: string | null = null;
  let textBefore = '';
  parts.forEach((part, index) => {
    if (part.kind === 'text') {
      textBefore += part.value;
      return;
    }
    const code = part.value.trim();
    const precedingText = textBefore;
    textBefore = '';
    if (CWD_CUE.test(precedingText) && isPath(code) && !/\.\w+$/.test(code)) {
      // "From `apps/runtime/`:" names the directory of the commands after it.
      cwd = normaliseDir(code);
      return;
    }
    const cued = RUN_CUE.test(precedingText) || (found.length > 0 && /^\s*(?:,|and|then|or|&&|;)\s*(?:then\s+)?$/i.test(precedingText));
    const next = parts[index + 1];
    const followingText = next?.kind === 'text' ? next.value : '';
    if (!cued && (MENTIONED_AFTER.test(precedingText) || MENTIONED_BEFORE.test(followingText))) return;
    const split = splitLeadingCd(code);
    const why = commandReason(split.command, cued);
    if (!why) return;
    found.push({ part: index, command: split.command, cwd: split.cwd ?? cwd, why });
  });
  return found;
}

// The repository a workspace's bare `#123` references live in, when nothing else names one:
// its git `origin` remote, as `owner/name`, for GitHub URLs in every form git accepts.
// The remote URL may carry credentials (`https://user:token@github.com/...`): it is parsed,
// never printed, and only `owner/name` leaves this file.
import { execa } from 'execa';

export const GITHUB_HOSTS: readonly string[] = ['github.com', 'www.github.com', 'ssh.github.com'];

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;
const URL_SCHEMES = new Set(['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:', 'git+https:']);

/** `/owner/name.git/` -> `owner/name`, or null when the path is not exactly that. */
function ownerAndName(path: string): string | null {
  const parts = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '').split('/');
  if (parts.length !== 2) return null;
  const [owner, name] = parts as [string, string];
  if (!OWNER.test(owner) || !NAME.test(name) || name === '.' || name === '..') return null;
  return `${owner}/${name}`;
}

/**
 * `owner/name` of a GitHub remote URL: https (with or without credentials), `git@github.com:o/r.git`,
 * `ssh://git@github.com[:port]/o/r`, `git://`, with or without `.git`; null for any other host.
 * `hosts` adds GitHub Enterprise hosts.
 */
export function githubRepoFromRemoteUrl(remote: string, hosts: readonly string[] = GITHUB_HOSTS): string | null {
  const text = remote.trim();
  const known = new Set(hosts.map((h) => h.toLowerCase()));
  if (text.includes('://')) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return null;
    }
    if (!URL_SCHEMES.has(url.protocol) || !known.has(url.hostname.toLowerCase())) return null;
    return ownerAndName(url.pathname);
  }
  // scp-like syntax: [user@]host:owner/name(.git)
  const scp = /^(?:[^@\s/]+@)?([^:\s/]+):(.+)$/.exec(text);
  if (!scp || !known.has(scp[1]!.toLowerCase())) return null;
  return ownerAndName(scp[2]!);
}

/** `owner/name` of the `origin` remote of the repository at `cwd`; null when there is none or it is not on GitHub. */
export async function originRepository(cwd: string, options: { timeoutMs?: number; hosts?: readonly string[] } = {}): Promise<string | null> {
  try {
    // `remote get-url` applies `url.<base>.insteadOf` rewrites, as git itself would.
    const result = await execa('git', ['remote', 'get-url', 'origin'], {
      cwd, reject: false, stdin: 'ignore', timeout: options.timeoutMs ?? 10_000, env: { GIT_TERMINAL_PROMPT: '0' },
    });
    const out = typeof result.stdout === 'string' ? result.stdout.trim() : '';
    if (result.exitCode !== 0 || out === '') return null;
    return githubRepoFromRemoteUrl(out.split(/\r?\n/)[0]!, options.hosts);
  } catch {
    return null;
  }
}

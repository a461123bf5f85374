// Where a session ran: git commit, branch and whether the tree had uncommitted changes (null
// outside a repository), host and tool version.
import { hostname } from 'node:os';
import { execa } from 'execa';

async function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  const result = await execa('git', args, { cwd, reject: false, stdin: 'ignore', timeout: 10_000 });
  return { ok: result.exitCode === 0, out: typeof result.stdout === 'string' ? result.stdout.trim() : '' };
}

export interface GitFacts {
  host: string;
  toolVersion: string;
  gitCommit: string | null;
  gitBranch: string | null;
  gitDirty: boolean | null;
}

export async function detectEnvironment(cwd: string, toolVersion: string): Promise<GitFacts> {
  const [commit, branch, status] = await Promise.all([
    git(cwd, ['rev-parse', 'HEAD']),
    git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']),
    // Run directories and reports the tool writes itself do not make the tree dirty.
    git(cwd, ['status', '--porcelain', '--untracked-files=no']),
  ]);
  return {
    host: hostname(),
    toolVersion,
    gitCommit: commit.ok && commit.out !== '' ? commit.out : null,
    // "HEAD" means a detached checkout: no branch to name.
    gitBranch: branch.ok && branch.out !== '' && branch.out !== 'HEAD' ? branch.out : null,
    gitDirty: status.ok ? status.out !== '' : null,
  };
}

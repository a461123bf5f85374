// Where a run happened: git commit and branch (null outside a repository), host, version.
import { hostname } from 'node:os';
import { execa } from 'execa';
import type { RunRecord } from '../core/run/model';

async function git(cwd: string, args: string[]): Promise<string | null> {
  const result = await execa('git', args, { cwd, reject: false, stdin: 'ignore', timeout: 10_000 });
  const out = typeof result.stdout === 'string' ? result.stdout.trim() : '';
  return result.exitCode === 0 && out !== '' ? out : null;
}

export async function detectEnvironment(cwd: string, toolVersion: string): Promise<RunRecord['environment']> {
  const [gitCommit, branch] = await Promise.all([
    git(cwd, ['rev-parse', 'HEAD']),
    git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']),
  ]);
  return {
    host: hostname(),
    toolVersion,
    gitCommit,
    // "HEAD" means a detached checkout: no branch to name.
    gitBranch: branch === 'HEAD' ? null : branch,
  };
}

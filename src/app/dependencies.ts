// The dependency gate of a run: which repository bare `#123` references live in (the command
// line's --github-repo, the runbook's front matter `repo`, the runbookGate.github.repository
// setting, else the workspace's `origin` remote), a GitHub client with the host's token, and
// the lookups — failing closed: a reference that cannot be checked blocks the gate.
import type { Runbook } from '../core/runbook/model';
import type { DependencyRecord, RunRecord } from '../core/run/record';
import { checkDependencies } from '../core/gate/dependencies';
import { originRepository } from '../node/gitRemote';
import type { HostPorts } from './ports';
import type { RunInputs } from './inputs';

export interface RepositoryChoice {
  repo: string | null;
  source: 'command line' | 'front matter' | 'setting' | 'git remote origin' | null;
}

export async function chooseRepository(ports: HostPorts, commandLine: string | null, runbook: Runbook | null): Promise<RepositoryChoice> {
  if (commandLine) return { repo: commandLine, source: 'command line' };
  if (runbook?.frontMatter.repo) return { repo: runbook.frontMatter.repo, source: 'front matter' };
  if (ports.settings.github.repository.trim()) return { repo: ports.settings.github.repository.trim(), source: 'setting' };
  const origin = await originRepository(ports.workspaceRoot).catch(() => null);
  return origin ? { repo: origin, source: 'git remote origin' } : { repo: null, source: null };
}

export async function lookupDependencies(
  ports: HostPorts, record: RunRecord, commandLine: string | null, runbook: Runbook | null, inputs: RunInputs,
): Promise<DependencyRecord> {
  const choice = await chooseRepository(ports, commandLine, runbook);
  const token = await ports.github.token();
  if (token) inputs.addSecret(token);
  const { createGithubClient } = await import('../node/github/githubClient'); // Octokit loads on the first GitHub call
  const client = createGithubClient({ baseUrl: ports.settings.github.apiUrl || null, token, masker: inputs.masker });
  const definitions = record.dependencies.items.map(({ refId, label, repo, number, line, why }) => ({ refId, label, repo, number, line, why }));
  return checkDependencies({ items: definitions, client, repository: choice, at: ports.clock.now().toISOString() });
}

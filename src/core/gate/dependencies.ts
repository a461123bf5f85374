// The dependency gate's look-ups: the run's dependency references -> a DependencyRecord.
// It fails closed: a reference that cannot be checked (no repository, no client, a failed or
// malformed look-up) is an item with an `error`, and the gate is blocked, never green.
// One look-up per distinct issue, a few at a time. Titles are GitHub's, kept as data (they may
// hold newlines or escape sequences; the report and terminal layers escape them).
import type { IssueClient, IssueState } from '../ports';
import type { DependencyDefinition } from '../run/definition';
import type { DependencyGateStatus, DependencyItem, DependencyRecord } from '../run/record';

export type RepositorySource = 'command line' | 'front matter' | 'setting' | 'git remote origin';

/** The repository bare `#123` references live in, already resolved by the host, and where it came from. */
export interface RepositoryChoice {
  repo: string | null;
  source: RepositorySource | null;
}

export interface DependencyLookup {
  items: readonly DependencyDefinition[];
  /** Null when the host cannot look anything up; every reference is then blocked. */
  client: IssueClient | null;
  /** Why there is no client ("the workspace is not trusted"), for the reason. */
  noClientReason?: string;
  repository: RepositoryChoice;
  /** When the look-ups happen (ISO 8601). */
  at: string;
  /** Kept as given (the record keeps its own on apply). */
  citations?: DependencyRecord['citations'];
  /** Look-ups in flight at once (default 4). */
  concurrency?: number;
}

type Outcome = { issue: IssueState; error: null } | { issue: null; error: string; kind: DependencyItem['errorKind'] };

const NO_REPOSITORY_REMEDY = 'name one for the run (command line or settings), set `repo` in the runbook\'s front matter, or add a GitHub `origin` remote';

/** Runs `work` over `inputs`, at most `limit` at a time, results in input order. */
async function mapWithLimit<T, R>(inputs: readonly T[], limit: number, work: (input: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
  return results;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Blocked when any reference could not be checked; else red when one is open; else green. */
export function dependencyGateStatus(items: readonly DependencyItem[]): DependencyGateStatus {
  if (items.length === 0) return 'not checked';
  if (items.some((item) => item.error !== null || item.state === null)) return 'blocked';
  return items.every((item) => item.state === 'closed') ? 'green' : 'red';
}

export async function checkDependencies(lookup: DependencyLookup): Promise<DependencyRecord> {
  const { items: definitions, client, repository } = lookup;
  const citations = lookup.citations ?? [];
  if (definitions.length === 0) {
    // Nothing to look up: the gate only matters when a dependency check is in scope (the decision's call).
    return { status: 'not checked', checkedAt: null, repo: repository.repo, reason: null, items: [], citations };
  }

  const repoOf = (definition: DependencyDefinition): string | null => definition.repo ?? repository.repo;
  const keyOf = (repo: string, number: number) => `${repo.toLowerCase()}#${number}`;

  const distinct = new Map<string, { repo: string; number: number }>();
  for (const definition of definitions) {
    const repo = repoOf(definition);
    if (repo !== null && !distinct.has(keyOf(repo, definition.number))) distinct.set(keyOf(repo, definition.number), { repo, number: definition.number });
  }

  const outcomes = new Map<string, Outcome>();
  if (client) {
    const targets = [...distinct.entries()];
    const results = await mapWithLimit(targets, lookup.concurrency ?? 4, async ([, target]): Promise<Outcome> => {
      try {
        return { issue: await Promise.resolve().then(() => client.getIssue(target.repo, target.number)), error: null };
      } catch (error) {
        const kind = (error as { kind?: unknown }).kind;
        return { issue: null, error: errorText(error), kind: typeof kind === 'string' ? (kind as DependencyItem['errorKind']) : null };
      }
    });
    targets.forEach(([key], index) => outcomes.set(key, results[index]!));
  }

  const noClient = `dependency look-ups are unavailable: ${lookup.noClientReason ?? 'no GitHub client'}`;
  const items = definitions.map((definition): DependencyItem => {
    const repo = repoOf(definition);
    const base = { ...definition, repo, state: null, title: null, url: null };
    if (repo === null) return { ...base, error: `no repository to look up ${definition.label} in: ${NO_REPOSITORY_REMEDY}`, errorKind: 'no-repository' };
    if (!client) return { ...base, error: noClient, errorKind: 'no-client' };
    const outcome = outcomes.get(keyOf(repo, definition.number))!;
    if (outcome.issue === null) {
      // Say where a bare reference's repository came from: a wrong origin is a common cause of 404.
      const from = definition.repo === null && repository.source !== null ? ` (repository ${repo} from the ${repository.source})` : '';
      return { ...base, error: `${outcome.error}${from}`, errorKind: outcome.kind };
    }
    return { ...base, state: outcome.issue.state, title: outcome.issue.title, url: outcome.issue.url, error: null };
  });

  const unplaced = definitions.filter((d) => repoOf(d) === null).map((d) => d.label);
  const reason = !client ? noClient
    : unplaced.length > 0 ? `no repository for ${[...new Set(unplaced)].join(', ')}: ${NO_REPOSITORY_REMEDY}`
      : null;
  return { status: dependencyGateStatus(items), checkedAt: lookup.at, repo: repository.repo, reason, items, citations };
}

// Dependency gate lookups through the IssueClient port: one lookup per distinct issue,
// failures recorded (they block the gate) rather than thrown.
import type { IssueReference } from '../runbook/model';
import type { IssueClient } from '../ports';
import type { DependencyCheck } from './decision';

export async function checkDependencies(
  references: readonly IssueReference[],
  client: IssueClient,
  defaultRepo: string | null,
): Promise<DependencyCheck[]> {
  const seen = new Set<string>();
  const distinct = references.filter((ref) => {
    const key = `${ref.repo ?? defaultRepo ?? ''}#${ref.number}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return Promise.all(
    distinct.map(async (reference): Promise<DependencyCheck> => {
      const repo = reference.repo ?? defaultRepo;
      if (!repo) return { reference, state: null, error: `no repository for #${reference.number} (set --github-repo or front matter repo)` };
      try {
        return { reference, state: await client.getIssue(repo, reference.number), error: null };
      } catch (error) {
        return { reference, state: null, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

import * as vscode from 'vscode';
import type { DependencyCheck } from '../core/gate/decision';
import { checkDependencies } from '../core/gate/dependencies';
import type { Runbook } from '../core/runbook/model';
import { GithubIssueClient } from '../node/githubIssueClient';

/**
 * The dependency gate for the editor's report, as the CLI does it: the runbook's issue
 * references looked up on GitHub (or `runbookGate.github.apiUrl`) with GITHUB_TOKEN or the
 * signed-in GitHub account. Without a repository to look in, the report says it was not checked.
 */
export async function editorDependencyChecks(runbook: Runbook, scope: vscode.Uri): Promise<{ checks: DependencyCheck[]; notes: string[] }> {
  if (runbook.issues.length === 0) return { checks: [], notes: [] };
  const config = vscode.workspace.getConfiguration('runbookGate.github', scope);
  const repo = runbook.frontMatter.repo ?? (config.get<string>('repository', '').trim() || null);
  const needsRepo = runbook.issues.some((i) => i.repo === null);
  if (needsRepo && !repo) {
    return {
      checks: [],
      notes: [
        `Dependency gate not checked: ${runbook.issues.length} issue reference(s) in the runbook; set \`repo\` in its front matter or the runbookGate.github.repository setting to check them.`,
      ],
    };
  }
  const baseUrl = config.get<string>('apiUrl', '').trim() || null;
  const client = new GithubIssueClient({ baseUrl, token: await githubToken() });
  return { checks: await checkDependencies(runbook.issues, client, repo), notes: [] };
}

const AUTH_LOOKUP_MS = 1500;

async function githubToken(): Promise<string | null> {
  const fromEnv = process.env.GITHUB_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  try {
    // Only an existing sign-in: the report never opens a login prompt by itself. Where no
    // GitHub auth provider is registered (some remote/web hosts) the call never settles, so
    // it gets a short time limit.
    const session = await Promise.race([
      vscode.authentication.getSession('github', ['repo'], { silent: true }),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), AUTH_LOOKUP_MS)),
    ]);
    return session?.accessToken ?? null;
  } catch {
    return null;
  }
}

// The GitHub token, asked for only when a dependency lookup or a GitHub write needs it: the
// signed-in GitHub account (VS Code's authentication, scope `repo`), else GITHUB_TOKEN /
// GH_TOKEN from the environment. A github.com session is never sent to another API URL
// (runbookGate.github.apiUrl set to an Enterprise host or a test server): only the
// environment's token is, as the CLI does.
import * as vscode from 'vscode';
import { readConfig } from './config';

const SCOPES = ['repo'];

function isGithubDotCom(apiUrl: string): boolean {
  if (apiUrl.trim() === '') return true;
  try {
    return new URL(apiUrl).hostname === 'api.github.com';
  } catch {
    return false;
  }
}

export async function githubToken(scope: vscode.Uri, log: vscode.LogOutputChannel): Promise<string | null> {
  const fromEnv = process.env.GITHUB_TOKEN?.trim() || process.env.GH_TOKEN?.trim() || null;
  if (!isGithubDotCom(readConfig(scope).github.apiUrl)) return fromEnv;
  try {
    const silent = await vscode.authentication.getSession('github', SCOPES, { silent: true });
    if (silent) return silent.accessToken;
    if (fromEnv) return fromEnv;
    const session = await vscode.authentication.getSession('github', SCOPES, { createIfNone: true });
    return session.accessToken;
  } catch (error) {
    log.warn(`GitHub sign-in not available (${(error as Error).message}); ${fromEnv ? 'using GITHUB_TOKEN' : 'looking up without a token'}`);
    return fromEnv;
  }
}

// After the first run in a folder, `.runbook-gate/` is offered for `.gitignore` (run records
// are local evidence unless a team decides to commit them). Asked once per workspace.
import * as vscode from 'vscode';
import type { Editor } from './editor';

const ASKED = 'runbookGate.gitignoreAsked';
const ENTRY = '.runbook-gate/';

async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

export async function offerGitignore(editor: Editor, runbook: vscode.Uri): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(runbook);
  if (!folder || editor.context.workspaceState.get<boolean>(ASKED, false)) return;
  const file = vscode.Uri.joinPath(folder.uri, '.gitignore');
  const text = await readText(file);
  if (text !== null && text.split(/\r?\n/).some((line) => /^\/?\.runbook-gate(\/|\/\*\*)?\s*$/.test(line.trim()))) return;
  await editor.context.workspaceState.update(ASKED, true);
  editor.notify.info(`Run records are kept in ${ENTRY} in this folder. Add it to .gitignore?`, {
    label: 'Add to .gitignore',
    run: () => addToGitignore(editor, folder),
  });
}

export async function addToGitignore(_editor: Editor, folder: vscode.WorkspaceFolder): Promise<void> {
  const file = vscode.Uri.joinPath(folder.uri, '.gitignore');
  const text = (await readText(file)) ?? '';
  const next = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}# Runbook Gate run records\n${ENTRY}\n`;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(next));
}

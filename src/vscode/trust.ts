// The one trust gate: every command that spawns, writes or sends a token is marked `guarded` in
// the command table and passes here first. In Restricted Mode it runs nothing and says why,
// with the way out ("Manage Workspace Trust").
import * as vscode from 'vscode';
import type { Notifier } from './notify';

export const UNTRUSTED_MESSAGE = 'Runbook Gate does not run steps, write run records or reports, or send GitHub tokens in an untrusted workspace (Restricted Mode). Trust this workspace to use it.';

export interface Refusal {
  refused: 'untrusted';
  message: string;
}

export function refuseUntrusted(notify: Notifier): Refusal | null {
  if (vscode.workspace.isTrusted) return null;
  notify.warn(UNTRUSTED_MESSAGE, { label: 'Manage Workspace Trust', run: () => vscode.commands.executeCommand('workbench.trust.manage') });
  return { refused: 'untrusted', message: UNTRUSTED_MESSAGE };
}

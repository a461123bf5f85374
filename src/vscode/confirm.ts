// A modal confirmation. If the workbench cannot show one (VS Code refuses dialogs while
// extension tests run), the answer is "no" and the user is told what was not asked: a modal
// that cannot be shown never lets a destructive command through.
import * as vscode from 'vscode';
import type { Notifier } from './notify';

export async function confirmModal(notify: Notifier | null, message: string, detail: string, action: string): Promise<boolean> {
  try {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  } catch (error) {
    notify?.warn(`Not confirmed (the dialog could not be shown: ${(error as Error).message.split('.')[0]}): ${message}`);
    return false;
  }
}

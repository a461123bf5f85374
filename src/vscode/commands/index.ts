// Every command, in one table of `(editor) => handler`, registered in one loop under
// `runbookGate.`. `guarded` commands spawn, write or send a token: the trust gate runs first,
// here and nowhere else. Failures become one notification (with "Show Log"), never a thrown
// error (VS Code would show a second one); a command returns what it did, for scripts and tests.
import * as vscode from 'vscode';
import { EditorProblem, runbookUri, type Editor } from '../editor';
import { refuseUntrusted } from '../trust';
import { addToGitignore } from '../gitignore';
import { generateReport, publishReport } from '../report';
import { cancelRun, runAll, runAtCursor, runCheck, runStage, runStep } from './runCommands';
import { addNote, markCheck, markGate } from './markCommands';
import { bindToStep, copyStep, runInTerminal, showStepLog } from './stepCommands';

type Handler = (...args: never[]) => unknown;
interface CommandEntry {
  guarded: boolean;
  handler: (editor: Editor) => Handler;
}

const guarded = (handler: CommandEntry['handler']): CommandEntry => ({ guarded: true, handler });
const open = (handler: CommandEntry['handler']): CommandEntry => ({ guarded: false, handler });

export const COMMANDS: Record<string, CommandEntry> = {
  runStage: guarded((e) => (uri?: unknown, id?: string, options?: object) => runStage(e, uri, id, options)),
  runCheck: guarded((e) => (uri?: unknown, id?: string, options?: object) => runCheck(e, uri, id, options)),
  runStep: guarded((e) => (uri?: unknown, id?: string, options?: object) => runStep(e, uri, id, options)),
  runAtCursor: guarded((e) => () => runAtCursor(e)),
  runAll: guarded((e) => (uri?: unknown, options?: object) => runAll(e, uri, options)),
  runInTerminal: guarded((e) => (uri?: unknown, id?: string) => runInTerminal(e, uri, id)),
  markCheck: guarded((e) => (uri?: unknown, id?: string, options?: object) => markCheck(e, uri, id, options)),
  markGate: guarded((e) => (uri?: unknown, id?: string, options?: object) => markGate(e, uri, id, options)),
  addNote: guarded((e) => (uri?: unknown, options?: object) => addNote(e, uri, options)),
  resetRun: guarded((e) => async (uri?: unknown) => {
    const target = runbookUri(e, uri);
    await e.runs.reset(target);
    await e.checkboxes.reset(target);
    vscode.window.setStatusBarMessage('$(clear-all) Runbook Gate: the next run starts a new run directory', 4000);
    return true;
  }),
  generateReport: guarded((e) => (uri?: unknown, options?: object) => generateReport(e, uri, options)),
  publishReport: guarded((e) => (uri?: unknown, options?: object) => publishReport(e, uri, options)),
  addToGitignore: guarded((e) => async (uri?: unknown) => {
    const folder = vscode.workspace.getWorkspaceFolder(runbookUri(e, uri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new EditorProblem('Open a folder first.');
    await addToGitignore(e, folder);
    return true;
  }),
  cancelRun: open((e) => (uri?: unknown) => cancelRun(e, uri)),
  cancelStep: open((e) => (uri?: unknown) => cancelRun(e, uri)),
  copyStep: open((e) => (uri?: unknown, id?: string) => copyStep(e, uri, id)),
  showStepLog: open((e) => (uri?: unknown, id?: string, attempt?: number, session?: number) => showStepLog(e, uri, id, attempt, session)),
  changeBinding: open((e) => (uri?: unknown, id?: string, stepId?: string) => bindToStep(e, uri, id, stepId)),
  bindToStep: open((e) => (uri?: unknown, id?: string, stepId?: string) => bindToStep(e, uri, id, stepId)),
  showPanel: open((e) => (uri?: unknown) => e.panel.reveal(uri instanceof vscode.Uri ? uri : undefined, true)),
  forgetSecrets: open((e) => async () => {
    const names = await e.prompts.forgetSecrets();
    await e.runs.closeSessions();
    e.notify.info(names.length > 0 ? `Forgot ${names.length} stored secret${names.length === 1 ? '' : 's'} (${names.join(', ')}): they will be asked again.` : 'No secrets were stored for this workspace.');
    return names;
  }),
};

export function registerCommands(editor: Editor): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([name, entry]) => {
    const handler = entry.handler(editor) as (...args: unknown[]) => unknown;
    return vscode.commands.registerCommand(`runbookGate.${name}`, async (...args: unknown[]) => {
      if (entry.guarded) {
        const refusal = refuseUntrusted(editor.notify);
        if (refusal) return refusal;
      }
      try {
        return await handler(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!(error instanceof EditorProblem)) editor.log.error(`runbookGate.${name}: ${error instanceof Error ? (error.stack ?? message) : message}`);
        editor.notify.error(message, { label: 'Show Log', run: () => editor.log.show(true) });
        return { error: message };
      }
    });
  });
}

// The editor as a host of the use cases (src/app/ports.ts): settings from the workspace
// folder's configuration, prompts in the editor's idiom, the GitHub session, a LogOutputChannel.
// One set of ports per workspace folder, shared by its runbooks' runs.
import * as vscode from 'vscode';
import type { HostPorts } from '../../app/ports';
import type { Step } from '../../core/runbook/model';
import { gateSettings } from '../config';
import { githubToken } from '../github';
import { runtime } from '../lazy';
import type { InputPrompts } from './inputPrompts';
import { confirmModal } from '../confirm';
import type { Notifier } from '../notify';
import { cutWithEllipsis } from '../../core/text/cut';

export async function editorPorts(folder: vscode.WorkspaceFolder, prompts: InputPrompts, log: vscode.LogOutputChannel, notify: Notifier): Promise<HostPorts> {
  const rt = await runtime();
  const root = folder.uri.fsPath;
  // `git config user.name` is a process: in Restricted Mode nothing is spawned (the service is
  // rebuilt when the workspace is trusted).
  const gitUser = vscode.workspace.isTrusted ? await rt.gitUserName(root).catch(() => null) : null;
  const user = gitUser ?? process.env.USER ?? null;
  return {
    host: 'vscode',
    workspaceRoot: root,
    clock: { now: () => new Date() },
    runner: new rt.ExecaProcessRunner(),
    env: { ...process.env },
    settings: gateSettings(folder.uri),
    github: { token: () => githubToken(folder.uri, log) },
    prompts: {
      allowInteractive: false,
      confirmDestructive: (step) => confirmDestructive(step, notify),
      askInputs: (inputs, step) => prompts.ask(inputs, step),
    },
    logger: { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) },
    user,
    toolVersion: rt.TOOL_VERSION,
  };
}

/** A destructive or Rollback step asks first, in a modal that names the command. */
export function confirmDestructive(step: Step, notify: Notifier | null): Promise<boolean> {
  const why = step.rollback ? 'a Rollback step' : `destructive (${step.destructiveReason ?? 'annotated'})`;
  const first = step.command.split('\n').find((line) => line.trim() !== '')?.trim() ?? step.command;
  const shown = cutWithEllipsis(first, 120);
  return confirmModal(notify, `Run \`${shown}\`? "${step.title}" is ${why}.`, `The whole command:\n${step.command}`, 'Run it');
}

// "Run in terminal", and interactive steps: the command runs in an integrated terminal in the
// step's working directory. Where the terminal has shell integration the exit code is captured
// and offered as the verdict of the step's checks (recorded as a mark with a note saying where
// it came from); without it the user marks the check by hand.
import * as vscode from 'vscode';
import type { Step } from '../core/runbook/model';

// Shell integration (VS Code 1.93) is newer than the API version this extension is built against:
// the few members used are declared here and looked up at run time.
interface ShellExecution {
  read(): AsyncIterable<string>;
}
interface ShellIntegration {
  executeCommand(commandLine: string): ShellExecution;
}
interface ShellEnd {
  terminal: vscode.Terminal;
  execution: ShellExecution;
  exitCode: number | undefined;
}
interface ShellIntegrationApi {
  onDidChangeTerminalShellIntegration?: vscode.Event<{ terminal: vscode.Terminal; shellIntegration: ShellIntegration }>;
  onDidEndTerminalShellExecution?: vscode.Event<ShellEnd>;
}

const INTEGRATION_WAIT_MS = 5000;

export interface TerminalResult {
  /** null when the terminal has no shell integration (the exit code cannot be known). */
  exitCode: number | null;
  /** Characters of output seen (the output itself stays in the terminal). */
  outputChars: number;
}

function integrationOf(terminal: vscode.Terminal): ShellIntegration | undefined {
  return (terminal as vscode.Terminal & { shellIntegration?: ShellIntegration }).shellIntegration;
}

async function waitForIntegration(terminal: vscode.Terminal): Promise<ShellIntegration | undefined> {
  const existing = integrationOf(terminal);
  if (existing) return existing;
  const api = vscode.window as unknown as ShellIntegrationApi;
  if (!api.onDidChangeTerminalShellIntegration) return undefined;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve(undefined);
    }, INTEGRATION_WAIT_MS);
    const subscription = api.onDidChangeTerminalShellIntegration!((event) => {
      if (event.terminal !== terminal) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(event.shellIntegration);
    });
  });
}

/** Runs the step's command in a new integrated terminal; resolves once it ended (or at once without shell integration). */
export async function runInTerminal(step: Step, command: string, cwd: string): Promise<TerminalResult> {
  const terminal = vscode.window.createTerminal({ name: `Runbook Gate: ${step.title}`, cwd });
  terminal.show(false);
  const integration = await waitForIntegration(terminal);
  const api = vscode.window as unknown as ShellIntegrationApi;
  if (!integration || !api.onDidEndTerminalShellExecution) {
    terminal.sendText(command, true);
    return { exitCode: null, outputChars: 0 };
  }
  const execution = integration.executeCommand(command);
  const ended = new Promise<number | null>((resolve) => {
    const subscription = api.onDidEndTerminalShellExecution!((event) => {
      if (event.execution !== execution) return;
      subscription.dispose();
      resolve(event.exitCode ?? null);
    });
  });
  let outputChars = 0;
  for await (const data of execution.read()) outputChars += data.length;
  return { exitCode: await ended, outputChars };
}

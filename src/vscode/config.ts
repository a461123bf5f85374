import * as vscode from 'vscode';

/** Typed view of the `runbookGate.*` settings. */
export interface RunbookGateConfig {
  reportFolder: string;
  runsFolder: string;
  defaultTimeoutMs: number;
  shell: string;
  strict: boolean;
  promptForInputs: boolean;
  codeLensEnabled: boolean;
}

export function readConfig(scope?: vscode.Uri): RunbookGateConfig {
  const c = vscode.workspace.getConfiguration('runbookGate', scope);
  return {
    reportFolder: c.get<string>('reportFolder', 'docs/status'),
    runsFolder: c.get<string>('runsFolder', '.runbook-gate/runs'),
    defaultTimeoutMs: Math.max(0.05, c.get<number>('defaultTimeoutMinutes', 10)) * 60_000,
    shell: c.get<string>('shell', ''),
    strict: c.get<boolean>('strict', false),
    promptForInputs: c.get<boolean>('promptForInputs', true),
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true),
  };
}

/** Settings whose change must redraw the CodeLenses. */
export function affectsCodeLens(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('runbookGate.codeLens') || event.affectsConfiguration('runbookGate.strict');
}

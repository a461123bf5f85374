// A typed view of the `runbookGate.*` settings, and which changes redraw what. Path and URL
// settings are restricted configurations (package.json): in Restricted Mode VS Code ignores
// the workspace's values for them, so a hostile .vscode/settings.json cannot point them anywhere.
import * as vscode from 'vscode';
import type { GateSettings } from '../app/ports';

export interface RunbookGateConfig {
  reportFolder: string;
  runsFolder: string;
  defaultTimeoutMs: number;
  shell: string;
  strict: boolean;
  template: string;
  promptForInputs: boolean;
  codeLensEnabled: boolean;
  github: { repository: string; apiUrl: string; remediationLabels: string[] };
}

export const SECTION = 'runbookGate';

export function readConfig(scope?: vscode.Uri): RunbookGateConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    reportFolder: c.get<string>('reportFolder', 'docs/status'),
    runsFolder: c.get<string>('runsFolder', '.runbook-gate/runs'),
    defaultTimeoutMs: Math.max(0.05, c.get<number>('defaultTimeoutMinutes', 10)) * 60_000,
    shell: c.get<string>('shell', ''),
    strict: c.get<boolean>('strict', false),
    template: c.get<string>('template', 'gate'),
    promptForInputs: c.get<boolean>('promptForInputs', true),
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true),
    github: {
      repository: c.get<string>('github.repository', ''),
      apiUrl: c.get<string>('github.apiUrl', ''),
      remediationLabels: c.get<string[]>('github.remediationLabels', ['runbook-gate']),
    },
  };
}

/** The use cases' settings, read afresh on every access (a changed setting applies to the next step). */
export function gateSettings(scope: vscode.Uri): GateSettings {
  return {
    get runsFolder() { return readConfig(scope).runsFolder; },
    get reportFolder() { return readConfig(scope).reportFolder; },
    get defaultTimeoutMs() { return readConfig(scope).defaultTimeoutMs; },
    get shell() { return readConfig(scope).shell; },
    get strict() { return readConfig(scope).strict; },
    get template() { return readConfig(scope).template; },
    get github() {
      const { github } = readConfig(scope);
      return { apiUrl: github.apiUrl, repository: github.repository, remediationLabels: github.remediationLabels };
    },
  };
}

/** Settings whose change must redraw the CodeLenses (and the panel's verdicts). */
export function affectsLenses(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.codeLens`) || event.affectsConfiguration(`${SECTION}.strict`);
}

/** Settings that decide where runs are found (the restored run may change). */
export function affectsRuns(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.runsFolder`);
}

// What a host (the CLI, the editor) hands the use cases: one object of ports. Everything a
// host does differently — how it confirms, asks for an input, finds a GitHub token, shows
// output, reads settings — arrives here; every rule lives once, in the use cases.
import type { Clock, Logger, OutputStream, ProcessRunner } from '../core/ports';
import type { RunbookInput, Step } from '../core/runbook/model';
import type { RunRecord } from '../core/run/record';

export interface GateSettings {
  /** Workspace-relative folder for run directories. */
  runsFolder: string;
  /** Workspace-relative folder for reports when the runbook names none. */
  reportFolder: string;
  defaultTimeoutMs: number;
  /** Empty: the runbook's front matter, else bash, else sh. */
  shell: string;
  strict: boolean;
  /** Default report template (a built-in name or a workspace-relative .liquid file). */
  template: string;
  github: {
    /** API base URL; empty for api.github.com. */
    apiUrl: string;
    /** owner/name for bare #123 references, unless the runbook or the command line names one. */
    repository: string;
    /** Labels for remediation issues. */
    remediationLabels: string[];
  };
}

export interface RunListener {
  onRecord?(record: RunRecord): void;
  onAttemptStarted?(stepId: string, attempt: number): void;
  /** Decoded and masked; a returned promise is back-pressure. */
  onOutput?(stepId: string, text: string, stream: OutputStream): void | Promise<void>;
  onAttemptEnded?(stepId: string, record: RunRecord): void;
}

export interface HostPrompts {
  /** A destructive or production-mutating step is about to run: may it? */
  confirmDestructive(step: Step): Promise<boolean>;
  /** Asks for inputs a step lacks; returns the values given (missing ones stay missing: the step is blocked). */
  askInputs?(inputs: RunbookInput[], step: Step): Promise<Record<string, string>>;
  /** Steps marked interactive may run (the host has a terminal for them). */
  allowInteractive: boolean;
}

export interface GithubAccess {
  /** The token, asked for only when a lookup or a write needs it; null when there is none. */
  token(): Promise<string | null>;
}

export interface HostPorts {
  host: 'cli' | 'vscode';
  /** Absolute path of the workspace root (the guard resolves symlinks). */
  workspaceRoot: string;
  clock: Clock;
  runner: ProcessRunner;
  /** The environment steps inherit (process environment, plus an env file). */
  env: Record<string, string | undefined>;
  settings: GateSettings;
  github: GithubAccess;
  prompts: HostPrompts;
  logger: Logger;
  /** Who marks and notes ("ana"): the git user, else the OS user. */
  user: string | null;
  toolVersion: string;
}

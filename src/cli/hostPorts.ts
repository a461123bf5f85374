// The CLI as a host of the use cases: its ports (src/app/ports.ts) from the process context
// and the command's flags.
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { HostPorts } from '../app/ports';
import { TOOL_VERSION } from '../core/version';
import { ExecaProcessRunner } from '../node/execaRunner';
import { parseEnvFile } from '../node/envFile';
import { findWorkspaceRoot } from '../node/workspacePaths';
import { gitUserName } from '../node/gitUser';
import { terminalLine } from '../core/text/controlChars';
import { InputError, type CliContext } from './context';

export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

export interface CliHostOptions {
  /** A file or folder the command is about: the workspace is its git top level (else the cwd). */
  anchor: string;
  envFile?: string | null;
  githubApi?: string | null;
  yes?: boolean;
}

async function loadEnv(ctx: CliContext, envFile: string | null | undefined): Promise<Record<string, string | undefined>> {
  if (!envFile) return { ...ctx.env };
  let text: string;
  try {
    text = await readFile(resolve(ctx.cwd, envFile), 'utf8');
  } catch {
    throw new InputError(`env file not found: ${envFile}`);
  }
  // The file wins over the inherited environment: it is what the user asked for.
  return { ...ctx.env, ...parseEnvFile(text) };
}

export async function cliHostPorts(ctx: CliContext, options: CliHostOptions): Promise<HostPorts> {
  const anchor = resolve(ctx.cwd, options.anchor);
  // The workspace is the git top level of the folder the command is about (else the cwd).
  const folder = (await stat(anchor).catch(() => null))?.isDirectory() ? anchor : dirname(anchor);
  const workspaceRoot = await findWorkspaceRoot(folder, ctx.cwd);
  const env = await loadEnv(ctx, options.envFile);
  const log = (level: string) => (message: string) => ctx.stderr.write(`runbook-gate: ${level}${terminalLine(message)}\n`);
  return {
    host: 'cli',
    workspaceRoot,
    clock: ctx.clock ?? { now: () => new Date() },
    runner: ctx.runner ?? new ExecaProcessRunner(),
    env,
    settings: {
      runsFolder: '.runbook-gate/runs',
      reportFolder: 'docs/status',
      defaultTimeoutMs: DEFAULT_TIMEOUT_MS,
      shell: '',
      strict: false,
      template: 'gate',
      github: { apiUrl: options.githubApi ?? '', repository: '', remediationLabels: ['runbook-gate'] },
    },
    github: { token: async () => env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim() || null },
    prompts: {
      allowInteractive: false,
      async confirmDestructive(step) {
        if (options.yes) return true;
        if (!ctx.interactive || !ctx.ask) {
          ctx.stderr.write(`[${step.id}] destructive step not run (${terminalLine(step.destructiveReason ?? 'destructive')}): pass --yes to allow it\n`);
          return false;
        }
        const answer = await ctx.ask(`Run destructive step "${step.id}" (${terminalLine(step.destructiveReason ?? 'destructive')})? [y/N] `);
        return /^y(es)?$/i.test(answer.trim());
      },
    },
    logger: { info: log(''), warn: log('warning: '), error: log('error: ') },
    user: env.RUNBOOK_GATE_USER ?? (await gitUserName(workspaceRoot)) ?? env.USER ?? null,
    toolVersion: TOOL_VERSION,
  };
}

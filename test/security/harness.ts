// The security suite's workspace and CLI: a scratch git repository, the real CLI in a child
// process (through the dev loader), and helpers to look for a secret in every file it wrote.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const loader = pathToFileURL(join(repoRoot, 'scripts/dev-loader.mjs')).href;
const mainTs = join(repoRoot, 'src/cli/main.ts');

export interface Workspace {
  root: string;
  write(path: string, text: string): string;
  read(path: string): string;
  /** Every file under the workspace (and its text), for "is the secret anywhere?". */
  files(): Array<{ path: string; text: string }>;
  cleanup(): void;
}

export function workspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'rg-security-'));
  spawnSync('git', ['init', '-q'], { cwd: root });
  const files = (dir = root): Array<{ path: string; text: string }> => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === '.git') return [];
    if (statSync(path).isDirectory()) return files(path);
    return [{ path, text: readFileSync(path, 'latin1') }];
  });
  return {
    root,
    write(path, text) {
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    files: () => files(),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface CliResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

const baseEnv = (): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.GITHUB_TOKEN;
  delete env.GH_TOKEN;
  delete env.GITHUB_ACTIONS;
  return env;
};

/** Starts the CLI; the caller may signal it. */
export function startCli(args: string[], cwd: string, env: Record<string, string> = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, ['--import', loader, mainTs, ...args], { cwd, env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString('latin1'); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString('latin1'); });
  const done = new Promise<CliResult>((resolveDone) => child.on('close', (code, signal) => resolveDone({ code, signal, stdout, stderr })));
  return { child, done };
}

export function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return startCli(args, cwd, env).done;
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Running (a zombie is dead: it only waits for its parent, or init, to collect it). */
export { pidAlive as alive } from '../unit/node/processHelpers';

export function runDirs(root: string): string[] {
  const runs = join(root, '.runbook-gate/runs');
  try {
    return readdirSync(runs).map((name) => join(runs, name)).sort();
  } catch {
    return [];
  }
}

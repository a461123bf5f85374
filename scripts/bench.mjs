// `npm run bench [-- --json] [-- name-filter] [-- --sources]`: bundles bench/*.bench.ts with
// esbuild the way scripts/build.mjs bundles what ships (no keepNames, no minify), then runs
// them. Timing the TypeScript sources through tsx instead measured code that never ships:
// tsx keeps function names by wrapping every closure it creates, which cost the parser up to
// a third of its time. `--sources` runs them through tsx anyway (no build step).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const fromSources = args.includes('--sources');
const passed = args.filter((a) => a !== '--sources');

let entry = 'bench/index.ts';
const loader = fromSources ? ['--import', './scripts/dev-loader.mjs'] : [];
// One level under the root, like bench/: bench/parseInputs.ts finds ../test/fixtures from there.
const outdir = 'out-bench';
rmSync(outdir, { recursive: true, force: true });
// The parser's worker thread, bundled as scripts/build.mjs bundles dist/modelWorker.js.
const modelWorker = `${outdir}/modelWorker.cjs`;
await esbuild.build({
  entryPoints: ['src/node/modelWorker/worker.ts'], outfile: modelWorker, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
});
if (!fromSources) {
  const benches = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).map((f) => `bench/${f}`);
  await esbuild.build({
    entryPoints: ['bench/index.ts', ...benches],
    outdir,
    outbase: 'bench',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    loader: { '.liquid': 'text' },
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  entry = `${outdir}/index.mjs`;
}
const result = spawnSync(process.execPath, [...loader, entry, ...passed], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_MODEL_WORKER: resolve(modelWorker) },
});
process.exit(result.status ?? 1);

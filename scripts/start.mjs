// `npm start`: runs the bundled example runbook with the built CLI (npm start builds first)
// and says where its run directory and gate report are. The example is No-Go on purpose,
// so exit 1 from the CLI (a decision was made) is success here; only 2 (usage or input
// error) or a crash fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('start: dist/cli.js is missing; run `npm run build` first (npm start does).');
  process.exit(2);
}

const args = [cli, 'run', 'examples/release-checklist.md', '--all'];
console.log(`start: node ${args.map((a) => a.replace(`${root}/`, '')).join(' ')}\n`);
const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' });
process.stdout.write(result.stdout ?? '');

const code = result.status;
const runDir = /^Run directory: (.+)$/m.exec(result.stdout ?? '')?.[1];
const report = /^Report: (.+)$/m.exec(result.stdout ?? '')?.[1];
if (code === 0 || code === 1) {
  console.log('');
  console.log(`start: decision made: ${code === 0 ? 'Go' : 'No-Go'} (exit ${code}).`);
  if (code === 1) {
    console.log('start: the example is No-Go on purpose: a manual check waits, a hold is running, Stage 2 fails, Stage 3 is blocked');
    console.log('start: and the latency gate is red, so the report shows each. Try, with the run directory below:');
    console.log('start:   node dist/cli.js mark RUN_DIR stage-0.3 passed --note "owner is on call"');
    console.log('start:   node dist/cli.js run examples/release-checklist.md --resume --stage 1   (after the 1-minute hold)');
  }
  if (runDir) console.log(`start: run directory: ${runDir}/ (run.json, results.tsv, SUMMARY.md, gate.json, logs/)`);
  if (report) console.log(`start: gate report:   ${report}`);
  console.log('start: the same run in every report template: examples/reports/');
  process.exit(0);
}
console.error(`start: the CLI ${code === null ? `was killed (${result.signal})` : `exited ${code}`}: see the message above.`);
process.exit(code === null ? 1 : code);

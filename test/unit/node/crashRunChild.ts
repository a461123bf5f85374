// Run by loadRunRecord.test.ts in its own process (node --import tsx), then killed with
// SIGKILL mid-step: argv = workspace, pid file. Prints the run directory first.
import { RunSession } from '../../../src/core/run/runSession';
import { ExecaProcessRunner } from '../../../src/node/execaRunner';
import { createRunStore } from '../../../src/node/fileRunStore';
import { runbook, step } from '../fakes/runbooks';
import { fixtureEnv } from './processHelpers';

const [workspace, pidFile] = process.argv.slice(2) as [string, string];
const clock = { now: () => new Date() };
const store = await createRunStore({ runsRoot: 'runs', workspaceRoot: workspace, clock });
process.stdout.write(`${store.dir}\n`);
const session = new RunSession({
  runbook: runbook([step('first', 'echo done'), step('partial', `fx-partial ${pidFile}`)]),
  runbookPath: 'RUNBOOK.md', runbookDir: workspace, workspaceRoot: workspace,
  env: fixtureEnv(), shell: 'sh', defaultTimeoutMs: 60_000, strict: false,
  environment: { host: 'h', toolVersion: '0', gitCommit: null, gitBranch: null },
  runner: new ExecaProcessRunner(), store, clock,
});
await session.run({ all: true });

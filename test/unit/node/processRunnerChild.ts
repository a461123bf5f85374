// Run in its own process by the reaper and signal tests: a runner host that can be killed.
// Runs one step and prints its output; then prints "outcome <json>" and, when the step was
// cancelled, "reason <abort reason>".
// argv: cookie, command, mode ("plain", or "signals": the CLI's signal handlers), grace ms.
import { installSignalHandlers } from '../../../src/cli/signals';
import { ExecaProcessRunner } from '../../../src/node/execaRunner';
import { endAllStepProcessesNow } from '../../../src/node/liveSteps';

const [cookie, command, mode, grace] = process.argv.slice(2) as [string, string, string, string];
const controller = new AbortController();
if (mode === 'signals') {
  installSignalHandlers({ controller, killNow: endAllStepProcessesNow, notify: (line) => process.stderr.write(`${line}\n`) });
}
const runner = new ExecaProcessRunner({ killGraceMs: Number(grace) });
const outcome = await runner.run(
  { command, shell: 'bash', cwd: process.cwd(), env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, timeoutMs: 120_000, cookie },
  (chunk) => void process.stdout.write(chunk),
  controller.signal,
);
process.stdout.write(`outcome ${JSON.stringify(outcome)}\n`);
if (controller.signal.aborted) process.stdout.write(`reason ${(controller.signal.reason as Error).message}\n`);
await runner.disposeAll();

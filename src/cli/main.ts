// Entry of dist/cli.js: binds the CLI to this process (argv, streams, signals, exit code).
import { main } from './cli';
import type { CliContext } from './context';
import { installSignalHandlers } from './signals';
import { endAllStepProcessesNow } from '../node/liveSteps';
import { createInterface } from 'node:readline/promises';

function start(): void {
  const controller = new AbortController();
  // SIGINT, SIGTERM, SIGHUP: the first cancels the run (which still closes its record and
  // writes the report), a second kills every step process and exits 128+n.
  installSignalHandlers({ controller, killNow: endAllStepProcessesNow, notify: (line) => process.stderr.write(`\n${line}\n`) });
  // After SIGHUP the terminal is gone, and stdout may be a closed pipe (`| head`): a failed
  // write must not crash the CLI before the run's record is closed.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const ctx: CliContext = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: process.stdin.isTTY === true,
    signal: controller.signal,
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
  void main(process.argv.slice(2), ctx).then((code) => {
    process.exitCode = code;
  });
}

start();

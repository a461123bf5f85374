// Entry of dist/cli.js: binds the CLI to this process (argv, streams, Ctrl-C, exit code).
import { main } from './cli';
import type { CliContext } from './context';

function start(): void {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nrunbook-gate: cancelling the running step (Ctrl-C again to quit at once)\n');
    controller.abort();
  });
  const ctx: CliContext = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: process.stdin.isTTY === true,
    signal: controller.signal,
  };
  void main(process.argv.slice(2), ctx).then((code) => {
    process.exitCode = code;
  });
}

start();

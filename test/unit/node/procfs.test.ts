// /proc as the reaper and the process-group helpers read it, against real processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { processIds, statFields } from '../../../src/node/procfs';
import { tempWorkspace } from './processHelpers';

const scratch = tempWorkspace();
test.after(() => rmSync(scratch, { recursive: true, force: true }));

test('processIds lists this process and a child it starts', async () => {
  const child = spawn('sleep', ['5']);
  await new Promise((resolve) => child.once('spawn', resolve));
  try {
    const pids = processIds();
    assert.ok(pids, '/proc is readable here');
    assert.ok(pids.includes(process.pid));
    assert.ok(pids.includes(child.pid!));
  } finally {
    child.kill('SIGKILL');
  }
});

test('statFields reads state, parent and group after the command name, even one with spaces and parentheses', async () => {
  // exec -a sets argv[0], not the comm; a script file named with ") (" sets the comm itself.
  const odd = join(scratch, 'a ) b (c');
  const child = spawn('bash', ['-c', 'cp "$(command -v sleep)" "$1" && exec "$1" 5', 'bash', odd], { detached: true });
  await new Promise((resolve) => setTimeout(resolve, 300));
  try {
    const fields = statFields(child.pid!);
    assert.ok(fields);
    assert.ok(['S', 'R', 'D'].includes(fields[0]!), `state ${fields[0]}`);
    assert.equal(Number(fields[1]), process.pid);
    assert.equal(Number(fields[2]), child.pid, 'detached: the leader of its own group');
    assert.equal(statFields('self')?.[1], String(process.ppid));
  } finally {
    process.kill(-child.pid!, 'SIGKILL');
  }
});

test('statFields of a process that is gone is null', () => {
  assert.equal(statFields(2 ** 22 + 1), null);
});

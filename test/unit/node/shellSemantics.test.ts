// What a step's shell does with failures, on the real shells: each case is a step's text, what
// it prints and how it exits. docs/shell-semantics.md shows the same table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { SIGPIPE_TOLERANT, shellInvocation } from '../../../src/node/shell';

function run(shell: string, command: string): { out: string; err: string; status: number | null } {
  const how = shellInvocation(shell, command);
  const result = spawnSync(how.file, how.args, {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...how.env }, encoding: 'utf8', timeout: 10_000,
    // As the runner does: a socket on stdin would make bash read ~/.bashrc.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { out: result.stdout, err: result.stderr, status: result.status };
}

// [step, stdout, exit status]
const BASH_CASES: Array<[string, string, number]> = [
  // A reader that stops early does not fail the step ...
  ['yes | head -1', 'y\n', 0],
  ['yes | head -1\necho after', 'y\nafter\n', 0],
  ['yes | head -1 | cat\necho ok', 'y\nok\n', 0],
  ['for i in 1 2; do yes | head -1; done\necho done', 'y\ny\ndone\n', 0],
  ['x=$(yes | head -1)\necho "x=$x"', 'x=y\n', 0],
  ['(yes | head -1)\necho after', 'y\nafter\n', 0],
  ['{ yes | head -1; }\necho after', 'y\nafter\n', 0],
  ['f() { yes | head -1; }\nf\necho after', 'y\nafter\n', 0],
  ['g() { yes | head -1; }\nf() { g; }\nf\necho after', 'y\nafter\n', 0],
  ['trap "echo bye" EXIT\nyes | head -1', 'y\nbye\n', 0],
  ['trap "echo bye" EXIT\n(yes | head -1)\necho after', 'y\nafter\nbye\n', 0],
  ['x=$( (yes | head -1) )\ny=$(yes | head -1)\necho "$x$y"', 'yy\n', 0],
  ['set -u\nyes | head -1\necho "still -u"', 'y\nstill -u\n', 0],
  // ... a failing producer does, with its own status ...
  ['false | cat\necho no', '', 1],
  ['fx-exit2 | cat\necho no', 'about to fail\n', 2],
  ['yes | (head -1; exit 3)\necho no', 'y\n', 3],
  ['x=$(false | cat)\necho no', '', 1],
  // ... and -e still stops at the first failing command, also right after a tolerated pipeline.
  ['echo one\nfalse\necho two', 'one\n', 1],
  ['yes | head -1\nfalse\necho no', 'y\n', 1],
  ['f() { false; echo no; }\nf\necho no', '', 1],
  ['(false; echo no)\necho no', '', 1],
  ['f() { yes | head -1; false; echo no; }\nf', 'y\n', 1],
  ['trap "echo bye \\$?" EXIT\nfalse', 'bye 1\n', 1],
  ['yes | head -1\nexit 141', 'y\n', 141],
  // set +e is the step's own business, before or after a tolerated pipeline.
  ['set +e\nfalse\necho two', 'two\n', 0],
  ['yes | head -1\nset +e\nfalse\necho two', 'y\ntwo\n', 0],
  ['f() { yes | head -1; set +e; false; echo in-f; }\nf\necho after', 'y\nin-f\nafter\n', 0],
  // What -e never covered stays as it was: conditions, && lists, $(...) with several commands.
  ['if yes | head -1 >/dev/null; then echo then; else echo else; fi', 'else\n', 0],
  ['x=$(false; echo hi)\necho "x=$x"', 'x=hi\n', 0],
  ['false && echo no\necho after', 'after\n', 0],
];

test('bash: a reader that stops early passes, a failing producer fails, -e stops at the first failure', () => {
  const failures: string[] = [];
  for (const [step, stdout, status] of BASH_CASES) {
    const got = run('bash', step.replace('fx-exit2', 'test/fixtures/bin/fx-exit2'));
    if (got.out !== stdout || got.status !== status) failures.push(`${JSON.stringify(step)}: got ${JSON.stringify(got.out)} exit ${got.status}, want ${JSON.stringify(stdout)} exit ${status}`);
  }
  assert.deepEqual(failures, []);
});

test('bash without the prelude fails `yes | head -1` with 141 (what the prelude changes)', () => {
  const plain = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', 'yes | head -1'], { encoding: 'utf8' });
  assert.equal(plain.status, 141);
});

test('bash: error messages keep the step\'s own line numbers, and the prelude leaves no trace', () => {
  const steps = ['echo a\nnosuch-command-xyz', 'echo a\n\n\nf() {\n  nosuch-command-xyz\n}\nf', 'echo a\nif true; then', 'echo $((1/0))'];
  for (const step of steps) {
    const plain = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', step], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const ours = run('bash', step);
    assert.equal(ours.err, plain.stderr, step);
    assert.equal(ours.status, plain.status, step);
  }
  const traced = run('bash', 'set -x\nyes | head -1 >/dev/null\necho after');
  // The two sides of a pipeline trace in either order.
  assert.deepEqual(traced.err.split('\n').sort(), ['', '+ echo after', '+ head -1', '+ yes']);
  assert.equal(run('bash', 'env | grep -c RUNBOOK_GATE_BASH_PRELUDE || true').out, '0\n', 'the prelude does not reach child processes');
});

test('bash: a step that sets its own ERR trap takes over (documented): the tolerance is gone', () => {
  assert.deepEqual(run('bash', 'trap "echo mine" ERR\nyes | head -1\necho no'), { out: 'y\nmine\n', err: '', status: 141 });
});

test('sh (dash): -e only, no pipefail: a pipeline is as good as its last command', () => {
  assert.deepEqual(run('sh', 'yes | head -1\necho after'), { out: 'y\nafter\n', err: '', status: 0 });
  assert.deepEqual(run('sh', 'false | cat\necho passes'), { out: 'passes\n', err: '', status: 0 });
  assert.deepEqual(run('sh', 'echo one\nfalse\necho two'), { out: 'one\n', err: '', status: 1 });
});

test('flags as recorded in the evidence', () => {
  assert.deepEqual(shellInvocation('bash', 'x').flags, ['-e', '-o', 'pipefail', '-o', 'errtrace', SIGPIPE_TOLERANT]);
  assert.deepEqual(shellInvocation('/usr/bin/bash', 'x').flags, ['-e', '-o', 'pipefail', '-o', 'errtrace', '+sigpipe-tolerant']);
  assert.deepEqual(shellInvocation('/bin/sh', 'x'), { file: '/bin/sh', args: ['-e', '-c', 'x'], flags: ['-e'], env: {} });
  assert.deepEqual(shellInvocation('zsh', 'x').flags, ['-e', '-o', 'pipefail']);
  assert.deepEqual(shellInvocation('pwsh', 'x'), { file: 'pwsh', args: ['-c', 'x'], flags: [], env: {} });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine, UsageError } from '../../../src/cli/args';

test('run: repeated --stage and --step are collected; no selection means all', () => {
  const run = parseCommandLine(['run', 'r.md', '--stage', '0', '--stage', 'stage-2', '--strict', '--out', 'o']);
  assert.deepEqual(run, {
    kind: 'run', runbook: 'r.md', all: false, stageIds: ['0', 'stage-2'], stepIds: [], out: 'o', report: null, envFile: null,
    githubApi: null, githubRepo: null, strict: true, yes: false, json: false,
  });
  const all = parseCommandLine(['run', 'r.md']);
  assert.equal(all.kind === 'run' && all.all, true);
});

test('usage errors carry one short line', () => {
  const cases: Array<[string[], string]> = [
    [['run', 'r.md', '--bogus'], 'unknown option --bogus'],
    [['run', 'r.md', '--out'], 'option --out needs a value'],
    [['run'], 'run needs RUNBOOK.md'],
    [['run', 'r.md', '--all', '--stage', '1'], 'use --all or --stage/--step, not both'],
    [['run', 'r.md', '--github-repo', 'nope'], '--github-repo must be OWNER/NAME, got: nope'],
    [['report'], 'report needs RUN_DIR'],
    [['parse', 'a.md', 'b.md'], 'parse takes one RUNBOOK.md, got: a.md b.md'],
    [['deploy'], 'unknown command deploy (expected parse, run or report)'],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => parseCommandLine(argv), (error: unknown) => error instanceof UsageError && error.message === message, argv.join(' '));
  }
});

test('--help and --version anywhere', () => {
  assert.deepEqual(parseCommandLine([]), { kind: 'help' });
  assert.deepEqual(parseCommandLine(['run', '--help']), { kind: 'help' });
  assert.deepEqual(parseCommandLine(['--version']), { kind: 'version' });
});

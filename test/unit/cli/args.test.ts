import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine, UsageError } from '../../../src/cli/args';

test('run: repeated --stage, --step and --check are collected; no selection means all', () => {
  const run = parseCommandLine(['run', 'r.md', '--stage', '0', '--stage', 'stage-2', '--check', 'stage-1.2', '--strict', '--out', 'o', '--input', '<service>=api', '--input', 'REGION=eu']);
  assert.deepEqual(run, {
    kind: 'run', runbook: 'r.md', all: false, stageIds: ['0', 'stage-2'], stepIds: [], checkIds: ['stage-1.2'], resume: null, out: 'o', report: null,
    template: null, envFile: null, inputs: { '<service>': 'api', REGION: 'eu' }, githubApi: null, githubRepo: null, strict: true, yes: false, json: false,
  });
  const all = parseCommandLine(['run', 'r.md']);
  assert.equal(all.kind === 'run' && all.all, true);
});

test('run --resume takes an optional run directory; resuming with no selection is not "all"', () => {
  const latest = parseCommandLine(['run', 'r.md', '--resume']);
  assert.deepEqual(latest.kind === 'run' && [latest.resume, latest.all], ['latest', false]);
  const named = parseCommandLine(['run', 'r.md', '--resume', '.runbook-gate/runs/x', '--stage', '1']);
  assert.deepEqual(named.kind === 'run' && [named.resume, named.stageIds], ['.runbook-gate/runs/x', ['1']]);
  const before = parseCommandLine(['run', '--resume', 'r.md']);
  assert.deepEqual(before.kind === 'run' && [before.resume, before.runbook], ['latest', 'r.md'], 'a Markdown file after --resume is the runbook');
});

test('mark, exec and note read as the CLI contract writes them', () => {
  assert.deepEqual(parseCommandLine(['mark', 'runs/x', 'stage-0.3', 'passed', '--note', 'jobs healthy', '--by', 'ana']), {
    kind: 'mark', runDir: 'runs/x', id: 'stage-0.3', status: 'passed', note: 'jobs healthy', by: 'ana',
  });
  assert.deepEqual(parseCommandLine(['mark', 'runs/x', 'error-budget-gate', 'GREEN']), { kind: 'mark', runDir: 'runs/x', id: 'error-budget-gate', status: 'green', note: '', by: null });
  assert.deepEqual(parseCommandLine(['exec', 'runs/x', '--stage', '2', '--', './check.sh', '--env', 'staging']), {
    kind: 'exec', runDir: 'runs/x', checkId: null, stageId: '2', title: null, argv: ['./check.sh', '--env', 'staging'],
  });
  assert.deepEqual(parseCommandLine(['note', 'runs/x', '--risk', 'dashboards lag']), { kind: 'note', runDir: 'runs/x', noteKind: 'risk', text: 'dashboards lag' });
  const report = parseCommandLine(['report', 'runs/a', 'runs/b', '--template', 'load', '--post-comment', '--yes']);
  assert.deepEqual(report.kind === 'report' && [report.runDirs, report.template, report.postComment, report.openIssues, report.yes], [['runs/a', 'runs/b'], 'load', true, false, true]);
});

test('usage errors carry one short line', () => {
  const cases: Array<[string[], string]> = [
    [['run', 'r.md', '--bogus'], 'unknown option --bogus'],
    [['run', 'r.md', '--out'], 'option --out needs a value'],
    [['run'], 'run needs RUNBOOK.md'],
    [['run', 'r.md', '--all', '--stage', '1'], 'use --all or --stage/--step/--check, not both'],
    [['run', 'r.md', '--github-repo', 'nope'], '--github-repo must be OWNER/NAME, got: nope'],
    [['run', 'r.md', '--input', 'TOKEN'], '--input must read NAME=VALUE, got: TOKEN'],
    [['report'], 'report needs at least one RUN_DIR'],
    [['parse', 'a.md', 'b.md'], 'parse takes RUNBOOK.md, got extra: b.md'],
    [['mark', 'runs/x', 'stage-0.1', 'done'], 'mark STATUS is passed, failed, blocked or skipped (gates: green, red, blocked), got: done'],
    [['exec', 'runs/x', './check.sh'], 'exec needs the command after --: runbook-gate exec RUN_DIR [--check ID | --stage ID] -- COMMAND [ARG...]'],
    [['note', 'runs/x', '--risk', 'a', '--scope', 'b'], 'note takes exactly one of --scope TEXT, --risk TEXT, --remediation TEXT'],
    [['deploy'], 'unknown command deploy (expected parse, run, mark, exec, note or report)'],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => parseCommandLine(argv), (error: unknown) => error instanceof UsageError && error.message === message, argv.join(' '));
  }
});

test('--help and --version anywhere before --', () => {
  assert.deepEqual(parseCommandLine([]), { kind: 'help' });
  assert.deepEqual(parseCommandLine(['run', '--help']), { kind: 'help' });
  assert.deepEqual(parseCommandLine(['--version']), { kind: 'version' });
  const exec = parseCommandLine(['exec', 'runs/x', '--', 'tool', '--help']);
  assert.deepEqual(exec.kind === 'exec' && exec.argv, ['tool', '--help'], 'a --help after -- belongs to the command');
});

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, scratchWorkspace } from './cliHarness';

const ws = scratchWorkspace();
after(() => ws.cleanup());

test('parse seed 001 --json: the three monitoring steps with their lines', () => {
  const { code, stdout, stderr } = runCli(['parse', 'seed-001.md', '--json'], ws.root);
  assert.equal(code, 0, stderr);
  const model = JSON.parse(stdout) as { title: string; steps: Array<{ range: { startLine: number; endLine: number }; language: string }> };
  assert.equal(model.title, 'Khala Runtime/Codex WS-Only Rollout Runbook');
  assert.deepEqual(model.steps.map((s) => [s.range.startLine, s.range.endLine, s.language]), [[52, 54, 'bash'], [58, 61, 'bash'], [65, 69, 'bash']]);
});

test('parse without --json prints a summary', () => {
  const { code, stdout } = runCli(['parse', 'examples/release-checklist.md'], ws.root);
  assert.equal(code, 0);
  assert.match(stdout, /^Example Release Checklist — examples\/release-checklist\.md$/m);
  assert.match(stdout, /step node-version \(lines \d+-\d+, bash; required, stage-0\)/);
});

test('run the example: No-Go (exit 1), report written with the decision, run directory complete', () => {
  const { code, stdout, stderr } = runCli(['run', 'examples/release-checklist.md', '--all'], ws.root);
  assert.equal(code, 1, stderr);
  assert.match(stderr, /^\[node-version\] v\d+\./m);
  assert.match(stdout, /^Decision: No-Go$/m);
  const reportFile = /^Report: (.+)$/m.exec(stdout)?.[1] ?? '';
  assert.match(reportFile, /\.runbook-gate\/reports\/\d{4}-\d{2}-\d{2}-release-checklist-gate\.md$/);
  const report = readFileSync(reportFile, 'utf8');
  assert.match(report, /^# Example Release Checklist Gate Report$/m);
  assert.match(report, /^1\. Stage 0 \(Preflight\): PASS$/m);
  assert.match(report, /^ {3}- Node is installed \(`node-version`\):\n {5}- `node --version` => `v\d+\.\d+\.\d+` \(exit 0, /m);
  assert.match(report, /^ {5}- \[x\] The checklist file is present \(`checklist-present` passed\)$/m);
  assert.match(report, /^3\. Stage 2 \(Release notes\): FAIL$/m);
  assert.match(report, /^4\. Stage 3 \(Smoke test\): BLOCKED$/m);
  assert.match(report, /^No-Go for Example Release Checklist at /m);
  assert.doesNotMatch(report, /rollback-notice/);
  const runDir = /^Run directory: (.+)$/m.exec(stdout)?.[1] ?? '';
  for (const name of ['run.json', 'results.tsv', 'SUMMARY.md', 'gate.json']) assert.ok(existsSync(join(runDir, name)), name);
  assert.ok(readdirSync(join(runDir, 'logs')).includes('node-version.log'));

  // `report RUN_DIR` regenerates the same report.
  rmSync(reportFile);
  const again = runCli(['report', runDir], ws.root);
  assert.equal(again.code, 1, again.stderr);
  assert.equal(readFileSync(reportFile, 'utf8'), report);
});

test('run one passing stage: Go (exit 0), --json prints the run record', () => {
  const { code, stdout, stderr } = runCli(['run', 'examples/release-checklist.md', '--stage', '0', '--json', '--report', 'out/stage0.md'], ws.root);
  assert.equal(code, 0, stderr);
  const record = JSON.parse(stdout) as { scope: { stageIds: string[] }; steps: Array<{ stepId: string; status: string }> };
  assert.deepEqual(record.scope.stageIds, ['stage-0']);
  assert.deepEqual(record.steps.filter((s) => s.status === 'passed').map((s) => s.stepId), ['node-version', 'git-version']);
  assert.match(readFileSync(join(ws.root, 'out/stage0.md'), 'utf8'), /^Go for Example Release Checklist at /m);
});

test('exit 2 with a one-line reason on stderr', () => {
  const cases: Array<[string[], RegExp]> = [
    [['run', 'examples/release-checklist.md', '--bogus'], /^runbook-gate: unknown option --bogus$/m],
    [['run', 'missing.md'], /^runbook-gate: runbook not found: missing\.md$/m],
    [['run', 'examples/release-checklist.md', '--stage', '9'], /^runbook-gate: unknown stage id: 9 \(stages: 0, 1, 2, 3\)$/m],
    [['run', 'examples/release-checklist.md', '--step', 'nope'], /^runbook-gate: unknown step id: nope/m],
    [['run', 'examples/release-checklist.md', '--report', '/tmp/outside.md'], /^runbook-gate: report path is outside the workspace .*: \/tmp\/outside\.md$/m],
    [['run', 'examples/release-checklist.md', '--out', '../elsewhere'], /^runbook-gate: --out is outside the workspace/m],
    [['report', 'no-such-run'], /^runbook-gate: run directory not found: no-such-run$/m],
  ];
  for (const [args, stderrLine] of cases) {
    const { code, stderr } = runCli(args, ws.root);
    assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
    assert.match(stderr, stderrLine, args.join(' '));
    // One line of reason (a usage error adds one line pointing at --help).
    assert.ok(stderr.trimEnd().split('\n').length <= 2, stderr);
  }
  assert.equal(existsSync('/tmp/outside.md'), false);
});

test('--help and --version exit 0', () => {
  const help = runCli(['--help'], ws.root);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /runbook-gate run RUNBOOK\.md \[--all \| --stage ID \.\.\. \| --step ID \.\.\.\]/);
  const version = runCli(['--version'], ws.root);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

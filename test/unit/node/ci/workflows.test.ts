// action.yml and examples/github-actions/gate.yml run the CLI the way its argument parser
// expects: their `run:` scripts are executed by bash with the CLI replaced by a script that
// records its arguments, which src/cli/args.ts then parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseCommandLine, type RunCommand } from '../../../../src/cli/args';

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown>; shell?: string; 'continue-on-error'?: unknown }

const root = new URL('../../../../', import.meta.url);
const action = parse(await readFile(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { required?: boolean; default?: string }>; runs: { using: string; steps: Step[] }; outputs: Record<string, unknown>;
};
const example = parse(await readFile(new URL('examples/github-actions/gate.yml', root), 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };

/** Runs a bash script whose `node "$RUNBOOK_GATE_CLI"` / `npx runbook-gate` records its arguments; returns them. */
async function argvOf(script: string, env: Record<string, string>, exitCode = 1): Promise<{ argv: string[]; status: number | null; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'rg-workflow-'));
  try {
    const cli = join(dir, 'cli.js');
    const record = join(dir, 'argv.json');
    await writeFile(cli, `require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2))); process.exit(${exitCode});\n`);
    await writeFile(join(dir, 'output'), '');
    const npx = `npx() { [ "$1" = runbook-gate ] && shift; node ${JSON.stringify(cli)} "$@"; }\n`;
    const result = spawnSync('bash', ['-e', '-c', `${npx}${script}`], {
      env: { PATH: process.env.PATH ?? '', RUNBOOK_GATE_CLI: cli, GITHUB_OUTPUT: join(dir, 'output'), ...env }, encoding: 'utf8',
    });
    const argv = JSON.parse(await readFile(record, 'utf8').catch(() => '[]')) as string[];
    return { argv, status: result.status, output: await readFile(join(dir, 'output'), 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const gateStep = action.runs.steps.find((s) => s.id === 'gate')!;

test('action.yml: a composite action with the documented inputs and the exit code as output', () => {
  assert.equal(action.runs.using, 'composite');
  assert.equal(action.inputs.runbook?.required, true);
  for (const name of ['stage', 'args', 'report', 'template', 'node-version', 'github-token']) assert.ok(name in action.inputs, name);
  assert.ok('exit-code' in action.outputs);
  for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `no expression inside run: (${step.name})`);
});

test('action.yml: the gate step runs `runbook-gate run` with the stages, report, template and extra args', async () => {
  const { argv, status, output } = await argvOf(gateStep.run!, {
    INPUT_RUNBOOK: 'docs/sync/My Runbook.md', INPUT_STAGE: '0 stage-2', INPUT_ARGS: '--strict --github-repo owner/name *',
    INPUT_REPORT: 'docs/status/', INPUT_TEMPLATE: 'gate',
  });
  assert.equal(status, 1, 'No-Go fails the step');
  assert.equal(output, 'exit-code=1\n');
  assert.equal(argv.at(-1), '*', 'arguments are not glob-expanded');
  const command = parseCommandLine(argv.slice(0, -1)) as RunCommand;
  assert.equal(command.kind, 'run');
  assert.deepEqual(
    { runbook: command.runbook, stageIds: command.stageIds, report: command.report, template: command.template, strict: command.strict, githubRepo: command.githubRepo },
    { runbook: 'docs/sync/My Runbook.md', stageIds: ['0', 'stage-2'], report: 'docs/status/', template: 'gate', strict: true, githubRepo: 'owner/name' },
  );
});

test('action.yml: with only a runbook the CLI runs what `run` covers without a selection; Go passes the step', async () => {
  const { argv, status, output } = await argvOf(gateStep.run!, { INPUT_RUNBOOK: 'r.md', INPUT_STAGE: '', INPUT_ARGS: '', INPUT_REPORT: '', INPUT_TEMPLATE: '' }, 0);
  assert.deepEqual(argv, ['run', 'r.md']);
  assert.equal((parseCommandLine(argv) as RunCommand).all, true);
  assert.equal(status, 0);
  assert.equal(output, 'exit-code=0\n');
});

test('example workflow: checkout, setup-node, install, run a stage, upload the run directory always, fail on No-Go', async () => {
  const steps = Object.values(example.jobs)[0]!.steps;
  const uses = steps.map((s) => s.uses?.replace(/@.*/, '') ?? s.name);
  assert.deepEqual(uses, ['actions/checkout', 'actions/setup-node', 'Install', 'Run the gate', 'actions/upload-artifact']);
  assert.equal(steps[2]!.run, 'npm ci');
  const gate = steps[3]!;
  assert.equal(gate['continue-on-error'], undefined, 'a No-Go exit fails the job');
  const { argv, status } = await argvOf(gate.run!, { STAGE: '2', GITHUB_REPOSITORY: 'acme/payments' });
  assert.equal(status, 1);
  const command = parseCommandLine(argv) as RunCommand;
  assert.deepEqual([command.kind, command.runbook, command.stageIds, command.githubRepo], ['run', 'docs/sync/RUNBOOK.md', ['2'], 'acme/payments']);
  const upload = steps[4]!;
  assert.equal(upload.if, 'always()');
  assert.match(String(upload.with?.path), /^\.runbook-gate\/runs\/$/m);
  assert.equal(example.permissions.issues, 'read');
});

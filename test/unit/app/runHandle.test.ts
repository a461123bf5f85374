// The use-case layer with its real adapters (child processes, the run store on disk): what an
// editor does to an open run while one of its steps is running.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GateService } from '../../../src/app/gateService';
import type { HostPorts } from '../../../src/app/ports';
import { parseRunbook } from '../../../src/core/runbook/parseRunbook';
import { ExecaProcessRunner } from '../../../src/node/execaRunner';
import { tempWorkspace } from '../node/processHelpers';
import { startTicks } from '../../../src/node/processReaper';
import type { RunRecord } from '../../../src/core/run/record';

const RUNBOOK = `# Canary

## Stage 0: Preflight

- [ ] Wait for the release signal.
- [ ] Confirm the dashboards are green.

\`\`\`bash {name=wait-for-signal check=stage-0.1}
while [ ! -f signal ]; do sleep 0.05; done
echo "signal seen"
\`\`\`
`;

function ports(root: string): HostPorts {
  return {
    host: 'vscode',
    workspaceRoot: root,
    clock: { now: () => new Date() },
    runner: new ExecaProcessRunner(),
    env: { PATH: process.env.PATH },
    settings: {
      runsFolder: '.runbook-gate/runs', reportFolder: 'docs/status', defaultTimeoutMs: 60_000, shell: '', strict: false, template: 'gate',
      github: { apiUrl: '', repository: '', remediationLabels: [] },
    },
    github: { token: async () => null },
    prompts: { allowInteractive: false, confirmDestructive: async () => false },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    user: 'ana',
    toolVersion: 'test',
  };
}

async function until(what: string, probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a check marked while a step runs (its checkbox ticked in the document): the step carries on and passes, the mark is kept', async () => {
  const root = tempWorkspace();
  try {
    writeFileSync(join(root, 'canary.md'), RUNBOOK);
    const service = new GateService(ports(root));
    const handle = await service.open({ runbookPath: 'canary.md', cwd: root, resume: null, command: 'test' });
    const running = handle.run({ stageIds: ['0'] });
    await until('the step to start', () => handle.record.steps.find((s) => s.id === 'wait-for-signal')?.attempts.length === 1);

    // What the editor does when a mark ticks a box: the edited text is the session's runbook from now on.
    const ticked = RUNBOOK.replace('- [ ] Confirm the dashboards', '- [x] Confirm the dashboards');
    await handle.useRunbook(parseRunbook(ticked), createHash('sha256').update(ticked).digest('hex'));
    await handle.mark('stage-0.2', 'passed', 'dashboards green', 'ana');
    writeFileSync(join(root, 'signal'), '');
    const record = await running;

    const step = record.steps.find((s) => s.id === 'wait-for-signal')!;
    assert.deepEqual(step.attempts.map((a) => [a.n, a.status]), [[1, 'passed']], step.attempts.at(-1)?.outcome);
    assert.ok(existsSync(join(handle.dir, step.attempts[0]!.logPath!)));
    assert.deepEqual(record.checks.map((c) => [c.id, c.status]), [['stage-0.1', 'passed'], ['stage-0.2', 'passed']]);
    assert.equal(record.checks.find((c) => c.id === 'stage-0.2')!.mark?.note, 'dashboards green');
    await handle.finish('finished');
  } finally {
    writeFileSync(join(root, 'signal'), ''); // whatever failed above, the step ends
    rmSync(root, { recursive: true, force: true });
  }
});

test('a session whose process died is recovered even when its pid now belongs to another process', { skip: startTicks('self') === null && 'no /proc here' }, async () => {
  const root = tempWorkspace();
  const other = spawn('sleep', ['30'], { stdio: 'ignore' });
  try {
    writeFileSync(join(root, 'canary.md'), RUNBOOK);
    const service = new GateService(ports(root));
    const first = await service.open({ runbookPath: 'canary.md', cwd: root, resume: null, command: 'run' });
    // The first session never ended (a CLI killed with -9), and its pid was given to `sleep`.
    const recordFile = join(first.dir, 'run.json');
    const reused = (start: string) => {
      const record = JSON.parse(readFileSync(recordFile, 'utf8')) as RunRecord;
      record.sessions[0] = { ...record.sessions[0]!, end: null, endedAt: null, pid: other.pid!, owner: `${other.pid}@${start}` };
      writeFileSync(recordFile, JSON.stringify(record));
    };
    await until('sleep to start', () => startTicks(other.pid!) !== null);

    reused(startTicks(other.pid!)!);
    const alive = await service.open({ runbookPath: 'canary.md', cwd: root, resume: first.dir, command: 'mark' });
    assert.equal(alive.record.sessions[0]!.end, null, 'the process the mark names is alive: its session is left open');

    reused('1');
    // Its attempt still says running, and a live session's attempt of the same number started after it.
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as RunRecord;
    const attempt = { n: 1, status: 'running', outcome: 'running', command: 'x', cwd: '.', shell: 'bash', shellFlags: [], endedAt: null, durationMs: null, exitCode: null, signal: null, logPath: null, logSha256: null, logBytes: 0, results: null, values: [] };
    record.steps.find((s) => s.id === 'wait-for-signal')!.attempts = [
      { ...attempt, session: 1, startedAt: '2026-01-01T00:00:00.000Z' },
      { ...attempt, session: 2, startedAt: '2026-01-01T00:01:00.000Z' },
    ] as RunRecord['steps'][number]['attempts'];
    writeFileSync(recordFile, JSON.stringify(record));
    const later = await service.open({ runbookPath: 'canary.md', cwd: root, resume: first.dir, command: 'report' });
    assert.equal(later.record.sessions[0]!.end, 'interrupted', 'same pid, another start time: the session is over');
    assert.deepEqual(later.record.steps.find((s) => s.id === 'wait-for-signal')!.attempts.map((a) => [a.session, a.status]), [[1, 'interrupted'], [2, 'running']],
      'the dead session\'s attempt is interrupted though it is not the last; the live one is left alone');
  } finally {
    other.kill();
    rmSync(root, { recursive: true, force: true });
  }
});

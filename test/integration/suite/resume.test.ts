// A run started in the CLI (the packaged dist/cli.js, run by the extension host's Node) shows in
// the editor when its runbook is opened — lenses and panel restored from the run directory,
// nothing written — and the editor's next step carries on in the same run.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StepRecord } from '../../../src/core/run/record';
import { activateExtension, click, codeLenses, EXTENSION_ID, eventually, lensFor, openRunbook, readRecord, runDirectories, titlesOnLine, workspaceRoot, workspaceUri } from '../helpers';

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(extension.extensionPath, 'dist', 'cli.js'), ...args], { cwd: workspaceRoot(), env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

suite('a run started in the CLI', () => {
  test('is restored in lenses and panel, and the editor carries on in it', async () => {
    const api = await activateExtension();
    copyFileSync(join(workspaceRoot(), 'runbooks', 'slow.md'), join(workspaceRoot(), 'runbooks', 'resume.md'));
    const uri = workspaceUri('runbooks', 'resume.md');
    const ran = await cli(['run', 'runbooks/resume.md', '--step', 'probe']);
    assert.ok(ran.code === 0 || ran.code === 1, `the CLI ran (exit ${ran.code}): ${ran.stderr}`);
    const dir = runDirectories(workspaceRoot()).find((d) => readRecord(d).runbook.path === 'runbooks/resume.md');
    assert.ok(dir, 'the CLI wrote a run directory');
    const sessions = readRecord(dir).sessions.length;

    await openRunbook(uri);
    const result = await eventually('the CLI\'s result on the probe lens', async () => {
      const lenses = await codeLenses(uri);
      const run = lensFor(lenses, 'runStep', 'probe');
      const titles = titlesOnLine(lenses, run.range.start.line).join(' | ');
      return /✓/.test(titles) ? titles : undefined;
    });
    assert.match(result, /Re-run step/);
    assert.equal(readRecord(dir).sessions.length, sessions, 'opening the runbook wrote nothing');
    await vscode.commands.executeCommand('runbookGate.showPanel', uri);
    const panel = await eventually('the panel on the CLI run', () => api.panel.probe().then((p) => (p.text.includes(vscode.workspace.asRelativePath(dir)) ? p : undefined), () => undefined));
    assert.match(panel.text, /probe ok|Quick probe answers/);

    const step = await click<StepRecord>(lensFor(await codeLenses(uri), 'runStep', 'probe'));
    assert.equal(step.attempts.length, 2, 'the editor\'s attempt joins the CLI\'s in the same run');
    assert.equal(api.run(uri).runDir, dir);
    assert.deepEqual(readRecord(dir).sessions.map((s) => s.host), ['cli', 'vscode']);
  });
});

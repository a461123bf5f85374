import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { StepEvidence } from '../../../src/core/run/model';
import {
  activateExtension, codeLenses, describe, findRunFile, isInside, openRunbook, runStepLens, workspaceRoot, workspaceUri,
} from '../helpers';

/** Runs a step the way a user does: through the command of its "Run step" lens. */
async function runThroughLens(uri: vscode.Uri, stepId: string): Promise<{ evidence: StepEvidence; line: number }> {
  const lens = runStepLens(await codeLenses(uri), stepId);
  const command = lens.command;
  assert.ok(command);
  const evidence = await vscode.commands.executeCommand<StepEvidence>(command.command, ...(command.arguments ?? []));
  assert.ok(evidence, `${command.command} returned evidence`);
  return { evidence, line: lens.range.start.line };
}

async function titlesOnLine(uri: vscode.Uri, line: number): Promise<string[]> {
  const lenses = await codeLenses(uri);
  const titles = lenses.filter((lens) => lens.range.start.line === line).map((lens) => lens.command?.title ?? '');
  assert.ok(titles.length > 0, `lenses on line ${line + 1} in ${describe(lenses)}`);
  return titles;
}

suite('run a step from its CodeLens', () => {
  const uri = () => workspaceUri('runbooks', 'smoke.md');

  suiteSetup(async () => {
    await activateExtension();
    await openRunbook(uri());
  });

  test('a passing step returns passed evidence with its log in the run directory', async () => {
    const { evidence, line } = await runThroughLens(uri(), 'greet');
    assert.equal(evidence.stepId, 'greet');
    assert.equal(evidence.status, 'passed', `outcome: ${evidence.outcome}`);
    assert.equal(evidence.exitCode, 0);
    assert.ok(evidence.logPath, 'evidence names a log');
    const log = findRunFile(workspaceRoot(), evidence.logPath);
    assert.ok(log, `log ${evidence.logPath} exists under .runbook-gate/runs/`);
    assert.ok(isInside(workspaceRoot(), log), 'the log is inside the workspace');
    assert.match(readFileSync(log, 'utf8'), /hello from runbook gate/);

    const titles = await titlesOnLine(uri(), line);
    assert.ok(titles.some((title) => title.includes('passed') && title.includes('exit 0')), `a lens reads "passed · exit 0": ${JSON.stringify(titles)}`);
  });

  test('a failing step returns failed evidence and its lens says so', async () => {
    const { evidence, line } = await runThroughLens(uri(), 'fail');
    assert.equal(evidence.stepId, 'fail');
    assert.equal(evidence.status, 'failed');
    assert.equal(evidence.exitCode, 3);
    assert.ok(evidence.logPath);
    const log = findRunFile(workspaceRoot(), evidence.logPath);
    assert.ok(log, `log ${evidence.logPath} exists under .runbook-gate/runs/`);
    assert.match(readFileSync(log, 'utf8'), /about to fail/);

    const titles = await titlesOnLine(uri(), line);
    assert.ok(titles.some((title) => title.includes('failed') && title.includes('exit 3')), `a lens reads "failed · exit 3": ${JSON.stringify(titles)}`);
  });
});

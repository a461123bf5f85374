import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { StepEvidence } from '../../../src/core/run/model';
import { activateExtension, codeLenses, isInside, lensTitlesOnStepLine, openRunbook, runStepLens, workspaceRoot, workspaceUri } from '../helpers';

/** The project's own example runbook (examples/release-checklist.md), run as a user would. */
suite('the example release checklist', () => {
  const uri = () => workspaceUri('examples', 'release-checklist.md');

  suiteSetup(async function () {
    if (!existsSync(uri().fsPath)) this.skip();
    await activateExtension();
    await openRunbook(uri());
  });

  async function runFromLens(stepId: string): Promise<StepEvidence> {
    const lens = runStepLens(await codeLenses(uri()), stepId);
    assert.ok(lens.command);
    const evidence = await vscode.commands.executeCommand<StepEvidence>(lens.command.command, ...(lens.command.arguments ?? []));
    assert.ok(evidence);
    return evidence;
  }

  test('node-version passes and its lens reads "passed · exit 0"', async () => {
    const evidence = await runFromLens('node-version');
    assert.equal(evidence.status, 'passed', evidence.outcome);
    assert.equal(evidence.exitCode, 0);
    const titles = lensTitlesOnStepLine(await codeLenses(uri()), 'node-version');
    assert.ok(titles.some((title) => title.includes('passed') && title.includes('exit 0')), JSON.stringify(titles));
  });

  test('checklist-present runs in the runbook\'s folder', async () => {
    const evidence = await runFromLens('checklist-present');
    assert.equal(evidence.status, 'passed', evidence.outcome);
  });

  test('checklist-present ticks its bound task item as an undoable edit', async () => {
    const document = (await openRunbook(uri())).document;
    const line = () => document.getText().split('\n').find((text) => text.includes('The checklist file is present')) ?? '';
    // An earlier test ran this step (and ticked the box): "Reset run" clears it for the next execution.
    await vscode.commands.executeCommand('runbookGate.resetRun', uri());
    assert.match(line(), /- \[ \]/, 'unticked after Reset run');
    const evidence = await runFromLens('checklist-present');
    assert.equal(evidence.status, 'passed', evidence.outcome);
    assert.match(line(), /- \[x\]/i, 'ticked after the step passed');
    await vscode.commands.executeCommand('undo');
    assert.match(line(), /- \[ \]/, 'the tick is an ordinary edit that undo reverts');
  });

  test('release-notes fails on purpose and its lens reads "failed · exit 1"', async () => {
    const evidence = await runFromLens('release-notes');
    assert.equal(evidence.status, 'failed');
    assert.equal(evidence.exitCode, 1);
    const titles = lensTitlesOnStepLine(await codeLenses(uri()), 'release-notes');
    assert.ok(titles.some((title) => title.includes('failed') && title.includes('exit 1')), JSON.stringify(titles));
  });

  test('its gate report is a No-Go inside the workspace', async () => {
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('runbookGate.generateReport', uri());
    assert.ok(report);
    assert.ok(isInside(workspaceRoot(), report.fsPath), report.fsPath);
    const text = readFileSync(report.fsPath, 'utf8');
    assert.match(text, /Gate Report/);
    assert.match(text, /No-Go/);
  });
});

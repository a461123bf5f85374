import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeLenses, describe, openRunbook, workspaceUri } from '../helpers';

suite('activation', () => {
  test('the extension activates in the workspace extension host', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.equal(vscode.workspace.isTrusted, true, 'the main suite runs with workspace trust disabled');
  });

  test('the contract commands are registered', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['runbookGate.runStep', 'runbookGate.runStage', 'runbookGate.generateReport']) {
      assert.ok(commands.includes(command), `command ${command} is registered`);
    }
  });

  test('a runbook shows a "Run step" lens above each step', async () => {
    await activateExtension();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    const lenses = await codeLenses(uri);
    const runLenses = lenses.filter((lens) => lens.command?.command === 'runbookGate.runStep');
    assert.equal(runLenses.length, 3, `three runStep lenses in ${describe(lenses)}`);
    for (const lens of runLenses) assert.match(lens.command?.title ?? '', /Run step/);
  });
});

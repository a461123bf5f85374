import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeLenses, describe, EXTENSION_ID, eventually, lensesOnceModelled, openRunbook, titlesOnLine, workspaceUri } from '../helpers';

suite('activation and lenses', () => {
  test('activation loads no heavy bundle and is measured', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const wasActive = extension.isActive;
    const started = performance.now();
    const api = await activateExtension();
    const wall = performance.now() - started;
    assert.equal(vscode.workspace.isTrusted, true, 'the main suite runs with workspace trust disabled');
    // What activate() itself took, from the module's load (printed, not asserted: no timing assertions).
    const { loadMs, activateMs } = api.activation;
    console.log(`[rg-test]     activation: ${(loadMs + activateMs).toFixed(1)} ms (loading dist/extension.js ${loadMs.toFixed(1)} ms + activate() ${activateMs.toFixed(1)} ms)${wasActive ? ' (already active)' : `; extension.activate() from the test, VS Code's own work included: ${wall.toFixed(1)} ms`}`);
    const loaded = Object.keys(require.cache ?? {}).filter((path) => /[\\/]dist[\\/](editorCore|runtime|reports)\.js$/.test(path));
    if (!wasActive) assert.deepEqual(loaded, [], 'no lazy bundle is loaded by activation');
  });

  test('the commands are registered under runbookGate.', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const name of ['runStage', 'runCheck', 'runStep', 'runAtCursor', 'runAll', 'cancelRun', 'markCheck', 'resetRun', 'generateReport', 'forgetSecrets', 'runInTerminal']) {
      assert.ok(commands.includes(`runbookGate.${name}`), `runbookGate.${name} is registered`);
    }
  });

  test('a runbook gets a lens on every stage, check and step', async () => {
    await activateExtension();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    const lenses = await codeLenses(uri);
    const commands = lenses.map((lens) => lens.command?.command);
    assert.equal(commands.filter((c) => c === 'runbookGate.runStage').length, 2, `two "Run stage" lenses in ${describe(lenses)}`);
    assert.equal(commands.filter((c) => c === 'runbookGate.runStep').length, 3, `three "Run step" lenses in ${describe(lenses)}`);
    assert.equal(commands.filter((c) => c === 'runbookGate.copyStep').length, 3);
    assert.equal(commands.filter((c) => c === 'runbookGate.runInTerminal').length, 3);
    const stageLine = titlesOnLine(lenses, 7);
    assert.ok(stageLine.some((t) => /Run stage/.test(t)) && stageLine.some((t) => /NOT RUN/.test(t)), `stage 1 says "Run stage" and "NOT RUN": ${JSON.stringify(stageLine)}`);
    const checkLine = titlesOnLine(lenses, 9);
    assert.ok(checkLine.some((t) => /runs `Greeting printed`/.test(t)), `the task item says what it runs: ${JSON.stringify(checkLine)}`);
  });

  test('a generated report gets no lenses, no diagnostics and does not take the panel', async () => {
    const api = await activateExtension();
    const runbook = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(runbook);
    await eventually('the panel to follow the runbook', () => (api.panel.focused()?.toString() === runbook.toString() ? true : undefined));
    const report = workspaceUri('reports', '2026-01-05-rollout-gate.md');
    await openRunbook(report);
    const lenses = await lensesOnceModelled(report);
    assert.deepEqual(lenses.map((l) => l.command?.title), [], 'no lenses on a generated report');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(vscode.languages.getDiagnostics(report).filter((d) => d.source === 'Runbook Gate').map((d) => d.message), []);
    assert.equal(api.panel.focused()?.toString(), runbook.toString(), 'the panel stays on the runbook');
  });

  test('plain Markdown gets no lenses', async () => {
    await activateExtension();
    const readme = workspaceUri('README.md');
    await openRunbook(readme);
    assert.deepEqual((await lensesOnceModelled(readme)).map((l) => l.command?.title), []);
  });
});

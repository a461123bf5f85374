// Restricted Mode in a hostile repository (scripts/vscode/hostileWorkspace.mjs): its settings
// point the GitHub API at a recording loopback server, the runs folder through a symlink to a
// directory outside the workspace, the shell at a script that leaves a mark. The lenses say why
// nothing runs; every command that would spawn, write or send is refused; and afterwards the
// server has received nothing, nothing exists outside the workspace, nothing was spawned.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, codeLenses, describe, EXTENSION_ID, eventually, openRunbook, workspaceRoot, workspaceUri } from '../helpers';

const GUARDED: Array<[string, unknown[]]> = [
  ['runStage', ['stage-0']],
  ['runCheck', ['stage-0.1']],
  ['runStep', ['runtime-ws-health']],
  ['runAll', [{ yes: true }]],
  ['runInTerminal', ['runtime-ws-health']],
  ['markCheck', ['stage-0.3', { status: 'passed', note: 'no' }]],
  ['markGate', ['error-budget-gate', { status: 'green', note: 'no' }]],
  ['addNote', [{ kind: 'risk', text: 'no' }]],
  ['resetRun', []],
  ['generateReport', [{ quiet: true }]],
  ['publishReport', [{ yes: true }]],
  ['addToGitignore', []],
];

suite('untrusted workspace (Restricted Mode), hostile settings', () => {
  const uri = () => workspaceUri('runbooks', 'rollout.md');

  test('the workspace is untrusted and the extension is active (limited support)', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness leaves this workspace untrusted');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID));
    await activateExtension();
  });

  test('the restricted settings are not honoured', () => {
    const config = vscode.workspace.getConfiguration('runbookGate');
    assert.equal(config.get('github.apiUrl'), '', 'github.apiUrl from the workspace is ignored');
    assert.equal(config.get('runsFolder'), '.runbook-gate/runs', 'runsFolder from the workspace is ignored');
    assert.equal(config.get('shell'), '', 'shell from the workspace is ignored');
  });

  test('every run lens says why it is disabled and offers Manage Workspace Trust', async () => {
    await openRunbook(uri());
    const lenses = await eventually('lenses', async () => {
      const found = await codeLenses(uri());
      return found.length > 0 ? found : undefined;
    });
    const commands = lenses.map((l) => l.command?.command);
    for (const forbidden of ['runbookGate.runStage', 'runbookGate.runStep', 'runbookGate.runCheck', 'runbookGate.markCheck', 'runbookGate.runInTerminal']) {
      assert.ok(!commands.includes(forbidden), `no ${forbidden} lens in Restricted Mode: ${describe(lenses)}`);
    }
    const trust = lenses.filter((l) => l.command?.command === 'workbench.trust.manage');
    assert.ok(trust.length >= 5, `run lenses point at Manage Workspace Trust: ${describe(lenses)}`);
    for (const lens of trust) assert.match(lens.command!.title, /Restricted Mode.*Manage Workspace Trust/);
    assert.ok(lenses.some((l) => /^\$\(copy\) Copy/.test(l.command?.title ?? '')), 'copying a command is still offered');
  });

  test('every command that spawns, writes or sends is refused and says why', async () => {
    const api = await activateExtension();
    for (const [name, args] of GUARDED) {
      const result = await vscode.commands.executeCommand<{ refused?: string; message?: string }>(`runbookGate.${name}`, uri(), ...args);
      assert.equal(result?.refused, 'untrusted', `runbookGate.${name} is refused: ${JSON.stringify(result)}`);
      assert.match(result.message ?? '', /untrusted workspace \(Restricted Mode\)/);
    }
    assert.ok(api.notifications.some((n) => /Restricted Mode/.test(n.message)), 'the user is told, with the way out');
  });

  test('nothing was spawned, written or sent', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const requests = await (await fetch(`${process.env.RUNBOOK_GATE_RECORDER}/__requests`)).json() as unknown[];
    assert.deepEqual(requests, [], 'the hostile GitHub API URL received no request');
    const outside = process.env.RUNBOOK_GATE_OUTSIDE!;
    assert.deepEqual(readdirSync(outside).sort(), ['evil-shell'], 'nothing appeared outside the workspace (the shell never ran)');
    assert.equal(existsSync(join(workspaceRoot(), '.runbook-gate')), false, 'no run directory in the workspace either');
    assert.equal(vscode.window.terminals.length, 0, 'no terminal was opened');
  });

  test('the panel says the workspace is restricted', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('runbookGate.showPanel', uri());
    const probe = await eventually('the panel', () => api.panel.probe().then((p) => (/Restricted Mode/.test(p.text) ? p : undefined), () => undefined), 30_000);
    assert.match(probe.text, /Stage 0/);
  });
});

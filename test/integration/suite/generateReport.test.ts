import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, isInside, openRunbook, workspaceRoot, workspaceUri } from '../helpers';

suite('gate report', () => {
  test('generateReport writes a No-Go report inside the workspace after a failed required step', async () => {
    await activateExtension();
    const uri = workspaceUri('runbooks', 'smoke.md');
    await openRunbook(uri);
    // Make the outcome independent of test order: one required step fails here.
    await vscode.commands.executeCommand('runbookGate.runStep', uri, 'fail');
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('runbookGate.generateReport', uri);
    assert.ok(report, 'generateReport returned the report Uri');
    const path = report.fsPath;
    assert.ok(existsSync(path), `report ${path} exists`);
    assert.ok(isInside(workspaceRoot(), path), `report ${path} is inside the workspace`);
    const text = readFileSync(path, 'utf8');
    assert.match(text, /Gate Report/);
    assert.match(text, /No-Go/);

    // Same writer as the CLI: the run directory keeps gate.json, so `runbook-gate report RUN_DIR`
    // regenerates this very report from an editor run.
    const runDir = /Run directory: `([^`]+)`/.exec(text)?.[1];
    assert.ok(runDir, 'the report names its run directory');
    assert.ok(existsSync(join(workspaceRoot(), runDir, 'gate.json')), 'gate.json beside run.json');
    const cli = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const result = spawnSync(process.execPath, [cli, 'report', runDir], { cwd: workspaceRoot(), encoding: 'utf8' });
    assert.equal(result.status, 1, `report RUN_DIR exits 1 (No-Go): ${result.stderr}`);
    assert.equal(readFileSync(path, 'utf8'), text, 'the CLI regenerates the same report');
  });
});

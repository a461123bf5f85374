import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, isInside, openRunbook, workspaceRoot, workspaceUri } from '../helpers';

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
  });
});

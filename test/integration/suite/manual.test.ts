import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, codeLenses, openRunbook, workspaceUri } from '../helpers';

suite('manual checks', () => {
  test('a runbook comment is a manual step: its lens records a verdict with a note that reaches the report', async () => {
    await activateExtension();
    const uri = workspaceUri('runbooks', 'manual.md');
    await openRunbook(uri);
    const lens = (await codeLenses(uri)).find(
      (l) => l.command?.command === 'runbookGate.markManual' && l.command.arguments?.[1] === 'hold-canary',
    );
    assert.ok(lens?.command, 'a "Record verdict" lens sits on the manual step');
    assert.match(lens.command.title, /Record verdict/);
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []), 'passed', 'held 60 minutes, SLOs green');
    const after = (await codeLenses(uri)).find((l) => l.command?.arguments?.[1] === 'hold-canary' && l.command.command === 'runbookGate.markManual');
    assert.match(after?.command?.title ?? '', /passed/);
    await vscode.commands.executeCommand('runbookGate.runStep', uri, 'canary-ready');
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('runbookGate.generateReport', uri);
    assert.ok(report);
    const text = readFileSync(report.fsPath, 'utf8');
    assert.match(text, /held 60 minutes, SLOs green/);
    assert.match(text, /Stage 1 \(Canary\): PASS/);
    assert.match(text, /\bGo\b/);
    assert.doesNotMatch(text, /No-Go/);
  });
});

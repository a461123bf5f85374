import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, openRunbook, workspaceUri } from '../helpers';

/** A GitHub REST stand-in on 127.0.0.1: #1858 closed, #1859 open, anything else 404. */
function startGithub(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const issues: Record<string, { title: string; state: string }> = {
    '1858': { title: 'OA-RUST-043', state: 'closed' },
    '1859': { title: 'OA-RUST-044', state: 'open' },
  };
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const match = /^\/repos\/example\/rollout\/issues\/(\d+)$/.exec(req.url ?? '');
    const issue = match ? issues[match[1]!] : undefined;
    res.setHeader('content-type', 'application/json');
    if (!match || !issue) {
      res.statusCode = 404;
      res.end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    res.end(JSON.stringify({ number: Number(match[1]), ...issue, html_url: `http://127.0.0.1/example/rollout/issues/${match[1]}` }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, requests });
    }),
  );
}

suite('dependency gate in the editor report', () => {
  test('issue states come from the configured GitHub API and an open one makes it No-Go', async () => {
    await activateExtension();
    const github = await startGithub();
    const config = vscode.workspace.getConfiguration('runbookGate.github');
    await config.update('apiUrl', github.url, vscode.ConfigurationTarget.Workspace);
    try {
      const uri = workspaceUri('runbooks', 'dependencies.md');
      await openRunbook(uri);
      const evidence = await vscode.commands.executeCommand<{ status: string }>('runbookGate.runStep', uri, 'preflight');
      assert.equal(evidence?.status, 'passed');
      const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('runbookGate.generateReport', uri);
      assert.ok(report);
      const text = readFileSync(report.fsPath, 'utf8');
      assert.deepEqual(github.requests.sort(), ['GET /repos/example/rollout/issues/1858', 'GET /repos/example/rollout/issues/1859']);
      assert.match(text, /#1858 OA-RUST-043 -> CLOSED/);
      assert.match(text, /#1859 OA-RUST-044 -> OPEN/);
      assert.match(text, /No-Go/);
    } finally {
      await config.update('apiUrl', undefined, vscode.ConfigurationTarget.Workspace);
      github.server.close();
    }
  });
});

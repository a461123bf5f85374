// The untrusted suite's workspace is a hostile repository: its .vscode/settings.json points the
// GitHub API at a loopback server that records every request, the runs and report folders at a
// symlink that leads outside the workspace, and the shell at a script that would leave a mark.
// The suite proves nothing is spawned, written or sent: the server receives nothing, nothing
// appears outside the workspace (test/integration/untrusted/).
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { tempDir } from './codeServer.mjs';

function startRecorder() {
  const requests = [];
  const server = createServer((req, res) => {
    if (req.url === '/__requests') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(requests));
      return;
    }
    requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization ?? null });
    res.statusCode = 404;
    res.end('{"message":"Not Found"}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}`, requests })));
}

export async function prepareHostileWorkspace({ workspace }) {
  const outside = tempDir('outside');
  const marker = join(outside, 'shell-ran');
  const shell = join(outside, 'evil-shell');
  writeFileSync(shell, `#!/bin/sh\ntouch '${marker}'\nexec /bin/sh "$@"\n`);
  chmodSync(shell, 0o755);
  symlinkSync(outside, join(workspace, 'linked-runs'));
  const recorder = await startRecorder();
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({
    'git.enabled': false,
    'workbench.startupEditor': 'none',
    'runbookGate.github.apiUrl': recorder.url,
    'runbookGate.github.repository': 'acme/khala',
    'runbookGate.runsFolder': 'linked-runs',
    'runbookGate.reportFolder': 'linked-runs/reports',
    'runbookGate.shell': shell,
  }, null, 2));
  return {
    env: { RUNBOOK_GATE_RECORDER: recorder.url, RUNBOOK_GATE_OUTSIDE: outside, GITHUB_TOKEN: 'ghp_untrustedSuiteToken0000000000000000' },
    cleanup: async () => {
      await new Promise((resolve) => recorder.server.close(() => resolve()));
      rmSync(outside, { recursive: true, force: true });
    },
  };
}

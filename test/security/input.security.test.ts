// Issue 7, Medium and Low: hostile input — adversarial Markdown, GitHub answers that are
// errors, malformed or full of control characters — gets a clear result and loses nothing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Runbook } from '../../src/core/runbook/model';
import { cli, workspace } from './harness';
import { startGithubStandIn, truncatedJson } from '../support/githubStandIn';

const DEPENDENCY_RUNBOOK = ['---', 'repo: acme/app', '---', '# Deps', '', '## Stage 0: Dependencies', '', '- Dependencies #9 must be closed.', ''].join('\n');

async function parse(ws: ReturnType<typeof workspace>, text: string): Promise<Runbook> {
  ws.write('r.md', text);
  const result = await cli(['parse', 'r.md', '--json'], ws.root);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Runbook;
}

test('adversarial Markdown is parsed, and never costs the rest of the document', async () => {
  const ws = workspace();
  try {
    const dashes = await parse(ws, `${'- '.repeat(10_000)}x\n`);
    assert.ok(dashes.diagnostics.some((d) => d.code === 'nesting-too-deep'), 'the cap is said');
    const steps = ['# T', '', '## Stage 0: Health', '', '```bash {"name":"health"}', 'echo ok', '```', '', '## Notes', '', `${'>'.repeat(5000)} deep`, ''].join('\n');
    const quoted = await parse(ws, steps);
    assert.deepEqual(quoted.steps.map((s) => s.id), ['health'], 'a deep blockquote under Notes keeps every step');
    assert.deepEqual(quoted.stages.map((s) => s.id), ['stage-0']);
    let big = '# Big\n\n';
    for (let i = 0; big.length < 4 * 1024 * 1024; i++) big += `## Stage ${i}: Part ${i}\n\n- Check number ${i} of the part\n\n\`\`\`bash {"name":"s${i}"}\necho ${i}\n\`\`\`\n\n`;
    const whole = await parse(ws, big);
    assert.ok(whole.steps.length > 30_000, `${whole.steps.length} steps in 4 MB`);
  } finally {
    ws.cleanup();
  }
});

test('the dependency gate fails closed: a private issue without a token is BLOCKED, never Go', async () => {
  const ws = workspace();
  const github = await startGithubStandIn({ issues: [{ repo: 'acme/app', number: 9, title: 'Secret work', state: 'closed', private: true }] });
  try {
    ws.write('deps.md', DEPENDENCY_RUNBOOK);
    const result = await cli(['run', 'deps.md', '--stage', '0', '--github-api', github.url], ws.root);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /stage-0\.1 dependency\s+blocked/);
    assert.match(result.stdout, /Decision: No-Go/);
  } finally {
    await github.close();
    ws.cleanup();
  }
});

test('a malformed GitHub answer blocks the gate with "unexpected answer from GitHub", never "#9 undefined is OPEN"', async () => {
  const ws = workspace();
  const github = await startGithubStandIn({ issues: [{ repo: 'acme/app', number: 9, title: 'Work', state: 'open' }] });
  try {
    github.fail('get-issue', { ...truncatedJson(), times: 10 });
    ws.write('deps.md', DEPENDENCY_RUNBOOK);
    const result = await cli(['run', 'deps.md', '--stage', '0', '--github-api', github.url], ws.root);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /unexpected answer from GitHub/);
    assert.doesNotMatch(result.stdout, /undefined/);
  } finally {
    await github.close();
    ws.cleanup();
  }
});

test('an issue title with escape sequences and line breaks reaches neither the terminal nor the report raw', async () => {
  const ws = workspace();
  const hostile = 'Fix\u001b[2J\u001b]0;pwned\u0007 it\n## injected heading';
  const github = await startGithubStandIn({ issues: [{ repo: 'acme/app', number: 9, title: hostile, state: 'open' }] });
  try {
    ws.write('deps.md', DEPENDENCY_RUNBOOK);
    const result = await cli(['run', 'deps.md', '--stage', '0', '--github-api', github.url], ws.root);
    assert.equal(result.code, 1);
    assert.ok(!(result.stdout + result.stderr).includes('\u001b'), 'no raw ESC on the terminal');
    const report = ws.files().find((f) => f.path.includes('docs/status'))!.text;
    assert.ok(!report.includes('\u001b') && !report.includes('\u0007'), 'no ESC or BEL in the report');
    assert.doesNotMatch(report, /^## injected heading/m);
  } finally {
    await github.close();
    ws.cleanup();
  }
});

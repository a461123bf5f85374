import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMENT_BODY_LIMIT, githubBlobBase, normalizeRepoPath, renderRunComment, runCommentMarker } from '../../../../src/core/report/runComment';
import type { ReportData } from '../../../../src/core/report/data';

const REPORT_PATH = 'docs/status/2026-03-02-rollout-gate.md';
const BLOB = 'https://github.com/openagents/openagents/blob/0123456789abcdef';

// Only what the comment reads; the rest of ReportData is not consulted.
const data = {
  decision: { value: 'No-Go', go: false, statement: 'No-Go for OA-RUST-048 WS-Only Rollout at 2026-03-02T10:30:00Z.', owner: null, reasons: ['Stage 2 (External canary) is BLOCKED'], passed: [], remediation: [] },
  integrity: { gitCommit: '0123456789abcdef0123', gitBranch: 'main', gitDirty: false, host: 'ci-7', toolVersion: '0.2.0', startedAt: '', updatedAt: '' },
} as unknown as ReportData;

const report = [
  '# OA-RUST-048 WS-Only Rollout Gate Report',
  '',
  'Runbook: [ws-rollout.md](../runbooks/ws-rollout.md)',
  '- Log: [logs/step-1.log](../../.runbook-gate/runs/r1/logs/step-1.log "log of step 1")',
  '- Spaces: [my file](<../my notes/a (1).md>)',
  '- Kept: [GitHub](https://github.com/o/r/issues/1), [below](#decision), [escaped]\\(not/a/link)',
  '- Outside the repository stays as written: [x](../../../outside.md)',
  '',
].join('\n');

test('the marker names the run and cannot be closed early by the run id', () => {
  assert.equal(runCommentMarker('2026-03-02T10-00-00Z-abcd'), '<!-- runbook-gate:run=2026-03-02T10-00-00Z-abcd -->');
  assert.equal(runCommentMarker('x --> <b>y'), '<!-- runbook-gate:run=x_-___b_y -->');
});

test('the comment: marker first, the decision line, links, then the report with absolute links', () => {
  const body = renderRunComment({ runId: 'r1', data, reportMarkdown: report, reportPath: REPORT_PATH, blobBase: BLOB });
  assert.equal(body, [
    '<!-- runbook-gate:run=r1 -->',
    '**No-Go** — No-Go for OA-RUST-048 WS-Only Rollout at 2026-03-02T10:30:00Z.',
    '',
    `Report: [\`${REPORT_PATH}\`](${BLOB}/docs/status/2026-03-02-rollout-gate.md) · run \`r1\` · commit \`0123456789ab\``,
    '',
    '---',
    '',
    '# OA-RUST-048 WS-Only Rollout Gate Report',
    '',
    `Runbook: [ws-rollout.md](${BLOB}/docs/runbooks/ws-rollout.md)`,
    `- Log: [logs/step-1.log](${BLOB}/.runbook-gate/runs/r1/logs/step-1.log "log of step 1")`,
    `- Spaces: [my file](<${BLOB}/docs/my%20notes/a%20(1).md>)`,
    '- Kept: [GitHub](https://github.com/o/r/issues/1), [below](#decision), [escaped]\\(not/a/link)',
    '- Outside the repository stays as written: [x](../../../outside.md)',
    '',
  ].join('\n'));
});

test('without a web base the report is posted as written', () => {
  const body = renderRunComment({ runId: 'r1', data, reportMarkdown: report, reportPath: REPORT_PATH, blobBase: null });
  assert.ok(body.includes('Runbook: [ws-rollout.md](../runbooks/ws-rollout.md)'));
  assert.ok(body.includes(`Report: \`${REPORT_PATH}\` · run`));
});

test('a report longer than a comment may be is cut at a line, saying where the rest is', () => {
  const long = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
  const body = renderRunComment({ runId: 'r1', data, reportMarkdown: long, reportPath: REPORT_PATH, blobBase: BLOB });
  assert.ok(body.length <= COMMENT_BODY_LIMIT, `${body.length} characters`);
  assert.ok(body.startsWith('<!-- runbook-gate:run=r1 -->\n'));
  assert.match(body, /\nline \d+ x{20}\n\n_The report is longer than a GitHub comment allows; the rest is in \[`docs\/status\/2026-03-02-rollout-gate\.md`\]\(https:\/\/github\.com\/[^)]+\)\._\n$/);
});

test('helpers: blob base and repository paths', () => {
  assert.equal(githubBlobBase('o/r', 'abc123'), 'https://github.com/o/r/blob/abc123');
  assert.equal(githubBlobBase('o/r', 'feature/x', 'https://ghe.example.com/'), 'https://ghe.example.com/o/r/blob/feature/x');
  assert.equal(normalizeRepoPath('docs/status/../runbooks/./a.md'), 'docs/runbooks/a.md');
  assert.equal(normalizeRepoPath('../a.md'), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { remediationIssues } from '../../../../src/core/report/remediationIssues';
import type { ReportCheck, ReportData, ReportStage } from '../../../../src/core/report/data';
import type { Reason, Remedy } from '../../../../src/core/gate/types';

// Report data shaped like seed 000's run: Stage 0 passed, Stage 1 holding, Stage 2 blocked by
// the non-prod health check, a red KPI gate, an open dependency. The report sits in docs/status/.
const REPORT_PATH = 'docs/status/2026-03-02-rollout-gate.md';
const BLOB = 'https://github.com/openagents/openagents/blob/0123456789abcdef';

function check(id: string, text: string, status: ReportCheck['status'], extra: Partial<ReportCheck> = {}): ReportCheck {
  return {
    id, ordinal: 1, text, detail: [], kind: 'command', required: true, status,
    statusText: status === 'passed' ? 'PASS' : status === 'failed' ? 'FAIL' : status === 'blocked' ? 'BLOCKED' : 'PENDING',
    outcome: '', note: null, markedBy: null, evidence: [], label: text, line: 1, ...extra,
  };
}

function stage(id: string, label: string, verdict: ReportStage['verdict'], checks: ReportCheck[], extra: Partial<ReportStage> = {}): ReportStage {
  return { id, label, title: label, key: null, kind: 'stage', runbook: 'docs/runbooks/ws-rollout.md', verdict, note: null, holdUntil: null, checks, evidence: [], line: 1, ...extra };
}

const healthCheck = check('stage-2.2', 'Verify non-prod health', 'blocked', {
  outcome: 'Cannot find service\u001b[2J',
  evidence: [
    {
      kind: 'extra', text: './check-nonprod-health.sh -> BLOCKED', command: './check-nonprod-health.sh --env staging', outcome: 'exit 1: Cannot find service',
      status: 'BLOCKED', exitCode: 1, duration: '2.1s', log: '../../.runbook-gate/runs/2026-03-02T10-00-00Z/logs/extra-1.1.log',
    },
    { kind: 'mark', text: 'marked blocked: no non-prod service', command: null, outcome: null, status: 'BLOCKED', exitCode: null, duration: null, log: null },
  ],
});

const data: ReportData = {
  schema: 1, kind: 'runbook-gate-report', tool: { name: 'runbook-gate', version: '0.2.0' }, template: 'gate',
  title: 'OA-RUST-048 WS-Only Rollout', name: 'OA-RUST-048 WS-Only Rollout', countParts: [], results: [], warnings: [], date: '2026-03-02', timestamp: '2026-03-02T10:30:00Z', owner: 'Khala lane', issue: null, scope: [],
  runbooks: [{ path: 'docs/runbooks/ws-rollout.md', link: '../runbooks/ws-rollout.md', title: 'OA-RUST-048 WS-Only Rollout' }],
  runs: [{ id: '2026-03-02T10-00-00Z', dir: '.runbook-gate/runs/2026-03-02T10-00-00Z', link: '../../.runbook-gate/runs/2026-03-02T10-00-00Z', startedAt: '', updatedAt: '', sessions: 2 }],
  decision: { value: 'No-Go', go: false, statement: 'No-Go for OA-RUST-048 WS-Only Rollout at 2026-03-02T10:30:00Z.', owner: null, reasons: [], passed: [], remediation: [] },
  counts: {
    requiredFailures: 0, requiredPasses: 5, requiredBlocked: 1, requiredHolding: 1, requiredNotRun: 0,
    optionalFailures: 0, optionalPasses: 0, optionalBlocked: 0, optionalSkipped: 0, overall: 'blocked', line: '',
  },
  stages: [
    stage('stage-0', 'Stage 0 (Gate preflight)', 'PASS', [check('stage-0.1', 'Run runtime WS contract tests', 'passed')]),
    stage('stage-1', 'Stage 1 (Internal canary)', 'HOLDING', [check('stage-1.1', 'Hold at least 60 minutes', 'holding')]),
    stage('stage-2', 'Stage 2 (External canary)', 'BLOCKED', [check('stage-2.1', 'Enable for 5% of traffic', 'passed'), healthCheck], { note: 'no non-prod service' }),
  ],
  snapshot: [], gates: [], dependencies: { status: 'red', statusText: 'Red', checkedAt: null, reason: null, items: [] },
  commands: [], evidenceGroups: [], harness: null, invocation: null, thresholds: [], notes: { scope: [], risks: [], remediation: [] },
  artifacts: { runDir: '', runJson: '', resultsTsv: '', summary: '', logsDir: '', logs: [], runs: [] },
  integrity: { gitCommit: '0123456789abcdef', gitBranch: 'main', gitDirty: false, host: 'ci-7', toolVersion: '0.2.0', startedAt: '', updatedAt: '', runs: [] },
};

const reasons: Reason[] = [
  { subject: { kind: 'stage', stageId: 'stage-1', label: 'Stage 1 (Internal canary)' }, problem: { kind: 'holding', until: '2026-03-02T11:02:00Z', text: 'at least 60 minutes' }, remedy: { kind: 'wait-hold', checkId: 'stage-1.1', until: '2026-03-02T11:02:00Z', stageId: 'stage-1', stageKey: '1' } },
  { subject: { kind: 'check', checkId: 'stage-2.2', stageId: 'stage-2', text: 'Verify non-prod health' }, problem: { kind: 'blocked', detail: 'Cannot find service', command: './check-nonprod-health.sh' }, remedy: { kind: 'rerun-stage', stageId: 'stage-2', stageKey: '2' } },
  { subject: { kind: 'stage', stageId: 'stage-2', label: 'Stage 2 (External canary)' }, problem: { kind: 'blocked', detail: 'marked blocked: no non-prod service', command: null }, remedy: { kind: 'rerun-stage', stageId: 'stage-2', stageKey: '2' } },
  { subject: { kind: 'dependency', label: '#1859', url: 'https://github.com/openagents/openagents/issues/1859' }, problem: { kind: 'issue-open', title: 'OA-RUST-044' }, remedy: { kind: 'close-issue', label: '#1859', url: null } },
  { subject: { kind: 'gate', gateId: 'gate-2', title: 'p95 sync latency' }, problem: { kind: 'gate-red', detail: 'p95 = 812 ms, threshold <= 600 ms' }, remedy: { kind: 'observe-gate', gateId: 'gate-2' } },
  { subject: { kind: 'gate', gateId: 'gate-3', title: 'error budget' }, problem: { kind: 'not-observed' }, remedy: { kind: 'observe-gate', gateId: 'gate-3' } },
];

const words = (remedy: Remedy): string => (remedy.kind === 'rerun-stage' ? `Re-run stage ${remedy.stageKey} once the cause is fixed.` : remedy.kind === 'observe-gate' ? `Observe gate ${remedy.gateId} again.` : '');
const options = { labels: ['runbook-gate', ' blocker ', '', 'runbook-gate'], reportPath: REPORT_PATH, blobBase: BLOB, wordRemedy: words };

test('one issue per blocker: the blocked stage (its check and stage reasons together) and the red gate', () => {
  const issues = remediationIssues(data, reasons, options);
  assert.deepEqual(issues.map((i) => [i.key, i.title]), [
    ['stage:docs/runbooks/ws-rollout.md:stage-2', 'Runbook gate: Stage 2 (External canary) BLOCKED — OA-RUST-048 WS-Only Rollout'],
    ['gate:gate-2', 'Runbook gate: KPI gate p95 sync latency RED — OA-RUST-048 WS-Only Rollout'],
  ]);
});

test('holds, open dependencies and unobserved gates open no issue', () => {
  const onlyThose = reasons.filter((r) => ['holding', 'issue-open', 'not-observed'].includes(r.problem.kind));
  assert.deepEqual(remediationIssues(data, onlyThose, options), []);
});

test('titles are the same on every run (the host searches for them before creating)', () => {
  const later = { ...data, date: '2026-03-03', timestamp: '2026-03-03T09:00:00Z', runs: [{ ...data.runs[0]!, id: '2026-03-03T09-00-00Z' }] };
  assert.deepEqual(remediationIssues(later, reasons, options).map((i) => i.title), remediationIssues(data, reasons, options).map((i) => i.title));
});

test('labels come from the setting, trimmed and without repeats', () => {
  assert.deepEqual(remediationIssues(data, reasons, options)[0]?.labels, ['runbook-gate', 'blocker']);
});

test('the body carries the evidence: command, outcome, exit code, the log as a repository path, the note, what to do', () => {
  const body = remediationIssues(data, reasons, options)[0]!.body;
  const expected = [
    '<!-- runbook-gate:remediation=stage:docs/runbooks/ws-rollout.md:stage-2 -->',
    'Runbook gate: Stage 2 (External canary) BLOCKED — OA-RUST-048 WS-Only Rollout.',
    '',
    'No-Go on 2026-03-02: No-Go for OA-RUST-048 WS-Only Rollout at 2026-03-02T10:30:00Z.',
    '',
    `Runbook: [\`docs/runbooks/ws-rollout.md\`](${BLOB}/docs/runbooks/ws-rollout.md) · Gate report: [\`${REPORT_PATH}\`](${BLOB}/docs/status/2026-03-02-rollout-gate.md) · Owner: Khala lane`,
    '',
    '## What stopped Stage 2 (External canary)',
    '',
    '- **Verify non-prod health** — BLOCKED: Cannot find service',
    '  - Command: `./check-nonprod-health.sh --env staging`',
    '  - Result: BLOCKED, outcome `exit 1: Cannot find service`, exit code 1, took 2.1s',
    `  - Log: [\`.runbook-gate/runs/2026-03-02T10-00-00Z/logs/extra-1.1.log\`](${BLOB}/.runbook-gate/runs/2026-03-02T10-00-00Z/logs/extra-1.1.log)`,
    '  - marked blocked: no non-prod service',
    '- Stage note: no non-prod service',
    '',
    '## What to do',
    '',
    '- Re-run stage 2 once the cause is fixed.',
    '',
    '## Where this comes from',
    '',
    'Run `2026-03-02T10-00-00Z`; commit `0123456789abcdef` on `main`; host `ci-7`; runbook-gate 0.2.0.',
    '',
  ].join('\n');
  assert.equal(body, expected);
});

test('without a web base, paths stay paths (no links that would not resolve in an issue)', () => {
  const body = remediationIssues(data, reasons, { ...options, blobBase: null })[0]!.body;
  assert.ok(body.includes('  - Log: `.runbook-gate/runs/2026-03-02T10-00-00Z/logs/extra-1.1.log`'), body);
  assert.ok(!body.includes('](http'), body);
});

test('hostile text from the runbook and from output stays text: no new lines, no markup, no escape sequences', () => {
  const hostile = structuredClone(data);
  hostile.stages[2]!.label = 'Stage 2\n# injected heading';
  hostile.stages[2]!.checks[1]!.text = 'Check `x` </details><script>alert(1)</script>\nnext';
  hostile.stages[2]!.checks[1]!.evidence[0]!.command = 'echo ```\nrm -rf /';
  const [issue] = remediationIssues(hostile, reasons, options);
  assert.equal(issue!.title, 'Runbook gate: Stage 2 # injected heading BLOCKED — OA-RUST-048 WS-Only Rollout');
  assert.ok(!issue!.body.includes('\n# injected'), issue!.body);
  assert.ok(!/(?<!\\)<script/.test(issue!.body), 'no unescaped HTML');
  assert.ok(!issue!.body.includes('\u001b'), 'no escape sequences');
  assert.match(issue!.body, /( +)````sh\n\1echo ```\n\1rm -rf \/\n\1````/, 'the command as a code block a longer fence than its backticks');
});

test('a Go opens nothing', () => {
  assert.deepEqual(remediationIssues({ ...data, decision: { ...data.decision, value: 'Go', go: true } }, reasons, options), []);
});

test('a very long title is cut to what GitHub accepts', () => {
  const long = structuredClone(data);
  long.stages[2]!.label = 'Stage 2 '.repeat(60);
  assert.equal(remediationIssues(long, reasons, options)[0]!.title.length, 256);
});

// The non-JSON output of `runbook-gate parse` (src/cli/commands/parseCommand.ts): stages ->
// checks (kind, binding) -> steps, compactly. Here beside the model it prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { summariseRunbook } from '../../../../src/cli/commands/parseCommand';

const seed = readFileSync(new URL('../../../fixtures/seed-001/input.md', import.meta.url), 'utf8');

test('parse summary of seed 001: context, counts, stages with their checks, steps with what runs them', () => {
  const lines = summariseRunbook(parseRunbook(seed), 'seed-001.md').split('\n');
  assert.deepEqual(lines.slice(0, 8), [
    'Khala Runtime/Codex WS-Only Rollout Runbook — seed-001.md',
    'owner Khala lane (`apps/runtime`), reports to docs/sync/status/',
    '5 stages, 10 checks, 3 steps, 5 gates, 5 dependencies, 0 citations, 2 inputs',
    'Stage 0 (Gate preflight) [stage-0]',
    '  stage-0.1 dependency: Validate dependency issues are closed.',
    '  stage-0.2 command: Run runtime WS contract tests. -> runtime-ws-health (inferred 0.65)',
    '  stage-0.3 manual: Verify migration/backfill jobs and sync tables are healthy.',
    'Stage 1 — Internal canary (employees/admins) [stage-1]',
  ]);
  assert.ok(lines.includes('  stage-2.2 hold: Hold for at least one business day if SLOs remain green. (hold at least one business day) (gates: error-budget-gate, replay-gate, reconnect-gate, slow-consumer-gate, surface-ux-gate)'));
  assert.ok(lines.includes('  stage-3.1 manual: Expand in two steps with a required hold period between each step. (hold "required hold period", no duration)'));
  assert.ok(lines.includes('  step runtime-ws-health (lines 52-54, bash; required, section 4-monitoring-commands) -> stage-0.2'));
  assert.ok(lines.includes('  step fanout-delivery-metrics (lines 58-61, bash; required, section 4-monitoring-commands) (runs on its own)'));
  assert.ok(lines.includes('  ref-1 #1858 dependency (gh issue view loop)'));
  assert.ok(lines.includes('  input RUNTIME_ADMIN_TOKEN (secret)'));
});

test('parse summary shows destructive steps, placeholders, thresholds and optional tasks', () => {
  const text = '## Preflight\n\n- [ ] Backup taken (optional)\n\n## Stage 1: Go\n\n```bash\nkubectl -n <ns> apply -f k8s/\n```\n\n## SLOs\n\n1. Latency: p95 <= 600 ms\n';
  const out = summariseRunbook(parseRunbook(text), 'x.md');
  assert.match(out, /^ {2}preflight\.1 manual optional \[ \]: Backup taken \(optional\)$/m);
  assert.match(out, /^ {2}step stage-1-go \(lines 7-9, bash; required, stage-1\) -> stage-1\.1 destructive \(kubectl apply\) fill in <ns>$/m);
  assert.match(out, /^ {2}latency: Latency: p95 <= 600 ms \[p95 <= 600ms\]$/m);
});

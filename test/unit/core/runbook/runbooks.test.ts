// Eight realistic runbooks (test/fixtures/runbook-*), asserted as a reviewer would read them:
// stages -> checks (kind, binding) -> steps, and the facts each runbook is there to show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import type { Runbook } from '../../../../src/core/runbook/model';
import { holdText } from './projection';

function load(name: string): Runbook {
  return parseRunbook(readFileSync(new URL(`../../../fixtures/${name}/input.md`, import.meta.url), 'utf8'));
}

/** "stage-a.2 hold 30m", "stage-b.1 command inline flagctl-set-checkout-v2", "preflight.3 command inline …". */
function checklist(model: Runbook): string[] {
  return model.checks.map((c) => {
    const binding = c.binding ? ` ${c.binding.how} ${c.binding.stepIds.join('+')}` : '';
    const hold = c.kind === 'hold' && c.hold ? ` ${holdText(c.hold)}` : '';
    return `${c.id} ${c.kind}${binding}${hold}${c.required ? '' : ' optional'}`;
  });
}

const destructive = (model: Runbook): string[] => model.steps.filter((s) => s.destructive).map((s) => `${s.id}: ${s.destructiveReason}`);
const roles = (model: Runbook): string[] => model.issues.map((r) => `#${r.number} ${r.role}`);

test('canary with letter stages and soak times', () => {
  const model = load('runbook-canary-letters');
  assert.deepEqual(model.stages.map((s) => `${s.id} ${s.label}`), [
    'preflight Preflight', 'stage-a Stage A — internal (0%)', 'stage-b Stage B (1%)', 'stage-c Stage C (10%)', 'stage-d Stage D (50%)', 'stage-e Stage E',
  ]);
  assert.deepEqual(checklist(model), [
    'preflight.1 manual', 'preflight.2 manual', 'preflight.3 command inline preflight-checkout-api-v2',
    'stage-a.1 command inline flagctl-set-checkout-v2', 'stage-a.2 hold 30m', 'stage-a.3 manual',
    'stage-b.1 command inline stage-b-flagctl-set-checkout-v2', 'stage-b.2 hold 1h', 'stage-b.3 gate',
    'stage-c.1 command inline stage-c-flagctl-set-checkout-v2', 'stage-c.2 hold 2h',
    'stage-d.1 command inline stage-d-flagctl-set-checkout-v2', 'stage-d.2 hold 48h',
    'stage-e.1 command inline stage-e-flagctl-set-checkout-v2', 'stage-e.2 hold 24h',
  ]);
  assert.deepEqual(model.checks.find((c) => c.id === 'stage-b.3')?.gateIds, ['error-budget'], 'it names the error budget gate');
  assert.deepEqual(model.gates.map((g) => g.thresholds.map((t) => `${t.comparator} ${t.value}${t.unit ?? ''}${t.window ? ` / ${t.window}` : ''}`)), [['< 0.5% / 10m'], ['<= 450ms'], ['< 2 / 1h']]);
  assert.deepEqual(roles(model), ['#4410 citation']);
  assert.equal(model.context.issue?.number, 4410);
  assert.deepEqual(destructive(model), ['turn-flag-off-old: under a Rollback heading']);
});

test('database migration with a checklist and a destructive step', () => {
  const model = load('runbook-db-migration');
  assert.deepEqual(checklist(model), [
    'pre-flight-checklist.1 manual', 'pre-flight-checklist.2 command inline replica-lag-orders-prod', 'pre-flight-checklist.3 manual optional',
    'stage-1.1 manual', 'stage-1.2 command nested migrate-staging',
    'stage-2.1 command nested row-counts-match-between', 'stage-2.2 hold 30m', 'stage-2.3 command nested migrate-prod',
    'stage-3.1 command nested stage-3-drop-old',
    'verification.1 command inline npm-run-smoke-production', 'verification.2 hold 15m',
  ]);
  assert.deepEqual(destructive(model), ['migrate-prod: a database migration', 'stage-3-drop-old: ALTER TABLE', 'rollback: under a Rollback heading']);
  assert.equal(model.steps.find((s) => s.id === 'migrate-staging')?.destructive, false, '--dry-run only shows the plan');
  assert.deepEqual(roles(model), ['#214 dependency', '#88 dependency', '#190 citation']);
  assert.deepEqual(model.frontMatter.onFailure, 'stop');
  assert.deepEqual([model.context.owner, model.context.issue?.repo, model.context.issue?.number, model.context.reportFolder], ['@data-platform', 'acme/orders', 221, 'docs/migrations/reports/']);
  assert.deepEqual(model.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), ['hold-without-stage']);
});

test('incident drill: phases, inline commands with a working directory, an SLO table', () => {
  const model = load('runbook-incident-drill');
  assert.deepEqual(checklist(model), [
    'stage-1.1 manual', 'stage-1.2 command inline pd-trigger-api-game optional',
    'stage-2.1 command inline blackhole-region-us-east', 'stage-2.2 manual',
    'stage-3.1 command inline terraform-apply', 'stage-3.2 hold 10m', 'stage-3.3 gate',
    'stage-4.1 command inline stage-4-blackhole-region-us-east', 'stage-4.2 command inline stage-4-terraform-apply', 'stage-4.3 hold 30m',
    'exit-criteria.1 manual', 'exit-criteria.2 manual', 'exit-criteria.3 manual',
  ]);
  assert.deepEqual(model.steps.filter((s) => s.cwd).map((s) => `${s.id} in ${s.cwd}`), ['terraform-apply in infra/dns', 'stage-4-terraform-apply in infra/dns']);
  assert.deepEqual(destructive(model), ['blackhole-region-us-east: --apply', 'terraform-apply: terraform apply', 'stage-4-terraform-apply: terraform apply']);
  assert.deepEqual(model.gates.map((g) => [g.id, g.thresholds[0]?.comparator, g.thresholds[0]?.value, g.thresholds[0]?.windowMs ?? null]), [['availability', '>=', 99.5, 3_600_000], ['failover-time', '<=', 15, null]]);
  assert.deepEqual(model.checks.find((c) => c.id === 'stage-3.3')?.gateIds, ['availability', 'failover-time']);
  assert.deepEqual(model.context.issue, { text: 'https://github.com/acme/ops/issues/512', number: 512, repo: 'acme/ops' });
});

test('load test with inline mix/npm commands and thresholds', () => {
  const model = load('runbook-load-test');
  assert.deepEqual(checklist(model), [
    'stage-1.1 command inline mix-test-runtime-shape', 'stage-1.2 command inline mix-test-khala-projection', 'stage-1.3 command inline mix-ci',
    'stage-2.1 command inline npm-run-load-500', 'stage-2.2 command inline npm-run-report-load', 'stage-2.3 hold 30m',
    'stage-3.1 hold 30m', 'stage-3.2 command inline k6-run-soak-200',
  ]);
  assert.deepEqual(model.steps.map((s) => [s.command, s.cwd]), [
    ['mix test test/openagents_runtime/load/runtime_shape_load_test.exs', null], ['mix test test/openagents_runtime/load/khala_projection_load_chaos_test.exs', null],
    ['mix ci', 'apps/runtime'], ['npm run load -- --users 500 --duration 10m', 'apps/web'], ['npm run report:load', null], ['k6 run load/soak.js --vus 200', null],
  ]);
  assert.deepEqual(model.gates.map((g) => g.thresholds.map((t) => t.text)), [
    ['p95 lag > 25 events for 10m'], ['Write failures > 1% for 10m'], ['Any replay error over 15m'], ['API p95 <= 600 ms'], ['5xx below 1%'], [],
  ]);
  assert.deepEqual(model.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.range.startLine]), [['malformed-threshold', 35]]);
  assert.deepEqual(roles(model), ['#1701 dependency', '#1765 dependency']);
  assert.equal(model.context.reportFolder, 'docs/load/reports/');
});

test('certificate rotation: Step headings, placeholders, a mutating cloud call, a rollback item', () => {
  const model = load('runbook-cert-rotation');
  assert.deepEqual(checklist(model), [
    'before-you-start.1 manual', 'before-you-start.2 manual',
    'stage-1.1 command nested step-1-fetch-new',
    'stage-2.1 manual', 'stage-2.2 manual', 'stage-2.3 command nested verify-chain-expiry',
    'stage-3.1 command nested upload-cert',
    'stage-4.1 command inline curl-edge-acme-io', 'stage-4.2 hold 15m',
  ]);
  assert.deepEqual(model.inputs.map((i) => `${i.name} ${i.kind}`), ['<cert-name> placeholder', '<new-certificate-arn> placeholder', 'LISTENER_ARN env', 'OLD_CERT_ARN env']);
  assert.deepEqual(destructive(model), ['upload-cert: aws modify-listener', 'aws-elbv2-modify-listener: under a Rollback heading']);
  assert.equal(model.steps.find((s) => s.id === 'aws-elbv2-modify-listener')?.checkIds.length, 0, 'a rollback item is no check: its command runs on its own');
});

test('release with a harness script: results file, every kind of binding, a destructive override', () => {
  const model = load('runbook-release-harness');
  assert.deepEqual(checklist(model), ['gono-go.1 command inferred validate-cutover', 'gono-go.2 command annotation canary-status', 'gono-go.3 manual optional', 'gono-go.4 command comment publish-notes']);
  const harness = model.steps.find((s) => s.id === 'validate-cutover');
  assert.deepEqual([harness?.annotations.results, harness?.annotations.timeoutMs], ['docs/reports/rust-cutover-validation/latest/results.tsv', 1_200_000]);
  assert.deepEqual(model.steps.map((s) => [s.id, s.destructive, s.checkIds]), [
    ['validate-cutover', false, ['gono-go.1']], ['canary-status', false, ['gono-go.2']], ['publish-notes', false, ['gono-go.4']], ['tag-release', false, []], ['rollback', true, []],
  ]);
  assert.deepEqual(roles(model), ['#1935 citation']);
});

test('post-incident receipt: narrative Phase headings and the title are not stages', () => {
  const model = load('runbook-receipt-narrative');
  assert.deepEqual(model.stages.map((s) => [s.id, s.kind]), [['phase-4-we-cut-over-on-the-second-attempt', 'checklist']]);
  assert.deepEqual(checklist(model), ['phase-4-we-cut-over-on-the-second-attempt.1 manual', 'phase-4-we-cut-over-on-the-second-attempt.2 dependency']);
  assert.deepEqual(roles(model), ['#1888 citation', '#1893 dependency', '#1901 citation', '#1902 dependency']);
  assert.deepEqual(model.steps.map((s) => [s.command, s.checkIds]), [['mix run priv/backfill.exs --since 2026-01-01', []]]);
});

test('a runbook whose commands all sit in an appendix: listed stages bind their steps by inference', () => {
  const model = load('runbook-appendix-commands');
  assert.deepEqual(checklist(model), [
    'stage-1.1 command inferred snapshot-products-index', 'stage-2.1 command inferred create-new-index+start-reindex', 'stage-3.1 hold 2h',
    'stage-4.1 command inferred swap-alias', 'stage-5.1 hold 72h', 'verification.1 command inferred document-counts', 'verification.2 manual',
  ]);
  assert.deepEqual(model.steps.filter((s) => s.checkIds.length === 0).map((s) => s.id), ['reindex-progress'], 'the progress query runs on its own');
  assert.deepEqual(model.diagnostics.filter((d) => d.code !== 'input-from-environment'), []);
});

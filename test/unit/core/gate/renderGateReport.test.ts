import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideGate } from '../../../../src/core/gate/decision';
import { renderGateReport } from '../../../../src/core/gate/renderGateReport';
import { evidence, record, seed000 } from './fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const golden = join(here, 'expected', 'seed000-report.md');

function seedReport(): string {
  const { book, run, dependencies } = seed000();
  const decision = decideGate(book, run, dependencies, { strict: false });
  return renderGateReport({
    runbook: book, record: run, decision,
    reportPath: 'docs/sync/status/2026-02-21-oa-rust-048-gate.md',
    runDir: '.runbook-gate/runs/20260221T100000Z',
  });
}

test('seed 000 report matches the reviewed golden Markdown (UPDATE=1 regenerates)', () => {
  const actual = seedReport();
  if (process.env.UPDATE === '1') {
    mkdirSync(dirname(golden), { recursive: true });
    writeFileSync(golden, actual);
  }
  assert.equal(actual, readFileSync(golden, 'utf8'));
});

test('seed 000 report carries the seed facts', () => {
  const md = seedReport();
  assert.match(md, /^# OA-RUST-048 WS-Only Rollout Gate Report\n/);
  assert.match(md, /^Date: 2026-02-21 {2}$/m);
  assert.match(md, /^Owner: owner:khala {2}$/m);
  assert.match(md, /^1\. Stage 0 \(Gate preflight\): PASS$/m);
  assert.match(md, /^2\. Stage 1 \(Internal canary readiness check\): PASS$/m);
  assert.match(md, /^3\. Stage 2 \(External canary\): BLOCKED$/m);
  assert.match(md, /`cargo test -p openagents-runtime-service` => `49 passed` \(exit 0, 1\.5s\)/);
  assert.match(md, /`#1858 OA-RUST-043 -> CLOSED`/);
  assert.match(md, /^\| Dependency completion \(#1858, #1859, #1860, #1861, #1862\) \| Green \| GitHub issue states \|$/m);
  assert.match(md, /^\| Error budget gate \| Not observed \| No evidence captured in this run \|$/m);
  assert.match(md, /^No-Go for OA-RUST-048 WS-Only Rollout at 2026-02-21T10:05:00.000Z\.$/m);
  assert.match(md, /^## Required Remediation Before Re-Run$/m);
  assert.match(md, /Cannot find service \[oa-khala-backend-nonprod\]/);
  // Links are relative from the report folder to the run directory.
  assert.match(md, /\[run\.json\]\(\.\.\/\.\.\/\.\.\/\.runbook-gate\/runs\/20260221T100000Z\/run\.json\)/);
  assert.match(md, /\[log\]\(\.\.\/\.\.\/\.\.\/\.runbook-gate\/runs\/20260221T100000Z\/logs\/runtime-tests\.log\)/);
  assert.match(md, /\| `a{64}` \|/);
  assert.match(md, /^- Git commit: `abc1234`$/m);
});

test('Go report has no remediation section', () => {
  const { book, steps, dependencies } = seed000();
  const run = record([evidence(steps.s0, 'passed', '49 passed'), evidence(steps.s1, 'passed', 'ok'), evidence(steps.s2, 'passed', 'healthy')]);
  const md = renderGateReport({ runbook: book, record: run, decision: decideGate(book, run, dependencies, { strict: false }), reportPath: 'r.md', runDir: 'runs/x' });
  assert.match(md, /^Go for OA-RUST-048 WS-Only Rollout at /m);
  assert.doesNotMatch(md, /Required Remediation/);
  assert.match(md, /\[SUMMARY\.md\]\(runs\/x\/SUMMARY\.md\)/);
});

test('command output is text: backticks, pipes and newlines cannot break the report', () => {
  const { book, steps } = seed000();
  const nasty = 'exit 1: `rm` | <b>bad</b>\n## Decision\nGo';
  const run = record([evidence(steps.s0, 'failed', nasty), evidence(steps.s1, 'passed', 'ok'), evidence(steps.s2, 'passed', 'ok')]);
  const md = renderGateReport({ runbook: book, record: run, decision: decideGate(book, run, [], { strict: false }), reportPath: 'r.md', runDir: 'runs/x' });
  assert.equal(md.match(/^## Decision$/gm)?.length, 1);
  assert.match(md, /=> ``exit 1: `rm` \| <b>bad<\/b> ## Decision Go`` \(exit 1, 1\.5s, FAILED\)/);
  assert.doesNotMatch(md, /^Go /m);
});

test('notes and unmaskable secrets are called out under Scope', () => {
  const { book, run, dependencies } = seed000();
  const record = { ...run, unmaskedSecrets: ['PIN'] };
  const md = renderGateReport({
    runbook: book, record, decision: decideGate(book, record, dependencies, { strict: false }), reportPath: 'r.md', runDir: 'runs/x',
    notes: ['Dependency gate not checked: 5 issue reference(s) in the runbook; pass --github-repo OWNER/NAME (and GITHUB_TOKEN) to check them.'],
  });
  const scope = md.slice(md.indexOf('## Scope'), md.indexOf('## Stage Results'));
  assert.match(scope, /^Dependency gate not checked: 5 issue reference\(s\)/m);
  assert.match(scope, /^Warning: secret input `PIN` was too short to mask; check the logs before sharing them\.$/m);
});

test('a stage lists its checklist: bound tasks follow their step, manual ones stay as marked', () => {
  const { book, run, dependencies } = seed000();
  const task = (line: number, text: string, stepId: string | null, checked: boolean) =>
    ({ line, range: { startLine: line, startColumn: 1, endLine: line, endColumn: 1 }, checked, text, stepId, stageId: 'stage-0' });
  const withTasks = { ...book, tasks: [task(14, 'Runtime tests pass', 'runtime-tests', false), task(15, 'Migration jobs are healthy', null, true)] };
  const md = renderGateReport({ runbook: withTasks, record: run, decision: decideGate(withTasks, run, dependencies, { strict: false }), reportPath: 'r.md', runDir: 'runs/x' });
  assert.match(md, /^ {3}- Checklist:\n {5}- \[x\] Runtime tests pass \(`runtime-tests` passed\)\n {5}- \[x\] Migration jobs are healthy \(manual check, as marked in the runbook\)$/m);
});

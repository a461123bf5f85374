import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideGate, dependencyStatusOf } from '../../../../src/core/gate/decision';
import { closed, evidence, issue, record, seed000, step, runbook, section, stage } from './fixtures';

test('seed 000: Stage 2 blocked -> No-Go with the reason and a remediation', () => {
  const { book, run, dependencies } = seed000();
  const decision = decideGate(book, run, dependencies, { strict: false });
  assert.equal(decision.go, false);
  assert.equal(decision.decision, 'No-Go');
  assert.equal(decision.dependencyStatus, 'green');
  assert.equal(decision.decidedAt, '2026-02-21T10:05:00.000Z');
  assert.deepEqual(decision.reasons.map((r) => r.message), [
    'Stage 2 (External canary) is BLOCKED: `apps/runtime/deploy/khala/check-nonprod-health.sh` exit 1: Cannot find service [oa-khala-backend-nonprod]',
  ]);
  assert.match(decision.reasons[0]?.remediation ?? '', /re-run `runbook-gate run docs\/sync\/RUNBOOK.md --stage 2` once the environment/);
  assert.deepEqual(decision.passed, [
    'Stage 0 (Gate preflight) passed',
    'Stage 1 (Internal canary readiness check) passed',
    'Dependency gate is green (#1858, #1859, #1860, #1861, #1862 closed)',
  ]);
});

test('Go when every stage in scope passes and dependencies are closed; KPI gates out of scope do not block', () => {
  const { book, steps, dependencies } = seed000();
  const run = record([evidence(steps.s0, 'passed', '49 passed'), evidence(steps.s1, 'passed', 'ok'), evidence(steps.s2, 'passed', 'healthy')]);
  const decision = decideGate(book, run, dependencies, { strict: false });
  assert.equal(decision.decision, 'Go');
  assert.deepEqual(decision.reasons, []);
  assert.deepEqual(decision.gates.map((g) => [g.gate.title, g.inScope, g.status]), [
    ['Error budget gate', false, 'not observed'], ['Replay gate', false, 'not observed'],
  ]);
});

test('a gate inside a covered stage section is in scope and blocks while not observed', () => {
  const s0 = step('check', 'true', 12, 'stage-0', { sectionId: 'stages' });
  const book = runbook({
    sections: [section('stages', 'Stages', 10)], stages: [stage(0, 'Preflight', 11, 'stages')], steps: [s0],
    gates: [{ id: 'g', number: 1, title: 'Latency gate', line: 14, range: { startLine: 14, startColumn: 1, endLine: 14, endColumn: 1 }, sectionId: 'stages' }],
  });
  const decision = decideGate(book, record([evidence(s0, 'passed', 'ok')]), [], { strict: false });
  assert.equal(decision.decision, 'No-Go');
  assert.deepEqual(decision.reasons.map((r) => r.message), ['Gate "Latency gate" was not observed in this run']);
});

test('optional failures never change the decision; strict makes them block', () => {
  const a = step('a', 'true', 12, 'stage-0');
  const b = step('b', 'false', 15, 'stage-0', { required: false });
  const book = runbook({ stages: [stage(0, 'Preflight', 11)], steps: [a, b] });
  const run = record([evidence(a, 'passed', 'ok'), evidence(b, 'failed', 'exit 1')]);
  assert.equal(decideGate(book, run, [], { strict: false }).decision, 'Go');
  const strict = decideGate(book, run, [], { strict: true });
  assert.equal(strict.decision, 'No-Go');
  assert.deepEqual(strict.reasons.map((r) => r.message), ['Stage 0 (Preflight) is FAIL: `false` exit 1']);
  assert.match(strict.reasons[0]?.remediation ?? '', /fix what made `false` fail \(exit 1\)/);
  // A record made in strict mode stays strict when the report is regenerated.
  assert.equal(decideGate(book, { ...run, strict: true }, [], { strict: false }).decision, 'No-Go');
});

test('missing input -> remediation asks for the input', () => {
  const a = step('metrics', 'curl "$RUNTIME_BASE_URL"', 12, 'stage-0');
  const book = runbook({ stages: [stage(0, 'Preflight', 11)], steps: [a] });
  const decision = decideGate(book, record([evidence(a, 'blocked', 'missing input: RUNTIME_BASE_URL', { exitCode: null })]), [], { strict: false });
  assert.match(decision.reasons[0]?.remediation ?? '', /provide RUNTIME_BASE_URL \(environment or --env-file\)/);
});

test('NOT RUN stage (interrupted) -> No-Go', () => {
  const a = step('slow', 'sleep 100', 12, 'stage-0');
  const book = runbook({ stages: [stage(0, 'Preflight', 11)], steps: [a] });
  const decision = decideGate(book, record([evidence(a, 'interrupted', 'interrupted')]), [], { strict: false });
  assert.equal(decision.decision, 'No-Go');
  assert.match(decision.reasons[0]?.message ?? '', /Stage 0 \(Preflight\) is NOT RUN/);
  assert.match(decision.reasons[0]?.remediation ?? '', /`sleep 100` was cancelled before it finished; re-run `runbook-gate run docs\/sync\/RUNBOOK.md --stage 0`/);
});

test('empty scope is No-Go', () => {
  const decision = decideGate(runbook(), record([], { scope: { all: false, stageIds: [], stepIds: [] } }), [], { strict: false });
  assert.equal(decision.decision, 'No-Go');
  assert.equal(decision.reasons[0]?.subject, 'Scope');
});

test('dependencies: green only when all closed; open -> red; lookup error -> blocked', () => {
  const open = { ...closed(1859, 'OA-RUST-044'), state: { ...closed(1859, 'OA-RUST-044').state!, state: 'open' as const } };
  const broken = { reference: issue(1860), state: null, error: 'GitHub API unreachable at http://127.0.0.1:9' };
  assert.equal(dependencyStatusOf([]), 'not checked');
  assert.equal(dependencyStatusOf([closed(1858, 'x')]), 'green');
  assert.equal(dependencyStatusOf([closed(1858, 'x'), open]), 'red');
  assert.equal(dependencyStatusOf([closed(1858, 'x'), open, broken]), 'blocked');
  const { book, steps } = seed000();
  const run = record([evidence(steps.s0, 'passed', '49 passed'), evidence(steps.s1, 'passed', 'ok'), evidence(steps.s2, 'passed', 'ok')]);
  const decision = decideGate(book, run, [closed(1858, 'x'), open, broken], { strict: false });
  assert.equal(decision.decision, 'No-Go');
  assert.deepEqual(decision.reasons.map((r) => r.message), [
    'Dependency #1859 OA-RUST-044 is OPEN',
    'Dependency #1860 could not be checked: GitHub API unreachable at http://127.0.0.1:9',
  ]);
});

test('an unconfirmed destructive step -> remediation says how to run it on purpose', () => {
  const a = step('wipe', 'rm -rf build', 12, 'stage-0', { annotations: { destructive: true } });
  const book = runbook({ stages: [stage(0, 'Clean', 11)], steps: [a] });
  const decision = decideGate(book, record([evidence(a, 'blocked', 'destructive: confirmation required', { exitCode: null })], { runbookPath: 'ops/My Runbook.md' }), [], { strict: false });
  assert.equal(decision.reasons[0]?.remediation,
    "Stage 0 (Clean): `rm -rf build` is destructive and was not confirmed; run it on purpose with `runbook-gate run 'ops/My Runbook.md' --step wipe --yes` (or answer the prompt).");
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandReason, inlineCommands, splitLeadingCd, type InlinePart } from '../../../../../src/core/runbook/rules/inlineCommands';

/** An item's inline parts: text, code, text, code… */
const parts = (...xs: string[]): InlinePart[] => xs.map((value, i) => ({ kind: i % 2 === 1 ? 'code' : 'text', value }));

const COMMANDS: [string, boolean, string][] = [
  ['mix test test/load_test.exs', false, 'known program mix'],
  ['npm run build', false, 'known program npm'],
  ['cargo test -p openagents-runtime-service', false, 'known program cargo'],
  ['./deploy.sh', false, 'script path'],
  ['scripts/release/validate.sh', false, 'script path'],
  ['apps/runtime/deploy/khala/check-nonprod-health.sh', false, 'script path'],
  ['canary-destroy --apply', false, 'program canary-destroy with a flag'],
  ['flagctl set checkout_v2 --percent 1', false, 'program flagctl with a flag'],
  ['FOO=1 npm test', false, 'known program npm'],
  ['make', true, 'known program make'],
  ['validate-cutover staging', true, 'the item says run'],
];

test('inline code that reads as a command, and why', () => {
  for (const [code, cued, why] of COMMANDS) assert.equal(commandReason(code, cued), why, code);
});

test('inline code that is not a command', () => {
  for (const code of [
    'slow_consumer_evicted', 'RUNTIME_KHALA_*', 'docs/sync/status/', 'https://example.com/x', 'www.example.com', 'GET /internal/v1/khala/fanout/hooks',
    '--apply', '410 stale_cursor', '401/403', 'kubectl', 'OpenAgentsRuntime.Sync.ParityAuditor', 'FAIL_ON_REQUIRED_FAILURE=0', 'prod-us-east-1',
    'Cannot find service [oa-khala-backend-nonprod]', 'cd apps/runtime', 'v2.14.0', '#payments-oncall', '*.edge.acme.io', 'config/app.yaml',
  ]) assert.equal(commandReason(code, false), null, code);
  assert.equal(commandReason('docs/sync/status/', true), null, 'a bare path is no command even when the item says run');
});

test('working directory: "From `dir`:" before the command, or a leading cd that is split off', () => {
  assert.deepEqual(inlineCommands(parts('From ', 'apps/runtime/', ': ', 'mix ci')), [{ part: 3, command: 'mix ci', cwd: 'apps/runtime', why: 'known program mix' }]);
  assert.deepEqual(inlineCommands(parts('In ', 'apps/web/', ', run ', 'npm run load')).map((c) => [c.command, c.cwd]), [['npm run load', 'apps/web']]);
  assert.deepEqual(inlineCommands(parts('', 'cd apps/runtime && mix test test/x_test.exs')).map((c) => [c.command, c.cwd]), [['mix test test/x_test.exs', 'apps/runtime']]);
  assert.deepEqual(splitLeadingCd('cd "my dir" && make'), { command: 'make', cwd: 'my dir' });
  assert.deepEqual(splitLeadingCd('make && cd x'), { command: 'make && cd x', cwd: null });
  assert.deepEqual(inlineCommands(parts('tests pass in ', 'openagents-runtime-service')), []);
});

test('"Run `a` and `b`": both are commands; the cue carries over "and"', () => {
  assert.deepEqual(inlineCommands(parts('Run ', 'lint-all', ' and ', 'typecheck-all')).map((c) => c.command), ['lint-all', 'typecheck-all']);
  assert.deepEqual(inlineCommands(parts('Run ', 'lint-all', ' before reading ', 'typecheck-all')).map((c) => c.command), ['lint-all']);
});

// One reason, three hosts: the CLI names commands and flags, the editor names lenses, commands
// and settings, the report writes neutral sentences; values from the run go through a style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PLAIN_STYLE, wordPassed, wordReason, wordReasonRemedy, wordRemedy, wordingContext, type Vocabulary, type WordingContext,
} from '../../../../src/core/gate/wording';
import type { Reason, Remedy } from '../../../../src/core/gate/types';
import { MARKDOWN_STYLE } from '../../../../src/core/report/buildReportData';
import { seed000Record } from '../report/fixtures/seed000';

const context: WordingContext = { ...wordingContext(seed000Record, '.runbook-gate/runs/r1'), runbookPath: 'docs/x.md' };
const options = { context };

const probeFailed: Reason = {
  subject: { kind: 'stage', stageId: 'stage-2', label: 'Stage 2 (External canary (5%))' },
  problem: { kind: 'blocked', detail: 'Cannot find service [oa-khala-backend-nonprod]', command: './check-nonprod-health.sh' },
  remedy: { kind: 'fix-and-rerun', stepId: 'nonprod-health', command: './check-nonprod-health.sh', stageId: 'stage-2', stageKey: '2' },
};

test('report: a neutral sentence, as seed 000 writes its remediation', () => {
  assert.equal(wordReasonRemedy(probeFailed, 'report', options),
    'Fix what made `./check-nonprod-health.sh` fail (Cannot find service [oa-khala-backend-nonprod]) and re-run Stage 2.');
  assert.equal(wordReason(probeFailed, 'report', options),
    'Stage 2 (External canary (5%)) is blocked: `./check-nonprod-health.sh` => Cannot find service [oa-khala-backend-nonprod].');
});

test('cli: runbook-gate commands and flags to paste', () => {
  assert.equal(wordRemedy({ kind: 'rerun-stage', stageId: 'stage-2', stageKey: '2' }, 'cli', options), 're-run `runbook-gate run docs/x.md --resume --stage 2`');
  assert.equal(wordRemedy({ kind: 'mark-check', checkId: 'stage-0.3' }, 'cli', options),
    '`runbook-gate mark .runbook-gate/runs/r1 stage-0.3 passed --note …` (or failed / blocked)');
  assert.equal(wordRemedy({ kind: 'mark-check', checkId: 'stage-0.3' }, 'cli'), '`runbook-gate mark RUN_DIR stage-0.3 passed --note …` (or failed / blocked)');
  assert.equal(wordRemedy({ kind: 'configure-github', need: 'repository' }, 'cli', options), 'set --github-repo OWNER/NAME (or `repo:` in the front matter)');
  assert.equal(wordReasonRemedy(probeFailed, 'cli', options),
    'fix what made `./check-nonprod-health.sh` fail (Cannot find service [oa-khala-backend-nonprod]), then re-run `runbook-gate run docs/x.md --resume --stage 2`');
  assert.equal(wordRemedy({ kind: 'rerun-stage', stageId: 'stage-2', stageKey: '2' }, 'cli', { context: { runbookPath: 'my docs/x.md' } }),
    "re-run `runbook-gate run 'my docs/x.md' --resume --stage 2`");
});

test('cli: evidence added with exec is recorded again with exec', () => {
  const reason: Reason = { ...probeFailed, remedy: { ...probeFailed.remedy, stepId: 'exec-1' } as Remedy };
  assert.match(wordReasonRemedy(reason, 'cli', options), /then record it again with `runbook-gate exec \.runbook-gate\/runs\/r1 --stage stage-2 -- COMMAND`$/);
});

test('editor: lenses, commands and settings', () => {
  assert.equal(wordRemedy({ kind: 'rerun-stage', stageId: 'stage-2', stageKey: '2' }, 'editor', options), 'Run stage from its lens (Stage 2)');
  assert.equal(wordRemedy({ kind: 'mark-check', checkId: 'stage-0.3' }, 'editor', options),
    'Runbook Gate: Mark Check… on "Verify migration/backfill jobs and sync tables are healthy"');
  assert.equal(wordRemedy({ kind: 'configure-github', need: 'repository' }, 'editor', options),
    'set the runbookGate.github.repository setting (or `repo:` in the front matter)');
});

test('passed subjects: stages, the dependency gate with its issues, gates', () => {
  assert.equal(wordPassed({ kind: 'stage', stageId: 'stage-0', label: 'Stage 0 (Gate preflight)' }, 'report', options), 'Stage 0 (Gate preflight) passed.');
  assert.equal(wordPassed({ kind: 'dependency-gate' }, 'report', options), 'Dependency gate is green (#1858, #1859, #1860, #1861, #1862).');
  assert.equal(wordPassed({ kind: 'dependency-gate' }, 'cli'), 'Dependency gate is green');
  assert.equal(wordPassed({ kind: 'gate', gateId: 'replay-gate', title: 'Replay gate' }, 'editor', options), 'Replay gate is green');
});

test('reasons: checks by their text and stage, holds with their time, gates not observed', () => {
  const hold: Reason = {
    subject: { kind: 'check', checkId: 'stage-1.2', stageId: 'stage-1', text: 'Keep scope limited for at least 60 minutes.' },
    problem: { kind: 'holding', until: '2026-02-21T10:10:00.000Z', text: 'at least 60 minutes' },
    remedy: { kind: 'wait-hold', checkId: 'stage-1.2', until: '2026-02-21T10:10:00.000Z', stageId: 'stage-1', stageKey: '1' },
  };
  assert.equal(wordReason(hold, 'report', options), '"Keep scope limited for at least 60 minutes" (Stage 1) is holding until 2026-02-21 10:10 UTC (at least 60 minutes).');
  assert.equal(wordReason(hold, 'cli', options), '`stage-1.2` "Keep scope limited for at least 60 minutes" is holding until 2026-02-21 10:10 UTC (at least 60 minutes)');
  assert.equal(wordReasonRemedy(hold, 'cli', options), 'wait until 2026-02-21 10:10 UTC, then `runbook-gate run docs/x.md --resume --stage 1`');
  assert.equal(wordReason({ subject: { kind: 'gate', gateId: 'replay-gate', title: 'Replay gate' }, problem: { kind: 'not-observed' }, remedy: { kind: 'observe-gate', gateId: 'replay-gate' } }, 'report'),
    'Replay gate was not observed in this run.');
});

test('the Markdown style escapes what the run said, and sets commands in code', () => {
  const hostile: Reason = { ...probeFailed, problem: { kind: 'failed', detail: '</details><script>x</script> | *', command: 'echo `id`' } };
  assert.equal(wordReason(hostile, 'report', { context, style: MARKDOWN_STYLE }),
    'Stage 2 (External canary (5%)) failed: `` echo `id` `` => \\</details>\\<script>x\\</script> \\| \\*.');
  assert.equal(PLAIN_STYLE.code('a `b`'), '`` a `b` ``');
});

const REMEDIES: Remedy[] = [
  { kind: 'rerun-stage', stageId: 'stage-2', stageKey: '2' },
  { kind: 'rerun-check', checkId: 'stage-0.2' },
  { kind: 'fix-and-rerun', stepId: 'runtime-ws-health', command: 'cargo test', stageId: null, stageKey: null },
  { kind: 'provide-input', name: 'RUNTIME_BASE_URL', stepId: 'fanout-delivery-metrics' },
  { kind: 'fill-placeholder', name: '<service-name>', stepId: 'fanout-delivery-metrics' },
  { kind: 'confirm-destructive', stepId: 'traffic-rollback' },
  { kind: 'wait-hold', checkId: 'stage-1.2', until: '2026-02-21T10:10:00.000Z', stageId: 'stage-1', stageKey: '1' },
  { kind: 'mark-check', checkId: 'stage-2.1' },
  { kind: 'observe-gate', gateId: 'replay-gate' },
  { kind: 'restore-gate', gateId: 'latency-gate', stepId: 'latency', command: 'node metrics.mjs' },
  { kind: 'close-issue', label: '#1858', url: 'https://github.com/o/r/issues/1858' },
  ...(['repository', 'token', 'access', 'network'] as const).map((need): Remedy => ({ kind: 'configure-github', need })),
  { kind: 'select-scope' },
];

test('every remedy has words in every vocabulary (no gaps, no "undefined")', () => {
  for (const vocabulary of ['cli', 'editor', 'report'] as Vocabulary[]) {
    for (const remedy of REMEDIES) {
      const words = wordRemedy(remedy, vocabulary, options);
      assert.ok(words.length > 10, `${vocabulary} ${remedy.kind}: "${words}"`);
      assert.doesNotMatch(words, /undefined|null|\[object/, `${vocabulary} ${remedy.kind}: "${words}"`);
      if (vocabulary === 'report') assert.match(words, /^[A-Z].*\.$/, `a sentence: "${words}"`);
      if (vocabulary === 'cli' && remedy.kind !== 'configure-github' && remedy.kind !== 'select-scope') assert.match(words, /runbook-gate|gate=/, `${remedy.kind}: "${words}"`);
      if (vocabulary !== 'cli') assert.doesNotMatch(words, /--resume|runbook-gate (run|mark)/, `${vocabulary} ${remedy.kind} names no CLI: "${words}"`);
    }
  }
});

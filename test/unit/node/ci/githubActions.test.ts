// GitHub Actions outputs: workflow-command escaping, annotations at the runbook lines of failed
// and blocked checks, step output in groups with commands off, the report appended to the file
// $GITHUB_STEP_SUMMARY names (a temp file here), and nothing at all outside Actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotation, escapeData, escapeProperty, stepGroup } from '../../../../src/node/ci/workflowCommands';
import { checkAnnotations } from '../../../../src/node/ci/annotations';
import { STEP_SUMMARY_LIMIT, StepGroups, annotationLines, appendStepSummary, fitSummary, inGithubActions } from '../../../../src/node/ci/githubActions';
import { buildReportData } from '../../../../src/core/report/buildReportData';
import { SEED_CASES, TOOL_VERSION } from '../../core/report/fixtures/cases';

const seed000 = SEED_CASES[0]!;
const data = buildReportData(seed000.runs, { reportPath: seed000.reportPath, template: 'gate', toolVersion: TOOL_VERSION });

test('escaping: data escapes %, CR, LF; properties also : and ,; control characters shown', () => {
  assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  assert.equal(escapeData('\u001b[31mred'), '\u241b[31mred');
  assert.equal(
    annotation({ level: 'error', file: 'docs/a,b:c.md', line: 25, title: 'Stage 2: BLOCKED, really', message: 'line one\nline two ::set-output' }),
    '::error file=docs/a%2Cb%3Ac.md,line=25,title=Stage 2%3A BLOCKED%2C really::line one%0Aline two ::set-output',
  );
  assert.equal(annotation({ level: 'warning', file: null, line: null, title: '', message: 'm' }), '::warning::m');
});

test('annotations: the failed or blocked checks of the report, at their runbook lines', () => {
  assert.deepEqual(annotationLines(data), [
    '::error file=docs/sync/KHALA_WS_ONLY_ROLLOUT_RUNBOOK.md,line=25,title=Stage 2 (External canary (5%25))%3A BLOCKED::Expand to external users in bounded cohort — marked blocked by ana: No non-prod Khala backend service to expand to.',
  ]);
  const validation = SEED_CASES[1]!;
  const failing = buildReportData(validation.runs, { reportPath: validation.reportPath, template: 'validation', toolVersion: TOOL_VERSION });
  assert.deepEqual(checkAnnotations(failing).map((a) => [a.level, a.file, a.line, a.title]), [['error', 'docs/release/RUST_CUTOVER_VALIDATION.md', 14, 'Validation matrix: FAIL']]);
});

test('annotations: optional checks warn; a stage marked blocked with no failing check is annotated at the stage', () => {
  const copy = structuredClone(data);
  copy.stages[2]!.checks[0]!.required = false;
  copy.stages[1]!.verdict = 'BLOCKED';
  copy.stages[1]!.note = 'no cohort yet';
  assert.deepEqual(checkAnnotations(copy).map((a) => [a.level, a.line, a.title, a.message]), [
    ['error', 21, 'Stage 1 (Internal canary (employees/admins)): BLOCKED', 'no cohort yet'],
    ['warning', 25, 'Stage 2 (External canary (5%)): BLOCKED (optional)', 'Expand to external users in bounded cohort — marked blocked by ana: No non-prod Khala backend service to expand to.'],
  ]);
});

test('step groups: output between ::group:: and ::endgroup::, workflow commands off inside', () => {
  let out = '';
  const tokens = ['a'.repeat(32), 'b'.repeat(32)];
  const groups = new StepGroups((text) => { out += text; }, () => tokens.shift()!);
  groups.begin('runtime-ws-health: cargo test\n-p x');
  out += '::error::forged by the step\n';
  groups.begin('second');
  groups.end();
  groups.end();
  assert.equal(out, [
    '::group::runtime-ws-health: cargo test -p x', `::stop-commands::${'a'.repeat(32)}`, '::error::forged by the step', '',
    `::${'a'.repeat(32)}::`, '::endgroup::',
    '::group::second', `::stop-commands::${'b'.repeat(32)}`, '', `::${'b'.repeat(32)}::`, '::endgroup::', '',
  ].join('\n'));
  assert.throws(() => stepGroup('x', 'short'), /16\+ random/);
});

test('the job summary: the report appended to $GITHUB_STEP_SUMMARY, only under Actions', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rg-summary-'));
  try {
    const file = join(dir, 'summary.md');
    await writeFile(file, '# Earlier step\n');
    assert.equal(inGithubActions({ GITHUB_ACTIONS: 'true' }), true);
    assert.equal(await appendStepSummary({ GITHUB_STEP_SUMMARY: file }, '# Report\n', 'r.md'), false);
    assert.equal(await appendStepSummary({ GITHUB_ACTIONS: 'true' }, '# Report\n', 'r.md'), false);
    assert.equal(await appendStepSummary({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file }, '# Report\n', 'r.md'), true);
    assert.equal(await appendStepSummary({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file }, '# Second', 'r.md'), true);
    assert.equal(await readFile(file, 'utf8'), '# Earlier step\n# Report\n\n# Second\n\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a report over the job summary limit is cut at a line, saying where the whole report is', () => {
  const long = Array.from({ length: 200_000 }, (_, i) => `line ${i} ééé`).join('\n');
  const fitted = fitSummary(long, 'docs/status/r.md');
  assert.ok(Buffer.byteLength(fitted) <= STEP_SUMMARY_LIMIT);
  assert.match(fitted, /\nline \d+ ééé\n\n_The report is longer than a job summary allows; the whole report is docs\/status\/r\.md/);
  assert.equal(fitSummary('short', 'r.md'), 'short\n');
});

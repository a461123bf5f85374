// renderReport: built-in and team templates, Markdown escaping by default (`| raw` opts out),
// the filters, the marker line, and template errors that name the file and line.
import './support/registerLiquid.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_CASES, TOOL_VERSION } from './fixtures/cases';

const { buildReportData } = await import('../../../../src/core/report/buildReportData');
const { renderReport, reportMarker, parseReportMarker, builtinTemplate, ReportTemplateError, tidyMarkdown } = await import('../../../../src/core/report/render');
const { BUILTIN_TEMPLATES } = await import('../../../../src/core/report/templates/index');

const seed000 = SEED_CASES[0]!;
const data = buildReportData(seed000.runs, { reportPath: seed000.reportPath, template: 'docs/templates/team.liquid', toolVersion: TOOL_VERSION });
const team = (source: string, name = 'docs/templates/team.liquid') => renderReport(data, { name, source });

test('a team template renders from the same data, after the marker naming it', () => {
  const report = team('# {{ name }}: {{ decision.value }}\n{% for s in stages %}- {{ s.label }} {{ s.verdict }}\n{% endfor %}');
  assert.equal(report, [
    '<!-- runbook-gate:report run=20260221T090000Z-ws-only-rollout template=docs/templates/team.liquid -->',
    '# Khala Runtime/Codex WS-Only Rollout: No-Go',
    '- Stage 0 (Gate preflight) PASS',
    '- Stage 1 (Internal canary (employees/admins)) PASS',
    '- Stage 2 (External canary (5%)) BLOCKED',
    '',
  ].join('\n'));
});

test('every output is Markdown-escaped unless the template says | raw', () => {
  const evil = { ...data, title: '<b>*x*</b> | y' };
  assert.equal(renderReport(evil, { name: 't', source: '{{ title }}' }).split('\n')[1], '\\<b>\\*x\\*\\</b> \\| y');
  assert.equal(renderReport(evil, { name: 't', source: '{{ title | raw }}' }).split('\n')[1], '<b>*x*</b> | y');
});

test('filters: code, cell, md, inline, link, fence, firstline', () => {
  const render = (source: string, value: string) => renderReport({ ...data, title: value }, { name: 't', source }).split('\n').slice(1).join('\n').trimEnd();
  assert.equal(render('{{ title | code }}', 'a `b` c'), '``a `b` c``');
  assert.equal(render('| {{ title | code | cell }} | {{ title | cell }} |', 'a|b'), '| `a\\|b` | a\\|b |');
  assert.equal(render('{{ title | md }}', '*x*'), '\\*x\\*');
  assert.equal(render('{{ title | inline }}', 'keep `code` <i>'), 'keep `code` \\<i>');
  assert.equal(render('{{ "log" | link: title }}', 'logs/a b.log'), '[log](<logs/a b.log>)');
  assert.equal(render('{{ "log" | link: title }}', 'javascript:alert(1)'), 'log');
  assert.equal(render('{{ title | fence: "sh" }}', 'echo ```'), '````sh\necho ```\n````');
  assert.equal(render('{{ title | firstline | code }}', 'one\ntwo'), '`one …`');
});

test('Liquid in the data is printed, never run', () => {
  const report = renderReport({ ...data, title: '{{ owner }} {% include "_integrity" %}' }, { name: 't', source: '{{ title }}' });
  assert.equal(report.split('\n')[1], '{{ owner }} {% include "\\_integrity" %}');
});

test('template errors name the file, line and column', () => {
  const fails = (source: string, pattern: RegExp) => assert.throws(() => team(source), (error: unknown) => {
    assert.ok(error instanceof ReportTemplateError);
    assert.match((error as Error).message, pattern);
    return true;
  });
  fails('# ok\n\n{{ title | shout }}', /^report template docs\/templates\/team\.liquid:3:1: undefined filter: shout$/);
  fails('line\n{{ decision.nope.deeper }}', /team\.liquid:2:4: undefined variable: decision\.nope$/);
  fails('{% if %}', /team\.liquid:1:\d+: .*invalid/);
  fails('{% for x in stages %}', /team\.liquid:1:1: tag .*not closed/);
  fails('{% include "/etc/passwd" %}', /team\.liquid:1:1: .*Failed to lookup/);
  fails('{% render "../secrets.liquid" %}', /team\.liquid:1:1: .*Failed to lookup/);
});

test('built-in templates by name; an unknown name says what exists', () => {
  assert.deepEqual(Object.keys(BUILTIN_TEMPLATES), ['gate', 'validation', 'drill', 'load']);
  assert.equal(builtinTemplate('gate').name, 'gate');
  assert.throws(() => renderReport(data, 'fancy'), /no built-in template of that name \(built-in: gate, validation, drill, load\)/);
});

test('the marker: run ids and template that cannot end the comment, read back', () => {
  const marker = reportMarker(['20260221T090000Z', 'run --> <x>'], 'docs/my template.liquid');
  assert.equal(marker, '<!-- runbook-gate:report run=20260221T090000Z,run_-___x_ template=docs/my_template.liquid -->');
  assert.deepEqual(parseReportMarker(marker), { runIds: ['20260221T090000Z', 'run_-___x_'], template: 'docs/my_template.liquid' });
  assert.equal(parseReportMarker('# A runbook'), null);
});

test('tidyMarkdown: one blank line between blocks, blank lines inside code kept', () => {
  assert.equal(tidyMarkdown('a\n\n\n\nb\n```\nx\n\n\ny\n```\n\n\n'), 'a\n\nb\n```\nx\n\n\ny\n```\n');
});

test('the same records give the same report, byte for byte, and are not changed', () => {
  const frozen = structuredClone(seed000.runs);
  const deepFreeze = (value: unknown): void => {
    if (value && typeof value === 'object') {
      Object.freeze(value);
      for (const child of Object.values(value)) deepFreeze(child);
    }
  };
  deepFreeze(frozen);
  const options = { reportPath: seed000.reportPath, template: 'gate', toolVersion: TOOL_VERSION };
  const first = renderReport(buildReportData(frozen, options), 'gate');
  const second = renderReport(buildReportData(structuredClone(seed000.runs), options), 'gate');
  assert.equal(first, second);
  assert.equal(JSON.stringify(buildReportData(frozen, options)), JSON.stringify(buildReportData(seed000.runs, options)));
});

test('the team template in docs/reports.md renders', async () => {
  const { readFile } = await import('node:fs/promises');
  const doc = await readFile(new URL('../../../../docs/reports.md', import.meta.url), 'utf8');
  const source = /```liquid\n([\s\S]*?)```/.exec(doc)![1]!;
  const report = renderReport(data, { name: 'docs/reports.md', source });
  assert.match(report, /^# Khala Runtime\/Codex WS-Only Rollout — No-Go$/m);
  assert.match(report, /^## Stage 2 \(External canary \(5%\)\): BLOCKED$/m);
  assert.match(report, /^- Run runtime WS contract tests: PASS\n {2}- `cargo test/m);
  assert.match(report, /\n## Evidence Integrity\n/);
});

test('every built-in template renders a run with nothing in scope, and a Go with nothing to remedy', async () => {
  const { record, decision, counts } = await import('./fixtures/builders');
  const empty = record({
    runId: 'empty', runbook: { path: 'r.md', title: 'Empty', sha256: 'x' }, stages: [], checks: [], startedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    context: { title: 'Empty', owner: null, issue: null, scope: null, reportFolder: null, template: null },
  });
  const nothing = decision({
    decidedAt: empty.updatedAt, stages: [], counts: counts({ overall: 'incomplete', line: 'nothing in scope' }),
    reasons: [{ subject: { kind: 'scope' }, problem: { kind: 'nothing-in-scope' }, remedy: { kind: 'select-scope' } }],
  });
  for (const name of Object.keys(BUILTIN_TEMPLATES)) {
    const report = renderReport(buildReportData([{ record: empty, decision: nothing, runDir: 'runs/empty' }], { reportPath: 'r-gate.md', template: name, toolVersion: 'x' }), name);
    assert.match(report, /^<!-- runbook-gate:report run=empty template=\w+ -->\n# /, name);
    assert.match(report, /\n## Evidence Integrity\n(.*\n)* {2}- no logs in this run\n$/, name);
    assert.match(report, /The run has nothing in scope\.|No-Go/, name);
    assert.doesNotMatch(report, /\n\n\n/, `${name}: no runs of blank lines`);
  }
  const go = renderReport(buildReportData(SEED_CASES[2]!.runs, { reportPath: 'r.md', template: 'gate', toolVersion: 'x' }), 'gate');
  assert.doesNotMatch(go, /Required Remediation/);
  assert.match(go, /^Go for Khala Runtime\/Codex Staging at 2026-02-20T14:36:00Z\.$/m);
});

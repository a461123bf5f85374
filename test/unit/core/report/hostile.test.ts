// Hostile titles, notes and command output must stay text: every template, rendered over a
// run whose every string tries to break out (pipes, backticks, HTML, newlines, terminal
// escapes, Liquid syntax), parses (remark + GFM) to the same structure as the benign run.
import './support/registerLiquid.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { ReportRun } from '../../../../src/core/report/buildReportData';
import type { RunRecord } from '../../../../src/core/run/record';
import type { GateDecision } from '../../../../src/core/gate/types';
import { SEED_CASES, TOOL_VERSION } from './fixtures/cases';

const { buildReportData } = await import('../../../../src/core/report/buildReportData');
const { renderReport, parseReportMarker } = await import('../../../../src/core/report/render');

const EVIL = [
  'a | b',
  '`tick` ``` fence',
  '</details><script>alert(1)</script>',
  'line1\nline2\r\n# Heading\n- item\n| x | y |',
  '\u001b[31mred\u001b[0m\u001b]0;title\u0007 \u202Egnp.exe',
  '{{ decision.value }} {% include "_integrity" %} {% raw %}',
  '<img src=x onerror=alert(1)> [link](javascript:alert(1)) ![i](http://x/t.png)',
].join(' ');

interface Node { type: string; depth?: number; children?: Node[]; value?: string; url?: string }

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function structure(markdown: string) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Node;
  const counts: Record<string, number> = {};
  const headings: string[] = [];
  const tables: number[][] = [];
  const urls: string[] = [];
  walk(tree, (n) => {
    if (n.url !== undefined) urls.push(n.url);
    counts[n.type] = (counts[n.type] ?? 0) + 1;
    if (n.type === 'heading') headings.push(`h${n.depth}`);
    if (n.type === 'table') tables.push((n.children ?? []).map((row) => (row.children ?? []).length));
  });
  return { counts, headings, tables, urls };
}

/** Every string of the record made hostile, keeping ids (so the decision still matches). */
function hostileRecord(record: RunRecord): RunRecord {
  const r = structuredClone(record);
  const evil = (s: string) => `${s} ${EVIL}`;
  r.runId = `${r.runId}--> <script>`;
  r.runbook.title = evil(r.runbook.title);
  r.context.title = evil(r.context.title);
  r.context.owner = evil(r.context.owner ?? '');
  if (r.context.issue) r.context.issue.text = evil(r.context.issue.text);
  for (const s of r.stages) {
    s.label = evil(s.label);
    if (s.mark) s.mark.note = evil(s.mark.note);
  }
  for (const c of r.checks) {
    c.text = evil(c.text);
    c.outcome = evil(c.outcome);
    if (c.mark) c.mark = { ...c.mark, note: evil(c.mark.note), by: evil(c.mark.by ?? '') };
  }
  for (const s of r.steps) {
    s.title = evil(s.title);
    s.sectionTitle = evil(s.sectionTitle ?? '');
    for (const a of s.attempts) {
      a.command = evil(a.command);
      a.outcome = evil(a.outcome);
      a.cwd = 'dir with space (x)';
      if (a.logPath) a.logPath = `logs/evil (1) <x>.log`;
      for (const row of a.results?.rows ?? []) {
        row.title = evil(row.title);
        row.detail = evil(row.detail);
      }
    }
  }
  for (const e of r.extra) {
    e.attempt.command = evil(e.attempt.command);
    e.attempt.outcome = evil(e.attempt.outcome);
  }
  for (const g of r.gates) {
    g.title = evil(g.title);
    g.evidence = evil(g.evidence);
    for (const t of g.thresholds) t.text = evil(t.text);
  }
  for (const item of r.dependencies.items) item.title = evil(item.title ?? '');
  for (const n of r.notes) n.text = evil(n.text);
  for (const i of r.inputs) if (i.value !== null) i.value = evil(i.value);
  r.environment = { ...r.environment, host: evil(r.environment.host), gitBranch: evil(r.environment.gitBranch ?? '') };
  return r;
}

function hostileDecision(decision: GateDecision): GateDecision {
  const d = structuredClone(decision);
  for (const reason of d.reasons) {
    if (reason.problem.kind === 'failed' || reason.problem.kind === 'blocked') {
      reason.problem.detail = `${reason.problem.detail} ${EVIL}`;
      reason.problem.command = reason.problem.command ? `${reason.problem.command} ${EVIL}` : null;
    }
    if (reason.subject.kind === 'gate') reason.subject.title = `${reason.subject.title} ${EVIL}`;
  }
  for (const s of d.stages) s.label = `${s.label} ${EVIL}`;
  return d;
}

for (const c of SEED_CASES) {
  const render = (runs: ReportRun[]) => renderReport(buildReportData(runs, { reportPath: c.reportPath, template: c.template, toolVersion: TOOL_VERSION }), c.template);
  const benign = render(c.runs);
  const evil = render(c.runs.map((run) => ({ ...run, record: hostileRecord(run.record), decision: hostileDecision(run.decision) })));

  test(`${c.template}: hostile text keeps the benign report's headings, tables and lists`, () => {
    const b = structure(benign);
    const e = structure(evil);
    assert.deepEqual(e.headings, b.headings);
    assert.deepEqual(e.tables, b.tables);
    assert.equal(e.counts.list, b.counts.list, 'lists');
    assert.equal(e.counts.listItem, b.counts.listItem, 'list items');
    assert.equal(e.counts.code ?? 0, b.counts.code ?? 0, 'code blocks');
  });

  test(`${c.template}: no HTML but the marker, no control characters, no links to scripts`, () => {
    const e = structure(evil);
    assert.equal(e.counts.html, 1, 'only the marker comment is HTML');
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(evil, /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    assert.ok(evil.includes('\u241b[31m'), 'ESC shown as ␛');
    assert.deepEqual(e.urls.filter((url) => !/^(?:https?:|mailto:|\.\.?\/|[\w.%-]+\/)/.test(url)), [], 'links go to the run, the repository or the web');
    const marker = parseReportMarker(evil.split('\n')[0]!);
    assert.ok(marker, 'the marker still parses');
    assert.doesNotMatch(evil.split('\n')[0]!, /-->.*-->/, 'a run id cannot end the marker early');
  });

  test(`${c.template}: Liquid in the data is printed, never run`, () => {
    assert.ok(evil.includes('{{ decision.value }} {% include "\\_integrity" %} {% raw %}') || evil.includes('{{ decision.value }} {% include "_integrity" %} {% raw %}'));
    assert.equal(evil.split('\n').filter((line) => line === '## Evidence Integrity').length, 1);
  });
}

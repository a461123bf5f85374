// A check's kind from its text and bindings (rules/checkKinds.ts), on one-stage runbooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Gate } from '../../../../../src/core/runbook/model';
import { parseRunbook } from '../../../../../src/core/runbook/parseRunbook';
import { gateNames, gatesNamed } from '../../../../../src/core/runbook/rules/checkKinds';

const GATES = '\n## SLO Gates\n\n1. Error budget gate: 5xx below 1%\n2. Replay gate\n3. Latency: p95 <= 450 ms\n';

function only(item: string, extra = GATES) {
  const model = parseRunbook(`## Stage 1: Go\n\n- ${item}\n${extra}`);
  const check = model.checks[0];
  assert.ok(check, item);
  return check;
}

test('kinds, in order of precedence', () => {
  const KINDS: [string, string][] = [
    ['Smoke test: `npm run smoke` after 30 minutes', 'command'],
    ['Validate dependency issues are closed.', 'dependency'],
    ['Blocked by #12', 'dependency'],
    ['Hold for one business day if SLOs remain green.', 'hold'],
    ['Keep the window open for 24 hours', 'hold'],
    ['SLOs remain green', 'gate'],
    ['Replay gate is green', 'gate'],
    ['Expand with a required hold period between steps', 'manual'],
    ['Route internal users to the new lane', 'manual'],
  ];
  for (const [item, kind] of KINDS) assert.equal(only(item).kind, kind, item);
});

test('gate ids: every gate for "SLOs", the gates a check names, and gate= on the item', () => {
  assert.deepEqual(only('Hold for one business day if SLOs remain green.').gateIds, ['error-budget-gate', 'replay-gate', 'latency']);
  assert.deepEqual(only('Replay gate is green').gateIds, ['replay-gate']);
  assert.deepEqual(only('Dashboards look right <!-- runbook: gate=replay-gate -->').gateIds, ['replay-gate']);
  assert.deepEqual(only('Compare latency against last week').gateIds, [], 'a gate title without "gate" counts only when the check speaks of gates');
  assert.deepEqual(only('Latency stays within the SLO').gateIds, ['latency']);
  const unknown = parseRunbook(`## Stage 1: Go\n\n- Look <!-- runbook: gate=nope -->\n${GATES}`);
  assert.deepEqual(unknown.diagnostics.map((d) => d.code), ['unknown-gate']);
});

test('holds keep their text; a hold with no duration stays manual with its hold; other kinds carry none', () => {
  assert.deepEqual(only('Keep the window open for 24 hours').hold, { text: '24 hours', durationMs: 86_400_000, businessDays: null });
  assert.deepEqual(only('Expand with a required hold period between steps').hold, { text: 'required hold period', durationMs: null, businessDays: null });
  assert.equal(only('Smoke test: `npm run smoke` after 30 minutes').hold, null);
});

test('required: "(optional)" or an annotation', () => {
  assert.equal(only('Post in #releases (optional)').required, false);
  assert.equal(only('Post in #releases <!-- runbook: optional -->').required, false);
  assert.equal(only('Post in #releases (optional) <!-- runbook: required=true -->').required, true);
  assert.equal(only('Post in #releases').required, true);
});

test('a hold outside any stage is a diagnostic: nothing starts its clock', () => {
  const model = parseRunbook('## Verification\n\n- Watch the logs for 15 minutes.\n');
  assert.deepEqual(model.checks.map((c) => [c.id, c.kind]), [['verification.1', 'hold']]);
  assert.deepEqual(model.diagnostics.map((d) => [d.code, d.severity]), [['hold-without-stage', 'warning']]);
});

test('a dependency check lists the dependency references it names, else none (all of them)', () => {
  const model = parseRunbook('## Stage 1: Go\n\n- Blocked by #12 and #13\n- Dependencies are closed\n\n## Notes\n\nBlocked by #14.\n');
  assert.deepEqual(model.checks.map((c) => [c.id, c.kind, c.issueIds]), [['stage-1.1', 'dependency', ['ref-1', 'ref-2']], ['stage-1.2', 'dependency', []]]);
});

test('gates named by a check: the head index finds what comparing every gate found (property)', () => {
  // The earlier algorithm, kept as the oracle: every gate's head against the check's text.
  const oracle = (text: string, gates: Gate[], speaksOfGates: boolean): string[] => {
    if (!speaksOfGates && !/gate|slo|kpi|sli/i.test(text)) return [];
    const lower = text.toLowerCase();
    return gates
      .map((g) => {
        const head = (/^([^:]{3,}):\s/.exec(g.title)?.[1] ?? g.title).toLowerCase().replace(/[.:]$/, '').trim();
        return { id: g.id, head, saysGate: /\b(?:gate|slo|kpi|sli)s?\b/.test(head) };
      })
      .filter((g) => g.head.length >= 4 && (speaksOfGates || g.saysGate) && lower.includes(g.head))
      .map((g) => g.id);
  };
  const word = fc.constantFrom('Replay', 'replay', 'gate', 'Gate', 'SLO', 'latency', 'Lat', 'p95', 'error', 'budget', ':', '.', ' ', 'İ', 'kpi');
  const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
  const gateList = fc.array(phrase, { maxLength: 8 }).map((titles) => titles.map((title, i): Gate => ({
    id: `gate-${i + 1}`, number: null, title, detail: [], line: 1, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, sectionId: null, thresholds: [],
  })));
  fc.assert(fc.property(gateList, phrase, fc.boolean(), (gates, text, speaks) => {
    assert.deepEqual(gatesNamed(text, gateNames(gates), gates, speaks), oracle(text, gates, speaks));
  }), { numRuns: 2000 });
});

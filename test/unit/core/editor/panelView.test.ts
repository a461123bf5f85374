import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PANEL_LIMITS, attemptLabels, panelState } from '../../../../src/core/editor/panelView';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';

test('attempts are named by number, and by session too where two sessions share a number', () => {
  assert.deepEqual(attemptLabels([{ n: 1, session: 1 }, { n: 2, session: 1 }]), ['#1', '#2']);
  assert.deepEqual(
    attemptLabels([{ n: 1, session: 1 }, { n: 2, session: 1 }, { n: 2, session: 2 }, { n: 3, session: 2 }]),
    ['#1', '#2 · session 1', '#2 · session 2', '#3'],
  );
  assert.deepEqual(attemptLabels([]), []);
});

test('a very long runbook: the panel shows its first stages and checks and counts what it leaves out', () => {
  const stages = Array.from({ length: 6 }, (_, i) => `## Stage ${i + 1}: Part ${i + 1}\n\n- Check ${i + 1}a\n- Check ${i + 1}b\n- Check ${i + 1}c\n`).join('\n');
  const loose = Array.from({ length: 3 }, (_, i) => `\`\`\`bash {name=loose-${i}}\necho ${i}\n\`\`\`\n`).join('\n');
  const runbook = parseRunbook(`# Long\n\n${stages}\n## Appendix\n\n${loose}`);
  const input = {
    runbook, runbookPath: 'long.md', record: null, decision: null, runDir: null, trusted: true, busy: false, strict: false,
    now: 0, running: null, mask: (t: string) => t, word: () => ({ subject: '', problem: '', remedy: '' }),
  };
  const limited = panelState(input, { ...PANEL_LIMITS, stages: 3, checks: 7, steps: 2 });
  assert.deepEqual(limited.stages.map((s) => [s.id, s.checks.length, s.moreChecks]), [['stage-1', 3, 0], ['stage-2', 3, 0], ['stage-3', 1, 2]]);
  assert.deepEqual(limited.looseSteps.map((s) => s.id), ['loose-0', 'loose-1']);
  assert.deepEqual(limited.omitted, { stages: 3, checks: 11, steps: 1, gates: 0, dependencies: 0, reasons: 0 });
  const whole = panelState(input);
  assert.equal(whole.omitted, null);
  assert.equal(whole.stages.length, 6);
  assert.ok(whole.stages.every((s) => s.checks.length === 3 && s.moreChecks === 0));
});

// After an edit the worker sends only what changed between two models. Properties: the model
// rebuilt from the previous one and the delta is the new model, for random edits of every
// fixture; and an edit inside one line keeps nearly every item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { applyDelta, changedPart, modelDelta, samePlainData } from '../../../../src/core/runbook/modelDelta';
import { LISTS } from '../../../../src/core/runbook/modelParts';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const seeds = readdirSync(fixtures)
  .filter((name) => existsSync(join(fixtures, name, 'input.md')))
  .sort()
  .map((name) => readFileSync(join(fixtures, name, 'input.md'), 'utf8'));

test('samePlainData: JSON-like values, key order aside', () => {
  const cases: [unknown, unknown, boolean][] = [
    [1, 1, true], ['a', 'a', true], [null, null, true], [null, {}, false], [0, false, false],
    [[1, [2]], [1, [2]], true], [[1, 2], [1], false], [[], {}, false], [{}, [], false],
    [{ a: 1, b: { c: [null] } }, { b: { c: [null] }, a: 1 }, true], [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: undefined }, { b: undefined }, false], [{ range: { startLine: 1 } }, { range: { startLine: 2 } }, false],
  ];
  for (const [a, b, same] of cases) assert.equal(samePlainData(a, b), same, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
});

const lineEdit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'append', 'duplicate'),
  text: fc.constantFrom('', '## Stage 9: New', '- [ ] Check the new thing', '```bash', '```', 'Blocked by #42.', ' more words', '| a | b |'),
});

test('the previous model and the delta give the new model, for random edits of every fixture', () => {
  fc.assert(
    fc.property(fc.constantFrom(...seeds), fc.array(lineEdit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
      const lines = seed.split('\n');
      for (const e of edits) {
        const i = e.at % (lines.length + 1);
        if (e.kind === 'delete') lines.splice(i, 1);
        else if (e.kind === 'insert') lines.splice(i, 0, e.text);
        else if (e.kind === 'append') lines[i] = `${lines[i] ?? ''}${e.text}`;
        else lines.splice(i, 0, lines[i] ?? '');
      }
      const before = parseRunbook(seed);
      const after = parseRunbook(lines.join('\n'));
      const deltas = modelDelta(before, after);
      assert.deepEqual(applyDelta(before, changedPart(after, deltas), deltas), after);
      for (const d of deltas) assert.ok(d.keepPrefix + d.keepSuffix <= Math.min(before[d.field].length, after[d.field].length));
    }),
    { numRuns: 300 },
  );
});

test('an edit inside one line keeps every item it did not touch', () => {
  const text = Array.from({ length: 50 }, (_, i) => `## Stage ${i}: Wave ${i}\n\n- [ ] Verify wave ${i}\n\n\`\`\`bash\necho ${i}\n\`\`\`\n`).join('\n');
  const edited = text.replace('- [ ] Verify wave 25', '- [ ] Verify wave 25 twice');
  const before = parseRunbook(text);
  const after = parseRunbook(edited);
  const deltas = modelDelta(before, after);
  const sent = changedPart(after, deltas);
  const sentCount = LISTS.reduce((n, field) => n + sent[field].length, 0);
  assert.deepEqual(sent.checks.map((c) => c.text), ['Verify wave 25 twice']);
  assert.ok(sentCount <= 3, `${sentCount} items sent`);
  assert.deepEqual(applyDelta(before, sent, deltas), after);
});

test('a delta that keeps more than the base has is refused', () => {
  const model = parseRunbook('## Stage 1: A\n\n- [ ] x\n');
  assert.throws(() => applyDelta(model, model, [{ field: 'checks', keepPrefix: 1, keepSuffix: 1 }]), /keeps 1 \+ 1 checks of 1/);
});

// The model crosses from the worker thread in parts: cutting it and putting it back together
// must give the same model, for every fixture and every part size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { joinRunbook, RunbookJoiner, splitRunbook } from '../../../../src/core/runbook/modelParts';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const models = readdirSync(fixtures)
  .filter((name) => existsSync(join(fixtures, name, 'input.md')))
  .sort()
  .map((name) => ({ name, runbook: parseRunbook(readFileSync(join(fixtures, name, 'input.md'), 'utf8')) }));

test('split then join gives the same model, whatever the part size', () => {
  assert.ok(models.length >= 8);
  for (const { name, runbook } of models) {
    for (const size of [1, 3, 256]) {
      const { head, parts } = splitRunbook(runbook, size);
      assert.deepEqual(joinRunbook(head, parts), runbook, `${name}, ${size} per part`);
    }
  }
});

test("an item's long arrays travel in continuations after it, and come back in place", () => {
  for (const { name, runbook } of models) {
    const { head, parts } = splitRunbook(runbook, 2, 1);
    assert.deepEqual(joinRunbook(head, parts), runbook, `${name}, every array longer than 1 apart`);
  }
  const { runbook } = models.find((m) => m.runbook.stages.some((s) => s.checkIds.length > 8))!;
  const k = runbook.stages.findIndex((s) => s.checkIds.length > 8);
  const { parts } = splitRunbook(runbook, 2, 1);
  const continuations = parts.filter((p) => p.field === 'stages' && p.into?.index === k && p.into.key === 'checkIds');
  assert.deepEqual(continuations.map((p) => p.items.length), chunkLengths(runbook.stages[k]!.checkIds.length, 8), 'in parts of 4 x itemsPerPart');
  const owner = parts.findIndex((p) => p.field === 'stages' && !p.into && p.items.length > k % 2 && (p.items[k % 2] as { id: string }).id === runbook.stages[k]!.id);
  assert.deepEqual((parts[owner]!.items[k % 2] as { checkIds: string[] }).checkIds, [], 'the item travels without the long list');
  assert.ok(owner < parts.indexOf(continuations[0]!), 'and before its continuations');
});

function chunkLengths(total: number, size: number): number[] {
  return Array.from({ length: Math.ceil(total / size) }, (_, i) => Math.min(size, total - i * size));
}

test('a continuation for an item not taken in is refused', () => {
  const joiner = new RunbookJoiner();
  assert.throws(() => joiner.add({ field: 'stages', items: ['x'], into: { index: 3, key: 'checkIds' } }), /a continuation for stages\[3\]\.checkIds, which is not a list taken in/);
});

test('no part holds more than the size asked for, and the head holds no list', () => {
  const { runbook } = models.find((m) => m.runbook.checks.length > 5)!;
  const { head, parts } = splitRunbook(runbook, 2);
  assert.ok(parts.filter((part) => !part.into).every((part) => part.items.length >= 1 && part.items.length <= 2));
  assert.equal(parts.filter((p) => p.field === 'checks').length, Math.ceil(runbook.checks.length / 2));
  assert.deepEqual(Object.keys(head).sort(), ['context', 'frontMatter', 'generated', 'lineCount', 'title']);
});

test('a bad part size and an unknown part are refused with what was wrong', () => {
  const { runbook } = models[0]!;
  assert.throws(() => splitRunbook(runbook, 0), /itemsPerPart must be a positive integer, not 0/);
  assert.throws(() => splitRunbook(runbook, 1.5), /not 1.5/);
  const { head } = splitRunbook(runbook, 10);
  assert.throws(() => joinRunbook(head, [{ field: 'secrets' as never, items: [] }]), /unknown runbook part "secrets"/);
});

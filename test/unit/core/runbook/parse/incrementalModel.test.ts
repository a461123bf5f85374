import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRunbookModeler, modelOnce } from '../../../../../src/core/runbook/parse/incrementalModel';
import { buildFragment } from '../../../../../src/core/runbook/parse/fragment';
import { parseRunbook } from '../../../../../src/core/runbook/parseRunbook';

const seed = readFileSync(new URL('../../../../fixtures/seed-001/input.md', import.meta.url), 'utf8');

test('a one-line edit re-parses only the chunk it touches, and the model follows the edit', () => {
  const modeler = createRunbookModeler();
  modeler.model(seed);
  const first = modeler.stats();
  assert.ok(first.chunks >= 6, `seed 001 cut into ${first.chunks} chunks`);
  assert.equal(first.parsed, first.chunks);
  const edited = seed.replace('Runtime WS health:', 'Runtime WS health check:');
  const model = modeler.model(edited);
  const { chunks, parsed } = modeler.stats();
  assert.deepEqual({ chunks, parsed }, { chunks: first.chunks, parsed: 1 });
  assert.equal(model.steps[0]?.id, 'runtime-ws-health-check');
  assert.deepEqual(model, parseRunbook(edited));
});

test('inserting lines shifts every later position', () => {
  const modeler = createRunbookModeler();
  modeler.model(seed);
  const model = modeler.model(seed.replace('## 1. Preconditions', 'Intro.\n\nMore intro.\n\n## 1. Preconditions'));
  assert.deepEqual(model.steps.map((s) => s.range.startLine), [56, 62, 69]);
  assert.deepEqual(model.issues.map((i) => i.line), [70, 70, 70, 70, 70]);
  assert.equal(modeler.stats().parsed, 1);
});

test('the same text with another default repo re-uses every chunk and applies the repo', () => {
  const modeler = createRunbookModeler();
  modeler.model(seed);
  const model = modeler.model(seed, { defaultRepo: 'acme/x' });
  assert.equal(modeler.stats().parsed, 0);
  assert.ok(model.issues.every((i) => i.repo === 'acme/x'));
});

test('a chunk whose fragment throws becomes one internal-error diagnostic; every other chunk is modelled', () => {
  // Sections over 256 bytes, so that each heading starts a chunk of its own.
  const prose = `${'Some words about this part. '.repeat(10)}\n\n`;
  const text = `# Runbook\n\n## Stage 1: Deploy\n\n\`\`\`bash\necho one\n\`\`\`\n\n${prose}## Broken part\n\nBOOM here\n\n${prose}## Stage 2: Verify\n\n\`\`\`bash\necho two\n\`\`\`\n`;
  const dependencies = {
    buildFragment: (chunk: string) => {
      if (chunk.includes('BOOM')) throw new Error('injected');
      return buildFragment(chunk);
    },
  };
  // The editor's modeler and the one-shot parse (parseRunbook, which keeps no fragment) alike.
  const model = createRunbookModeler(dependencies).model(text);
  assert.deepEqual(modelOnce(text, undefined, dependencies), model);
  assert.deepEqual(model.steps.map((s) => s.command.trim()), ['echo one', 'echo two']);
  assert.deepEqual(model.stages.map((s) => s.title), ['Deploy', 'Verify']);
  const errors = model.diagnostics.filter((d) => d.code === 'internal-error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]?.severity, 'error');
  assert.deepEqual(errors[0]?.range, { startLine: 11, startColumn: 1, endLine: 11, endColumn: 15 });
  assert.match(errors[0]?.message ?? '', /injected/);
});

test('the one-shot parse gives the modeler\'s model, with a byte-order mark too', () => {
  for (const text of [seed, `\uFEFF${seed}`, '', '\uFEFF']) assert.deepEqual(modelOnce(text), createRunbookModeler().model(text));
});

test('modelAsync gives the model of model(), and the same incremental re-use', async () => {
  const modeler = createRunbookModeler();
  assert.deepEqual(await modeler.modelAsync(seed), parseRunbook(seed));
  const edited = seed.replace('Runtime WS health:', 'Runtime WS health check:');
  assert.deepEqual(await modeler.modelAsync(edited, { defaultRepo: 'o/r' }), parseRunbook(edited, { defaultRepo: 'o/r' }));
  assert.equal(modeler.stats().parsed, 1);
});

test('modelAsync gives the event loop back between chunks', async () => {
  const text = Array.from({ length: 40 }, (_, i) => `## Stage ${i}: Part ${i}\n\nText ${i}.\n`).join('\n');
  const modeler = createRunbookModeler();
  const order: string[] = [];
  setTimeout(() => order.push('timer'), 0);
  // sliceMs 0: every parsed chunk ends a slice, so the timer runs before the model is done.
  const model = await modeler.modelAsync(text, undefined, { sliceMs: 0 }).then((m) => {
    order.push('model');
    return m;
  });
  assert.deepEqual(order, ['timer', 'model']);
  assert.equal(model.stages.length, 40);
});

test('modelAsync calls made together run one after the other, each with its own text', async () => {
  const modeler = createRunbookModeler();
  const edited = seed.replace('Runtime WS health:', 'Runtime WS health check:');
  const [first, second] = await Promise.all([modeler.modelAsync(seed), modeler.modelAsync(edited)]);
  assert.equal(first.steps[0]?.id, 'runtime-ws-health');
  assert.equal(second.steps[0]?.id, 'runtime-ws-health-check');
  assert.equal(modeler.stats().parsed, 1);
});

// The parser's worker thread, for real: the worker is bundled with esbuild as the build does, run
// in a real worker_threads Worker, and its models compared with modelling on this thread.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ModelWorker } from '../../../../src/node/modelWorker/client';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { createRunbookModeler } from '../../../../src/core/runbook/parse/incrementalModel';

const seed001 = readFileSync(fileURLToPath(new URL('../../../fixtures/seed-001/input.md', import.meta.url)), 'utf8');
let dir = '';
let workerFile = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rg-model-worker-'));
  workerFile = join(dir, 'modelWorker.cjs');
  await esbuild.build({ entryPoints: ['src/node/modelWorker/worker.ts'], outfile: workerFile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const hostModels: string[] = [];
/** Runs `body` with a worker on `file` (the bundled worker by default), and disposes of it whatever happens. */
async function withWorker(body: (worker: ModelWorker) => Promise<void>, file = workerFile): Promise<void> {
  const worker = new ModelWorker({ workerFile: file, hostModeler: () => { hostModels.push(file); return createRunbookModeler(); } });
  try {
    await body(worker);
  } finally {
    worker.dispose();
  }
}

test('the worker models a runbook exactly as this thread does, and again after an edit', async () => {
  await withWorker(async (worker) => {
    const modeler = worker.modelerFor('file:///seed-001.md');
    assert.deepEqual(await modeler.modelAsync(seed001), parseRunbook(seed001));
    assert.equal(modeler.stats().modeledIn, 'worker');
    const edited = seed001.replace('Stage 1', 'Stage 1 (edited)').concat('\n## Stage 9: Added\n\n- Run `make smoke`\n');
    assert.deepEqual(await modeler.modelAsync(edited), parseRunbook(edited));
    assert.equal(modeler.stats().modeledIn, 'worker');
    assert.equal(worker.failure, null);
  });
});

test('a large model comes back in many parts, equal to the one built here', async () => {
  await withWorker(async (worker) => {
    const big = Array.from({ length: 400 }, (_, i) => `## Stage ${i}: Part ${i}\n\n- [ ] Check ${i} of svc-${i}\n- Run \`kubectl rollout status deploy/svc-${i}\`\n`).join('\n');
    const expected = parseRunbook(big);
    assert.ok(expected.checks.length > 128 * 2, "more checks than fit in two parts");
    assert.deepEqual(await worker.modelerFor('big').modelAsync(big), expected);
  });
});

test('documents keep their own caches, and requests in flight are answered in order', async () => {
  await withWorker(async (worker) => {
    const a = worker.modelerFor('a');
    const b = worker.modelerFor('b');
    const texts = ['# A\n\n## Stage 1: One\n', '# B\n\n## Stage 2: Two\n', '# A\n\n## Stage 1: One\n\n## Stage 3: Three\n'];
    const [ra, rb, ra2] = await Promise.all([a.modelAsync(texts[0]!), b.modelAsync(texts[1]!), a.modelAsync(texts[2]!)]);
    assert.deepEqual([ra!.stages.map((s) => s.id), rb!.stages.map((s) => s.id), ra2!.stages.map((s) => s.id)], [['stage-1'], ['stage-2'], ['stage-1', 'stage-3']]);
    a.forget();
    assert.deepEqual(await a.modelAsync(texts[0]!), ra);
  });
});

test('no worker file: every document is modelled on this thread, and the failure says why', async () => {
  const missing = join(dir, 'missing.cjs');
  await withWorker(async (worker) => {
    const modeler = worker.modelerFor('x');
    assert.deepEqual(await modeler.modelAsync(seed001), parseRunbook(seed001));
    assert.equal(modeler.stats().modeledIn, 'host');
    assert.match(worker.failure ?? '', /the model worker failed: .*missing\.cjs/);
    assert.equal(modeler.stats().hostBecause, worker.failure);
    assert.ok(hostModels.includes(missing));
  }, missing);
});

test('a worker that dies mid-request: the request is answered on this thread, and so is every later one', async () => {
  await withWorker(async (worker) => {
    const modeler = worker.modelerFor('y');
    await modeler.modelAsync('# warm\n');
    // Big enough that the worker is still modelling it when it is disposed.
    const big = Array.from({ length: 8000 }, (_, i) => `## Stage ${i}: Part ${i}\n\n- [ ] Check ${i}\n- Run \`make smoke-${i}\`\n`).join('\n');
    const pending = modeler.modelAsync(big);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(worker.inFlight, 1, 'the request is with the worker');
    worker.dispose();
    assert.equal(worker.inFlight, 0);
    assert.deepEqual(await pending, parseRunbook(big));
    assert.equal(modeler.stats().modeledIn, 'host');
    assert.equal(worker.failure, 'the model worker was disposed');
    assert.equal(modeler.stats().hostBecause, 'the model worker was disposed');
    assert.deepEqual(await modeler.modelAsync('## Stage 5: Late\n'), parseRunbook('## Stage 5: Late\n'));
  });
});

test('after an edit only the items that changed cross from the worker; the model is still the whole, right one', async () => {
  await withWorker(async (worker) => {
    const lines = Array.from({ length: 300 }, (_, i) => `## Stage ${i}: Part ${i}\n\n- [ ] Check ${i} of svc-${i}\n- Run \`make smoke-${i}\`\n`);
    const text = lines.join('\n');
    const modeler = worker.modelerFor('delta');
    const whole = await modeler.modelAsync(text);
    const total = whole.sections.length + whole.stages.length + whole.checks.length + whole.steps.length + whole.gates.length + whole.issues.length + whole.inputs.length + whole.diagnostics.length;
    assert.equal(modeler.stats().itemsReceived, total, 'the first model comes whole');
    assert.equal(modeler.stats().hostBecause, null);

    const edited = text.replace('- [ ] Check 150 of svc-150', '- [ ] Check 150 of svc-150 again');
    assert.deepEqual(await modeler.modelAsync(edited), parseRunbook(edited));
    const changed = modeler.stats().itemsReceived;
    assert.ok(changed >= 1 && changed <= 6, `an in-place edit sends a handful of items, not ${changed} of ${total}`);

    const inserted = edited.replace('## Stage 10: Part 10', '## Stage 10: Part 10\n\nA new line of prose.\n');
    assert.deepEqual(await modeler.modelAsync(inserted), parseRunbook(inserted), 'lines inserted: later ranges move, and arrive');

    modeler.forget();
    assert.deepEqual(await modeler.modelAsync(text), parseRunbook(text));
    assert.equal(modeler.stats().itemsReceived, total, 'after forget the model comes whole again');
  });
});

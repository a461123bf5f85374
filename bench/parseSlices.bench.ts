// How long the editor's event loop is held while a 4 MB runbook is modelled, the way the
// extension models it: on the parser's worker thread (src/node/modelWorker), the host taking the
// model's parts in a few at a time. Measured from outside: a 1 ms interval timer on the host
// records the longest gap between its ticks while the first model, then a one-line edit, is
// built. Goal <= 50 ms. Baseline from the same run: model() of the same text in one go, which
// would hold the loop for the whole parse; timed on a second thread (the product's worker,
// asked directly), so that no 4 MB model is built in the measured heap. Notes: the host's own
// time-sliced modelAsync, the fallback when there is no worker, on the realistic runbook,
// measured last (a single 4 MB table is one chunk and cannot be sliced on the host).
import { Worker } from 'node:worker_threads';
import type { Benchmark, Measure } from './measure';
import { SHAPES, realisticRunbook } from './parseInputs';
import { createRunbookModeler } from '../src/core/runbook/parse/incrementalModel';
import { ModelWorker } from '../src/node/modelWorker/client';
import type { WorkerReply, WorkerRequest } from '../src/node/modelWorker/protocol';

const MB = 1024 * 1024;

/** Runs `work` while a 1 ms ticker watches the event loop; the longest gap between ticks, ms. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
    longest = Math.max(longest, performance.now() - last);
  } finally {
    clearInterval(ticker);
  }
  return longest;
}

/** A whole model() of `text` on another thread, ms: the worker's own timing of a fresh document. */
function baselineOn(thread: Worker, text: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onReply = (reply: WorkerReply): void => {
      thread.off('error', reject);
      if (reply.type === 'model') resolve(reply.modelMs);
      else reject(new Error(reply.message));
    };
    thread.once('message', onReply);
    thread.once('error', reject);
    thread.postMessage({ type: 'model', id: 1, key, text, base: null } satisfies WorkerRequest);
  });
}

const bench: Benchmark = async () => {
  const workerFile = process.env.BENCH_MODEL_WORKER;
  if (!workerFile) throw new Error('BENCH_MODEL_WORKER is not set: run the benchmarks with `npm run bench`, which builds the worker');
  const worker = new ModelWorker({ workerFile, hostModeler: () => createRunbookModeler() });
  const baselineThread = new Worker(workerFile);
  const measures: Measure[] = [];
  try {
    await worker.modelerFor('warm').modelAsync(realisticRunbook(512 * 1024));
    await baselineOn(baselineThread, realisticRunbook(512 * 1024), 'warm');
    for (const shape of SHAPES) {
      const text = shape.make(4 * MB);
      const modeler = worker.modelerFor(shape.name);
      const firstMs = await longestStall(() => modeler.modelAsync(text));
      const lines = text.split('\n');
      const at = Math.floor(lines.length / 2);
      lines[at] = `${lines[at]} (edited)`;
      const edited = lines.join('\n');
      const editMs = await longestStall(() => modeler.modelAsync(edited));
      if (modeler.stats().modeledIn !== 'worker') throw new Error(`modelled on the host: ${worker.failure}`);
      // Closed, as the editor forgets a closed document: otherwise the host would hold every
      // shape's 4 MB model at once, and each later shape would be measured against the garbage
      // collector walking all of them (twelve 4 MB runbooks open together: not this measure).
      modeler.forget();
      const notes: Record<string, number | string> = { editStallMs: Number(editMs.toFixed(1)) };
      const syncMs = await baselineOn(baselineThread, text, shape.name);
      baselineThread.postMessage({ type: 'forget', key: shape.name } satisfies WorkerRequest);
      const worst = Math.max(firstMs, editMs);
      measures.push({
        name: `parse: longest host event-loop stall while the worker models 4 MB ${shape.name} (first model, then an edit)`,
        value: worst, unit: 'ms', baseline: syncMs, ratio: worst / syncMs, goal: '<= 50 ms', pass: worst <= 50,
        notes: { firstStallMs: Number(firstMs.toFixed(1)), ...notes },
      });
    }
    // The host's own fallback, last: it builds a 4 MB model in this heap.
    const host = createRunbookModeler();
    await host.modelAsync(realisticRunbook(4 * MB));
    const realistic = measures[0];
    if (realistic) realistic.notes = { ...realistic.notes, hostSlicedLongestMs: Number(host.stats().longestSliceMs.toFixed(1)) };
  } finally {
    worker.dispose();
    await baselineThread.terminate();
  }
  return measures;
};

export default bench;

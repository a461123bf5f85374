// How long the editor's event loop is held while a 4 MB runbook is modelled, the way the
// extension models it: on the parser's worker thread (src/node/modelWorker), the host taking the
// model's parts in a few at a time. Measured from outside: a 1 ms interval timer on the host
// records the longest gap between its ticks while the first model, then a one-line edit, is
// built. Goal <= 50 ms. Baseline from the same run: model() of the same text on the host, which
// holds the loop for the whole parse. Notes: the host's own time-sliced modelAsync, the
// fallback when there is no worker, for the realistic runbook (one chunk per block, so it can
// yield) — a single 4 MB list or table is one chunk and cannot be sliced on the host.
import type { Benchmark, Measure } from './measure';
import { timeMs } from './measure';
import { SHAPES, realisticRunbook } from './parseInputs';
import { createRunbookModeler } from '../src/core/runbook/parse/incrementalModel';
import { ModelWorker } from '../src/node/modelWorker/client';

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

const bench: Benchmark = async () => {
  const workerFile = process.env.BENCH_MODEL_WORKER;
  if (!workerFile) throw new Error('BENCH_MODEL_WORKER is not set: run the benchmarks with `npm run bench`, which builds the worker');
  const worker = new ModelWorker({ workerFile, hostModeler: () => createRunbookModeler() });
  const measures: Measure[] = [];
  try {
    await worker.modelerFor('warm').modelAsync(realisticRunbook(512 * 1024));
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
      const notes: Record<string, number | string> = { editStallMs: Number(editMs.toFixed(1)) };
      if (shape.name === 'realistic unique runbook') {
        const host = createRunbookModeler();
        await host.modelAsync(text);
        notes.hostSlicedLongestMs = Number(host.stats().longestSliceMs.toFixed(1));
      }
      // After the worker's turn, so that the garbage of this whole model on the host is not what
      // the host is collecting while it takes in the worker's model.
      const syncMs = timeMs(() => createRunbookModeler().model(text));
      const worst = Math.max(firstMs, editMs);
      measures.push({
        name: `parse: longest host event-loop stall while the worker models 4 MB ${shape.name} (first model, then an edit)`,
        value: worst, unit: 'ms', baseline: syncMs, ratio: worst / syncMs, goal: '<= 50 ms', pass: worst <= 50,
        notes: { firstStallMs: Number(firstMs.toFixed(1)), ...notes },
      });
    }
  } finally {
    worker.dispose();
  }
  return measures;
};

export default bench;

// How long the editor's event loop is held by parsing: modelAsync() on 4 MB (the first model,
// then a one-line edit), longest stretch without yielding. Goal <= 50 ms. Baseline from the
// same run: model() of the same text, which holds the loop for the whole parse.
import type { Benchmark, Measure } from './measure';
import { timeMs } from './measure';
import { SHAPES, realisticRunbook } from './parseInputs';
import { createRunbookModeler } from '../src/core/runbook/parse/incrementalModel';

const MB = 1024 * 1024;

const bench: Benchmark = async () => {
  const measures: Measure[] = [];
  const warm = createRunbookModeler();
  await warm.modelAsync(realisticRunbook(512 * 1024));
  const inputs: [string, string][] = [
    ['realistic unique runbook', realisticRunbook(4 * MB)],
    ...SHAPES.filter((s) => s.name.startsWith('one ')).map((s): [string, string] => [s.name, s.make(4 * MB)]),
  ];
  for (const [name, text] of inputs) {
    const syncMs = timeMs(() => createRunbookModeler().model(text));
    const modeler = createRunbookModeler();
    await modeler.modelAsync(text);
    const first = modeler.stats();
    const lines = text.split('\n');
    const at = Math.floor(lines.length / 2);
    lines[at] = `${lines[at]} (edited)`;
    await modeler.modelAsync(lines.join('\n'));
    const edit = modeler.stats();
    measures.push({
      name: `parse: longest event-loop slice of modelAsync, 4 MB ${name} (first model)`,
      value: first.longestSliceMs, unit: 'ms', baseline: syncMs, ratio: first.longestSliceMs / syncMs,
      goal: '<= 50 ms', pass: first.longestSliceMs <= 50,
      notes: {
        parseSliceMs: Number(first.longestParseSliceMs.toFixed(1)), assemblyMs: Number(first.assemblyMs.toFixed(1)),
        chunks: first.chunks, editSliceMs: Number(edit.longestSliceMs.toFixed(1)), editAssemblyMs: Number(edit.assemblyMs.toFixed(1)),
      },
    });
  }
  return measures;
};

export default bench;

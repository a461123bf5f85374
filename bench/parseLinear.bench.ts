// Linear time on 4 MB, whole parseRunbook path: each shape of parseInputs.ts at 1 MB and 4 MB.
// Goal: 4 MB in <= 2 s, and growth linear (4 MB <= 5x the 1 MB time). Printed against a
// baseline from the same run: splitting the same 4 MB into lines. Notes give the Markdown
// layer's own share (our scanner over the same chunks) and the chunk count.
import type { Benchmark, Measure } from './measure';
import { median, timeMs } from './measure';
import { SHAPES } from './parseInputs';
import { parseRunbook } from '../src/core/runbook/parseRunbook';
import { parseMarkdown } from '../src/core/runbook/parse/markdown';
import { splitDocument } from '../src/core/runbook/parse/chunks';

const MB = 1024 * 1024;

const bench: Benchmark = async () => {
  const measures: Measure[] = [];
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  for (const shape of SHAPES) {
    // JIT warm-up; a shape that is superlinear somewhere would take hours at 4 MB: say so instead.
    const quarterMs = timeMs(() => parseRunbook(shape.make(256 * 1024)));
    const one = shape.make(MB);
    const four = shape.make(4 * MB);
    const skip = quarterMs > 2500;
    const oneMs = skip ? Number.POSITIVE_INFINITY : median(Array.from({ length: runs }, () => timeMs(() => parseRunbook(one))));
    const fourMs = skip || oneMs > 10000 ? Number.POSITIVE_INFINITY : median(Array.from({ length: oneMs > 1000 ? 1 : runs }, () => timeMs(() => parseRunbook(four))));
    const linesMs = median(Array.from({ length: runs }, () => timeMs(() => four.split('\n'))));
    const chunks = splitDocument(four).chunks;
    const markdownMs = median(Array.from({ length: runs }, () => timeMs(() => {
      for (const chunk of chunks) parseMarkdown(chunk.text);
    })));
    const linear = fourMs <= 5 * oneMs;
    measures.push({
      name: `parse: 4 MB ${shape.name}, whole parseRunbook vs splitting it into lines`,
      value: fourMs, unit: 'ms', baseline: linesMs, ratio: fourMs / linesMs,
      goal: '<= 2000 ms, 4 MB <= 5x 1 MB', pass: fourMs <= 2000 && linear,
      notes: {
        quarterMbMs: Number(quarterMs.toFixed(1)), oneMbMs: Number(oneMs.toFixed(1)),
        growth4x: Number.isFinite(fourMs) ? Number((fourMs / oneMs).toFixed(2)) : 'not run (superlinear: 256 KB > 2.5 s or 1 MB > 10 s)',
        markdownLayerMs: Number(markdownMs.toFixed(1)), chunks: chunks.length, bytes: four.length,
      },
    });
  }
  return measures;
};

export default bench;

// `npm run bench -- prefixer`: the CLI's line prefixer on the output shapes that were quadratic
// before issue 7, each against the same number of characters cut into ordinary lines:
//  1. one 100 MiB line (no line end at all), in 64 KiB chunks, vs 100 MiB of 80-column lines;
//  2. 1.5 M `\r` progress updates vs the same text with `\n`.
// Before (src/cli/output.ts PrefixedOutput, re-splitting the whole pending text per chunk):
// 160 s and 1.53 GB for the 100 MB line, 194 s vs 5.2 s for the `\r` updates.
import { StreamPrefixer } from '../src/cli/streamPrefixer';
import { median, type Benchmark, type Measure } from './measure';

const CHUNK = 64 * 1024;
const LINE_CHARS = 100 * 1024 * 1024;
const UPDATES = 1_500_000;
const ROUNDS = 3;

/** Chunks of `total` characters, each a slice of one repeating pattern. */
function chunksOf(pattern: string, total: number): string[] {
  const block = pattern.repeat(Math.ceil((CHUNK * 2) / pattern.length));
  const chunks: string[] = [];
  for (let at = 0; at < total; at += CHUNK) {
    const offset = at % pattern.length;
    chunks.push(block.slice(offset, offset + Math.min(CHUNK, total - at)));
  }
  return chunks;
}

function progressText(end: '\r' | '\n'): string {
  const parts: string[] = [];
  for (let i = 1; i <= UPDATES; i++) parts.push(`downloading ${String(i).padStart(7)}/${UPDATES} ${((i * 100) / UPDATES).toFixed(1)}%${end}`);
  return parts.join('');
}

function splitText(text: string): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.slice(at, at + CHUNK));
  return chunks;
}

interface Run {
  ms: number;
  heapGrowthMb: number;
  written: number;
}

function feed(chunks: readonly string[]): Run {
  let written = 0;
  const prefixer = new StreamPrefixer({ write: (text: string) => (written += text.length) });
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const started = performance.now();
  for (let i = 0; i < chunks.length; i++) {
    prefixer.write('step', chunks[i]!);
    if (i % 64 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  prefixer.flushAll();
  return { ms: performance.now() - started, heapGrowthMb: (heapPeak - heapBefore) / 1e6, written };
}

function compare(name: string, shaped: readonly string[], plain: readonly string[], notes: Record<string, string>): Measure {
  const value: number[] = [];
  const baseline: number[] = [];
  let heap = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Alternated, so a change in machine load hits both sides alike.
    const a = feed(shaped);
    const b = feed(plain);
    value.push(a.ms);
    baseline.push(b.ms);
    heap = Math.max(heap, a.heapGrowthMb);
  }
  const ratio = median(value) / median(baseline);
  return {
    name, value: median(value), unit: 'ms', baseline: median(baseline), ratio, goal: '<= 2x', pass: ratio <= 2,
    notes: { ...notes, peakHeapGrowthMb: heap.toFixed(1) },
  };
}

const benchmark: Benchmark = async () => {
  const longLine = chunksOf('x', LINE_CHARS);
  const lines = chunksOf(`${'x'.repeat(79)}\n`, LINE_CHARS);
  const measures = [compare('prefixer: one 100 MiB line vs 80-column lines', longLine, lines, { chunks: String(longLine.length) })];
  const progress = splitText(progressText('\r'));
  const progressLines = splitText(progressText('\n'));
  measures.push(compare(`prefixer: ${UPDATES / 1e6} M \\r updates vs the same with \\n`, progress, progressLines, { mb: (progress.length * CHUNK / 1e6).toFixed(0) }));
  return measures;
};

export default benchmark;

// One benchmark result: a value against a baseline measured in the same run.
export interface Measure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** value / baseline, or as the goal text says (e.g. "speedup"). */
  ratio: number;
  /** Human-readable goal, e.g. "<= 1.2x" or ">= 30x faster". */
  goal: string;
  pass: boolean;
  /** Extra numbers worth printing (peak RSS growth, sizes). */
  notes?: Record<string, number | string>;
}

/** A benchmark module: bench/<name>.bench.ts exporting `default` as this. */
export type Benchmark = () => Promise<Measure[]>;

/** Median of several timings, in milliseconds. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How long one call takes, in milliseconds. */
export function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// `npm run bench [-- --json] [-- name-filter]`: runs every bench/*.bench.ts and prints each
// measure as a ratio against a baseline taken in the same run. Exit code 0 whatever the
// ratios: a benchmark reports, it does not gate the build.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, Measure } from './measure';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));

function print(measure: Measure): void {
  if (json) {
    console.log(JSON.stringify(measure));
    return;
  }
  const notes = measure.notes
    ? '  ' + Object.entries(measure.notes).map(([k, v]) => `${k}=${v}`).join(' ')
    : '';
  console.log(
    `${measure.pass ? 'PASS' : 'MISS'}  ${measure.name}: ${measure.value.toFixed(2)} ${measure.unit}` +
      ` vs baseline ${measure.baseline.toFixed(2)} ${measure.unit} -> ratio ${measure.ratio.toFixed(2)}` +
      ` (goal ${measure.goal})${notes}`,
  );
}

const files = readdirSync(here)
  .filter((f) => /\.bench\.(?:ts|mjs)$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark };
  for (const measure of await module.default()) print(measure);
}

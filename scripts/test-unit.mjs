// Runs every test/unit/**/*.test.ts with Node's test runner (TypeScript through tsx).
// Node 20's --test takes no globs, so the files are listed here. Extra args narrow the set:
// `npm run test:unit -- runbook` runs only files whose path contains "runbook". Property tests
// use a fixed fast-check seed (test/support/fastCheckSeed.ts; FC_SEED=random to explore).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const filters = process.argv.slice(2);
const files = findTests('test/unit')
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error('no unit test files matched');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', './scripts/dev-loader.mjs', '--import', './test/support/fastCheckSeed.ts', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

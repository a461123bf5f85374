// Takes the README's screenshots in the real workbench, from the journeys themselves: the main
// suite's tests that reach a moment worth showing ask the harness for a screenshot (ui.ts,
// action "screenshot"), which it saves as media/<name>.png when RUNBOOK_GATE_SCREENSHOTS is set:
//   media/lenses-seed-001.jpg      seed 001's lenses before stage 0 runs
//   media/panel-mid-run.jpg        a step running: elapsed time and Cancel, the panel streaming
//                                  (also media/screenshot.png, the README's first picture)
//   media/panel-hostile-output.jpg ANSI colours and hostile markup rendered as text
//   media/report.jpg               a generated gate report beside its runbook
//
//   npm run build && node scripts/vscode/screenshot.mjs [--verbose]
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './install-tools.mjs';
import { bundleSuite, runSuite } from './suiteRunner.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = 'seed 001|a cancelled step is cancelled|hostile output|gate report';

async function main() {
  process.env.RUNBOOK_GATE_SCREENSHOTS = '1';
  const tools = await ensureTools();
  const testsPath = await bundleSuite(repoRoot, 'test/integration/suite/index.ts', 'out/integration/suite.cjs');
  const result = await runSuite(tools, {
    repoRoot, name: 'screenshots', testsPath, trust: true, timeoutMs: 5 * 60_000, verbose: process.argv.includes('--verbose'), grep: SHOTS,
    prepare: async () => ({ env: { GITHUB_TOKEN: 'ghp_standInToken000000000000000000000000' } }),
  });
  console.log(`[screenshot] ${result.passed} passed, ${result.failed} failed`);
  process.exit(result.exitCode);
}

main().catch((error) => {
  console.error(`screenshot: ${error.message}`);
  process.exit(1);
});

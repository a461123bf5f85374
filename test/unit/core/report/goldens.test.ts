// Each built-in template over a run shaped like its seed: the report is the golden file
// (UPDATE=1 rewrites it; review the diff), and it has the seed's sections and facts in the
// seed's order. gate.json of seed 000 is a golden too: the data is the contract.
import './support/registerLiquid.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_CASES, TOOL_VERSION } from './fixtures/cases';

const { buildReportData } = await import('../../../../src/core/report/buildReportData');
const { renderReport } = await import('../../../../src/core/report/render');

const expectedDir = join(dirname(fileURLToPath(import.meta.url)), 'expected');

function golden(name: string, actual: string): void {
  const path = join(expectedDir, name);
  if (process.env.UPDATE === '1') {
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs from its golden (UPDATE=1 npm run test:unit -- goldens, then review the diff)`);
}

for (const c of SEED_CASES) {
  const data = () => buildReportData(c.runs, { reportPath: c.reportPath, template: c.template, toolVersion: TOOL_VERSION });

  test(`${c.template} report over a seed-${c.seed} run matches expected/${c.template}.md`, () => {
    golden(`${c.template}.md`, renderReport(data(), c.template));
  });

  test(`${c.template} report has seed ${c.seed}'s sections and facts in the seed's order`, () => {
    const report = renderReport(data(), c.template);
    let from = 0;
    for (const marker of c.sections) {
      const at = report.indexOf(marker, from);
      assert.ok(at >= 0, `"${marker}" missing after offset ${from} in the ${c.template} report`);
      from = at + marker.length;
    }
  });

  test(`${c.template} report starts with its marker and ends with the artifacts and the evidence integrity block`, () => {
    const report = renderReport(data(), c.template);
    const ids = c.runs.map((r) => r.record.runId).join(',');
    assert.equal(report.split('\n')[0], `<!-- runbook-gate:report run=${ids} template=${c.template} -->`);
    const headings = report.split('\n').filter((line) => line.startsWith('## '));
    assert.equal(headings.at(-1), '## Evidence Integrity');
    assert.ok(headings.includes('## Artifacts') || report.includes('\nArtifacts:\n'), 'an artifacts list');
    for (const log of data().artifacts.logs) assert.ok(report.includes(`\`${log.sha256}\``), `SHA-256 of ${log.path}`);
    for (const r of c.runs) assert.ok(report.includes(`commit \`${r.record.environment.gitCommit}\` on \`main\`, dirty tree: no, host \`gate-runner-01\``));
  });
}

test('gate.json of the seed-000 run matches expected/gate.json', () => {
  const c = SEED_CASES[0]!;
  golden('gate.json', `${JSON.stringify(buildReportData(c.runs, { reportPath: c.reportPath, template: c.template, toolVersion: TOOL_VERSION }), null, 2)}\n`);
});

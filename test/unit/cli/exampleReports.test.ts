// The reports committed in examples/reports/ are what `report RUN_DIR --template NAME` makes
// from the committed run record: evidence in, the same bytes out, for every template.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliAsync, scratchWorkspace } from './cliHarness';
import { BUILTIN_TEMPLATE_NAMES } from '../../../src/core/report/templateNames';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const runs = join(repoRoot, 'examples/reports/runs');

test('every example report regenerates byte for byte from the committed run.json', async () => {
  const [runId] = readdirSync(runs);
  assert.ok(runId, 'a committed example run');
  const { root, cleanup } = scratchWorkspace();
  try {
    for (const template of BUILTIN_TEMPLATE_NAMES) {
      const result = await runCliAsync(['report', `examples/reports/runs/${runId}`, '--report', `examples/reports/${template}.again.md`, '--template', template], root);
      assert.equal(result.code, 1, `${template}: the example is No-Go on purpose\n${result.stderr}`);
      const again = readFileSync(join(root, `examples/reports/${template}.again.md`), 'utf8');
      assert.equal(again, readFileSync(join(repoRoot, `examples/reports/${template}.md`), 'utf8'), `${template}.md`);
    }
  } finally {
    cleanup();
  }
});

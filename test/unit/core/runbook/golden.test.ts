// Golden models: test/fixtures/<case>/input.md -> model.json. `UPDATE=1 npm run test:unit -- golden`
// rewrites them; review the diff by eye before committing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { createRunbookModeler } from '../../../../src/core/runbook/parse/incrementalModel';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const update = process.env.UPDATE === '1';
const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'input.md'))).sort();

test('there are golden cases for the five seeds and at least twenty more', () => {
  assert.ok(cases.filter((c) => c.startsWith('seed-')).length === 5);
  assert.ok(cases.length >= 25, `only ${cases.length} cases`);
});

for (const name of cases) {
  test(`golden: ${name}`, () => {
    const text = readFileSync(join(fixtures, name, 'input.md'), 'utf8');
    const model = parseRunbook(text, { defaultRepo: 'example/runbooks' });
    const expectedPath = join(fixtures, name, 'model.json');
    const actual = JSON.stringify(model, null, 2) + '\n';
    if (update || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, actual);
      if (!update) assert.fail(`${name}/model.json did not exist; written, review it and re-run`);
      return;
    }
    assert.deepEqual(JSON.parse(actual), JSON.parse(readFileSync(expectedPath, 'utf8')));
    // The incremental modeler, warmed on another document, must agree.
    const modeler = createRunbookModeler();
    modeler.model(text.replace(/^#+ /m, '## Edited\n\n'));
    assert.deepEqual(modeler.model(text, { defaultRepo: 'example/runbooks' }), model);
  });
}

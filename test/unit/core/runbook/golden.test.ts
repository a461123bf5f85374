// Golden models: test/fixtures/<case>/input.md -> checklist.txt (a readable projection: stages
// -> checks -> steps, gates, references, inputs, diagnostics) and, for the older cases,
// model.json (the whole model). `UPDATE=1 npm run test:unit -- golden` rewrites them; review
// the diff by eye before committing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { createRunbookModeler } from '../../../../src/core/runbook/parse/incrementalModel';
import { projectRunbook } from './projection';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const update = process.env.UPDATE === '1';
const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'input.md'))).sort();

test('there are golden cases for the five seeds, eight runbooks, the new forms and at least twenty more', () => {
  assert.equal(cases.filter((c) => c.startsWith('seed-')).length, 5);
  assert.ok(cases.filter((c) => c.startsWith('runbook-')).length >= 8);
  assert.ok(cases.filter((c) => c.startsWith('form-')).length >= 10);
  assert.ok(cases.length >= 45, `only ${cases.length} cases`);
});

function compare(name: string, file: string, actual: string, parse: (text: string) => unknown): void {
  const path = join(fixtures, name, file);
  if (update) {
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${name}/${file} does not exist; run with UPDATE=1 and review it`);
  assert.deepEqual(parse(actual), parse(readFileSync(path, 'utf8')));
}

for (const name of cases) {
  test(`golden: ${name}`, () => {
    const text = readFileSync(join(fixtures, name, 'input.md'), 'utf8');
    const model = parseRunbook(text, { defaultRepo: 'example/runbooks' });
    compare(name, 'checklist.txt', projectRunbook(model), (t) => t.split('\n'));
    if (existsSync(join(fixtures, name, 'model.json'))) compare(name, 'model.json', JSON.stringify(model, null, 2) + '\n', (t) => JSON.parse(t));
    // The incremental modeler, warmed on another document, must agree.
    const modeler = createRunbookModeler();
    modeler.model(text.replace(/^#+ /m, '## Edited\n\n'));
    assert.deepEqual(modeler.model(text, { defaultRepo: 'example/runbooks' }), model);
  });
}

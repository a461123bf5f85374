// Random and mutated Markdown runbooks for property tests: lines drawn from what runbooks
// hold (stages, tasks, fences, gates, comments, references) with some noise, and the fixture
// runbooks with lines deleted, inserted, replaced or repeated.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
export const seeds = readdirSync(fixtures)
  .filter((name) => existsSync(join(fixtures, name, 'input.md')))
  .sort()
  .map((name) => readFileSync(join(fixtures, name, 'input.md'), 'utf8'));

export const VOCABULARY = [
  '', '', '', '   ', '# Title', '## Stage 1: Deploy', '## Phase 2 - Verify', '### Rollback', '## KPI and SLO Gates', '## Gates',
  '1. Stage 0: Preflight', '2. Stage 3: Later', '1. Error budget gate', '- [ ] Task', '- [x] Done', '  - [ ] Nested task', '- item',
  '  ```bash', '   ```sh', '```bash', '```', '~~~sh', '~~~', '````', '```console', '$ echo "$TOKEN"', 'output line',
  '```bash {name=x}', '```bash {"name":"y","timeout":"5s"}', '```bash { name=x colour=red', '```python',
  '<!--', '-->', '<!-- runbook: name=hold -->', '- [ ] Hold <!-- runbook: name=h2 -->', '> ```bash', '> echo quoted', '>',
  '| Gate | Status | Evidence |', '| --- | --- | --- |', '| Tests | Green | ok |', 'Run this:', 'echo $FOO ${BAR} $1',
  'for i in 1858 1859; do gh issue view "$i"; done', 'See #12, acme/api#3 and https://github.com/a/b/issues/4.',
  'curl -fsSL https://x.io/i.sh | sh', 'curl http://example.com', '---', 'repo: acme/x', 'export TOKEN=1', '\t```bash', '\techo tab',
  '    indented code', '<script>', '</script>', 'Stage 2: not a list', '10) Step 4: list', '* * *', '[ref]: https://example.com',
];

const line = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);
const newline = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
export const randomDocument = fc
  .tuple(fc.array(fc.tuple(line, newline), { maxLength: 40 }), fc.boolean(), fc.boolean())
  .map(([lines, bom, trailing]) => (bom ? '\uFEFF' : '') + lines.map(([l, nl]) => l + nl).join('') + (trailing ? '' : 'tail'));

export type Edit = { at: number; kind: 'delete' | 'insert' | 'replace' | 'duplicate'; text: string };
export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'duplicate'),
  text: fc.constantFrom(...VOCABULARY),
});

export function applyEdit(text: string, e: Edit): string {
  const lines = text.split('\n');
  const i = e.at % (lines.length + 1);
  if (e.kind === 'delete') lines.splice(i, 1);
  else if (e.kind === 'insert') lines.splice(i, 0, e.text);
  else if (e.kind === 'replace') lines.splice(i, 1, e.text);
  else lines.splice(i, 0, lines[i] ?? '');
  return lines.join('\n');
}

export const mutatedSeed = fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { maxLength: 6 })).map(([seed, edits]) => edits.reduce(applyEdit, seed));
export const anyDocument = fc.oneof(randomDocument, mutatedSeed);

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { List } from 'mdast';
import { parseMarkdown } from '../../../../../src/core/runbook/parse/markdown';
import { inlineParts, itemDetail, itemText, taskColumn } from '../../../../../src/core/runbook/rules/listItems';

const firstItem = (md: string) => (parseMarkdown(md).children[0] as List).children[0]!;

test('text is the first paragraph on one line; detail is nested bullets and paragraphs without nested tasks', () => {
  const item = firstItem('- Stage 0: Gate\n  preflight\n\n  A paragraph.\n  - nested one\n    - deeper\n  - [ ] a nested task\n    - its own detail\n  ```bash\n  echo code is no detail\n  ```\n');
  assert.equal(itemText(item), 'Stage 0: Gate preflight');
  assert.deepEqual(itemDetail(item), ['A paragraph.', 'nested one', 'deeper']);
});

test('task column: 0-based column of the character between the brackets', () => {
  const cases: [string, number, number | null][] = [
    ['- [ ] a', 1, 3],
    ['  - [x] a', 3, 5],
    ['1. [ ] a', 1, 4],
    ['> - [X] quoted', 3, 5],
    ['- plain', 1, null],
  ];
  for (const [line, start, column] of cases) assert.equal(taskColumn(line, start), column, line);
});

test('inline parts keep text and code in order, through emphasis and links', () => {
  const paragraph = parseMarkdown('From **`apps/x/`**: [run `make`](https://x.io)').children[0]!;
  assert.deepEqual(inlineParts(paragraph).map((p) => [p.kind, p.value]), [['text', 'From '], ['code', 'apps/x/'], ['text', ': '], ['text', 'run '], ['code', 'make']]);
});

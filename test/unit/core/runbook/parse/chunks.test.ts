import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resplitDocument, splitDocument } from '../../../../../src/core/runbook/parse/chunks';

// Where cuts may go, with a cut at every heading (the default waits for 256 bytes first).
const EVERY_HEADING = { headingChunk: 0 };
const starts = (text: string): number[] => splitDocument(text, EVERY_HEADING).chunks.map((c) => c.startLine);

test('chunks start at headings after blank lines and cover the whole text', () => {
  const text = '# A\n\npara\n\n## B\n\n- x\n\n## C\n';
  const split = splitDocument(text, EVERY_HEADING);
  assert.deepEqual(split.chunks.map((c) => c.startLine), [1, 5, 9]);
  assert.equal(split.chunks.map((c) => c.text).join(''), text);
  assert.equal(split.lineCount, 9);
});

test('no cut inside a fence, a multi-line HTML comment, or a list', () => {
  assert.deepEqual(starts('# A\n\n```bash\necho\n\n# not a heading\n```\n\n# B\n'), [1, 9]);
  assert.deepEqual(starts('# A\n\n<!--\n\n# hidden\n-->\n\n# B\n'), [1, 8]);
  assert.deepEqual(starts('# A\n\n1. x\n   ```sh\n\n# inside? no: closes the item\n'), [1, 6]);
  assert.deepEqual(starts('# A\n\n1. x\n  ```sh\n\n# inside the top-level fence\n```\n'), [1]);
});

test('by default a heading starts a chunk once the chunk holds 256 bytes: small sections share one', () => {
  const small = '# A\n\npara\n\n## B\n\n- x\n\n## C\n';
  assert.deepEqual(splitDocument(small).chunks.map((c) => c.startLine), [1]);
  const filler = `${'Words of a section. '.repeat(13)}\n`; // 261 bytes
  const text = `# A\n\n${filler}\n## B\n\nshort\n\n## C\n\n${filler}\n## D\n`;
  assert.deepEqual(splitDocument(text).chunks.map((c) => c.startLine), [1, 5, 13]);
});

test('front matter is its own block, not a chunk', () => {
  const split = splitDocument('---\nrepo: a/b\n---\n# T\n');
  assert.deepEqual(split.frontMatter, { yaml: 'repo: a/b', lineCount: 3, closingLength: 3 });
  assert.deepEqual(split.chunks.map((c) => [c.startLine, c.text]), [[4, '# T\n']]);
  assert.equal(splitDocument('---\nno closing fence\n').frontMatter, null);
});

test('line counts: empty, no final newline, CRLF and lone CR', () => {
  assert.equal(splitDocument('').lineCount, 0);
  assert.equal(splitDocument('a').lineCount, 1);
  assert.equal(splitDocument('a\r\nb\r\n').lineCount, 2);
  assert.equal(splitDocument('a\rb').lineCount, 2);
});

test('a 4 MB line of "- - - … x" splits without overflowing the stack', () => {
  const line = `${'- '.repeat(2 * 1024 * 1024)}x\n`;
  const split = splitDocument(`# A\n\n${line}\n# B\n`, EVERY_HEADING);
  assert.deepEqual(split.chunks.map((c) => c.startLine), [1, 5]);
  assert.deepEqual(starts('# A\n\n- - -\n\n# B\n'), [1, 5]);
});

test('a line at column 0 after an item that ends in a fence is not lazy: the list is over', () => {
  // "See" ends the list, so the indented fence after it is top-level and hides "## B".
  const text = '# A\n\n- item\n  ```bash\n  x\n  ```\nSee\n  ```\n\n## B\n\n```\n\n## C\n';
  assert.deepEqual(starts(text), [1, 14]);
});

test('re-splitting: closing an unclosed front matter further down makes it front matter, as a fresh split does', () => {
  const before = '---\nrepo: a/b\n\n# A\n\npara\n\n## B\n\ntext\n';
  const after = '---\nrepo: a/b\n\n# A\n\npara\n\n## B\n---\ntext\n';
  assert.deepEqual(resplitDocument(after, { text: before, split: splitDocument(before) }), splitDocument(after));
});

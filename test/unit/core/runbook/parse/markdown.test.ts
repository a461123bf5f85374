// Our Markdown layer against remark-parse + remark-gfm as the oracle (see oracle.ts): block
// types, nesting and positions; code lang/meta/value; items' checked and spread; table cells;
// per paragraph, heading and cell its visible text, inline code values, link URLs and inline
// structure. On every fixture and seed, on random documents, and on the micromark quirks we
// follow on purpose (written out so that a reviewer can read them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { differ, knownDivergence, project } from './oracle';
import { parseMarkdown } from '../../../../../src/core/runbook/parse/markdown';

const fixtures = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));
const seedsDir = fileURLToPath(new URL('../../../../../../shared/seeds/', import.meta.url));
const documents: [string, string][] = [
  ...readdirSync(fixtures)
    .filter((name) => existsSync(join(fixtures, name, 'input.md')))
    .map((name): [string, string] => [name, readFileSync(join(fixtures, name, 'input.md'), 'utf8')]),
  ...(existsSync(seedsDir) ? readdirSync(seedsDir).map((name): [string, string] => [name, readFileSync(join(seedsDir, name), 'utf8')]) : []),
];

test('every fixture and seed parses as remark parses it', () => {
  assert.ok(documents.length >= 40, `only ${documents.length} documents`);
  for (const [name, text] of documents) assert.equal(differ(text, { inlineShape: true }), null, name);
});

const BLOCK_LINES = [
  '', '', '', '   ', '# Title', '## Stage 1: Deploy', '### x ###', '#', '#x', 'Setext', '===', '---', '- - -', '***',
  '- item', '* item', '+ item', '-', '- ', '1. one', '2) two', '10. ten', '  - nested', '    - deep', '   1. x', '- [ ] task',
  '- [x] done', '  - [X] nested task', '\t- tab item', '-\ttab', '>\tq', ' >  > x', '> 1. a', '>   - b', '- > - x',
  '```', '```bash', '~~~', '~~~sh', '````', '```bash {name=x}', '    code', '\tcode', '  ```', '  ~~~~', '> quote', '>',
  '> - q item', '> > deep', '>     code', '<!--', '-->', '<!-- runbook: name=x -->', '<!-->', '<div>', '</div>', '<span>',
  '<script>', '</script>', '<?php', '?>', '<![CDATA[x]]>', '<!DOCTYPE x>', '<a href="x">', '| a | b |', '| --- | --- |',
  '|:-:|--:|', 'a | b', '-|-', '| x |', '| - |', '> | a | b |', '> | - | - |', '  | - |', '[ref]: https://example.com',
  '[ref]: <a b> "title"', '[ref]:', '  /url', '"title"', '[A b]: <c d>', 'text [ref] here', '[x][ref] [y][] [ref][]',
  'plain text', 'more text  ', 'trailing\\', 'Stage 2: not a list', 'see #12 and a/b#3',
];
const INLINE_PIECES = [
  'a', 'b', ' ', '  ', '*', '**', '_', '__', '~', '~~', '`', '``', '[', ']', '](', '(', ')', '![', '<', '>', '&amp;', '&#35;',
  '&nope;', '\\', '\\*', '\\`', '**a**', '~~d~~', '`` ` ``', '[a](b)', '[a][ref]', '![a](b)', 'http://x.com',
  'https://github.com/a/b/issues/4', 'www.x.org', 'a@b.co', '<http://a.b>', '<a@b.c>', '<span>', '</span>', '<!-- c -->',
  '"', "'", '.', ',', ':', '#1', 'x_y', '\t',
];
const inlineLine = fc.array(fc.constantFrom(...INLINE_PIECES), { maxLength: 10 }).map((pieces) => pieces.join(''));
const line = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...BLOCK_LINES) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('', '', '- ', '> ', '  ', '1. ', '| ', '    ', '- [ ] '), inlineLine).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const randomDocument = fc
  .tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, final]) => lines.join(eol) + (final ? eol : ''));

test('random documents parse as remark parses them (known divergences aside)', () => {
  fc.assert(
    fc.property(randomDocument, (text) => {
      if (knownDivergence(text)) return;
      assert.equal(differ(text, { inlineShape: true }), null);
    }),
    { numRuns: 1500 },
  );
});

// The cursor reads a line's thematic-break tail once and answers every nesting level from it.
test('thematic breaks inside list items, at every nesting level, parse as remark parses them', () => {
  const lines = ['- - - x', '- - -', '- * * *', '* * - -', '- _ _ _ x', '-  -  -\t', '1. - - -', '- - - - -', '- a\n- - -', 'p\n- - -', 'p\n- - x', 'p\n1. - - -', '- \t* * *'];
  for (const text of lines) assert.equal(differ(text, { inlineShape: true }), null, JSON.stringify(text));
  assert.deepEqual(tree('- - - x\n- * * *'), [
    'root 1:1-2:8',
    '  list 1:1-2:8 ordered=false start=null spread=false',
    '    listItem 1:1-1:8 spread=false checked=null',
    '      list 1:3-1:8 ordered=false start=null spread=false',
    '        listItem 1:3-1:8 spread=false checked=null',
    '          list 1:5-1:8 ordered=false start=null spread=false',
    '            listItem 1:5-1:8 spread=false checked=null',
    '              paragraph 1:7-1:8',
    '                text="x" code=[] urls=[]',
    '    listItem 2:1-2:8 spread=false checked=null',
    '      thematicBreak 2:3-2:8',
  ]);
});

/** Our projection of `text`, to write expectations out in full. */
const tree = (text: string): string[] => project(parseMarkdown(text));

test('micromark quirks we follow: a fence closed by a new list item keeps the line ending', () => {
  assert.deepEqual(tree('- ```\n  x\n- b'), [
    'root 1:1-3:4',
    '  list 1:1-3:4 ordered=false start=null spread=false',
    '    listItem 1:1-3:3 spread=false checked=null',
    '      code 1:3-3:1 lang=null meta=null value="x"',
    '    listItem 3:1-3:4 spread=false checked=null',
    '      paragraph 3:3-3:4',
    '        text="b" code=[] urls=[]',
  ]);
});

test('micromark quirks we follow: an HTML tag line on a lazy line stays in the block quote', () => {
  assert.deepEqual(tree('> a\n<span>\n[ref]: /u'), [
    'root 1:1-3:10',
    '  blockquote 1:1-2:7',
    '    paragraph 1:3-1:4',
    '      text="a" code=[] urls=[]',
    '    html 2:1-2:7 value="<span>"',
    '  definition 3:1-3:10 url="/u"',
  ]);
});

test('micromark quirks we follow: indented code opened on a lazy line ends with it; blank lines in a quote count', () => {
  assert.deepEqual(tree('>\n    a\n    b'), [
    'root 1:1-3:6',
    '  blockquote 1:1-1:2',
    '  code 2:1-2:6 lang=null meta=null value="a"',
    '  code 3:1-3:6 lang=null meta=null value="b"',
  ]);
  assert.deepEqual(tree('> - a\n>\n>\n').slice(0, 3), [
    'root 1:1-4:1',
    '  blockquote 1:1-3:2',
    '    list 1:3-3:2 ordered=false start=null spread=true',
  ]);
});

test('GFM: task items, tables (a pipe in a code span still splits a cell), strikethrough, literal autolinks', () => {
  assert.deepEqual(tree('- [x]   done\n\n| a | `b|c` |\n| :- | -: | - |\n| 1 |\n\n~~gone~~ see www.example.com/a. and a@b.co'), [
    'root 1:1-7:43',
    '  list 1:1-1:13 ordered=false start=null spread=false',
    '    listItem 1:1-1:13 spread=false checked=true',
    '      paragraph 1:7-1:13',
    '        text="  done" code=[] urls=[]',
    '  table 3:1-5:6 align=["left","right",null]',
    '    tableRow 3:1-3:14',
    '      tableCell 3:1-3:5',
    '        text="a" code=[] urls=[]',
    '      tableCell 3:5-3:9',
    '        text="`b" code=[] urls=[]',
    '      tableCell 3:9-3:14',
    '        text="c`" code=[] urls=[]',
    '    tableRow 5:1-5:6',
    '      tableCell 5:1-5:6',
    '        text="1" code=[] urls=[]',
    '  paragraph 7:1-7:43',
    '    text="gone see www.example.com/a. and a@b.co" code=[] urls=["http://www.example.com/a","mailto:a@b.co"]',
  ]);
});

test('CRLF and CR line endings are kept in values, as remark keeps them', () => {
  assert.equal(differ('a\r\nb `c\r\nd`\r\n\r\n```\r\ne\r\nf\r\n```\r\n', { inlineShape: true }), null);
  assert.deepEqual(tree('a\r\nb\r\n\r\n    c\r\n    d'), [
    'root 1:1-5:6',
    '  paragraph 1:1-2:2',
    '    text="a\\r\\nb" code=[] urls=[]',
    '  code 4:1-5:6 lang=null meta=null value="c\\r\\nd"',
  ]);
});

test('known divergence: a check right after an empty item is text outside the item (remark makes it a task of the root)', () => {
  const text = '-\n[ ] not\n';
  assert.equal(knownDivergence(text), 'task check after an empty item');
  assert.deepEqual(tree(text).slice(-2), ['  paragraph 2:1-2:8', '    text="[ ] not" code=[] urls=[]']);
});

test('micromark quirks we follow: a fence ends at column 1 of a last line that holds only its containers; an indented tag line is paragraph text', () => {
  // Found by the random run above; each parses as remark parses it.
  for (const text of [
    '- ```\n  ', '- ```\n ', '- ```\n  x\n  ', '- \n  ~~~~\n  ', '> ```\n> ', '> - ```\n>   ', '- > ```\n  > ',
    '  ~~~~\n  ', '>  ```\n>  ', '- ```\n    ', 'a\n    <span>\n  | - |', 'a\n    <span>\n| - |',
  ]) {
    assert.equal(differ(text, { inlineShape: true }), null, JSON.stringify(text));
  }
});

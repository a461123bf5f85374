// The Markdown helpers behind the report filters: text stays text, on one line, readable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dirOf, escapeText, fencedBlock, firstLine, inlineCode, inlineMarkdown, linkTarget, oneLine, relativePosix, tableCell,
} from '../../../../src/core/report/markdown';
import { visibleControlChars } from '../../../../src/core/text/controlChars';

test('escapeText: markup characters escaped, ordinary text left readable', () => {
  assert.equal(escapeText('Stage 0 (Gate preflight): PASS'), 'Stage 0 (Gate preflight): PASS');
  assert.equal(escapeText('slow_consumer_evicted < 10 | *x* `y` [a](b) ~z~ $V &amp;'), 'slow_consumer_evicted \\< 10 \\| \\*x\\* \\`y\\` \\[a\\](b) \\~z\\~ \\$V \\&amp;');
  assert.equal(escapeText('_lead and trail_'), '\\_lead and trail\\_');
  assert.equal(escapeText('internal -> 5% -> 25%'), 'internal -> 5% -> 25%');
  assert.equal(escapeText('# not a heading'), '\\# not a heading');
  assert.equal(escapeText('> not a quote'), '\\> not a quote');
  assert.equal(escapeText('- not an item'), '\\- not an item');
  assert.equal(escapeText('1. not a list'), '1\\. not a list');
  assert.equal(escapeText('  line one\nline two\r\n'), 'line one line two');
});

test('oneLine and visibleControlChars: no control character survives, line breaks become spaces', () => {
  assert.equal(oneLine('a\nb\r\nc\u2028d\te'), 'a b c d e');
  assert.equal(visibleControlChars('\u001b[31mred\u0007\u007f\u0085\u202e'), '\u241b[31mred\u2407\u2421<U+0085><U+202E>');
  assert.equal(visibleControlChars('tab\tand\nnewline'), 'tab\tand\nnewline');
});

test('inlineCode survives backticks and keeps its padding', () => {
  assert.equal(inlineCode('ls -la'), '`ls -la`');
  assert.equal(inlineCode('echo `date`'), '`` echo `date` ``');
  assert.equal(inlineCode('a ``b`` c'), '```a ``b`` c```');
  assert.equal(inlineCode(' both '), '`  both  `');
  assert.equal(inlineCode(''), '` `');
  assert.equal(inlineCode('two\nlines'), '`two lines`');
});

test('tableCell escapes every pipe not escaped yet, inside code spans too', () => {
  assert.equal(tableCell('`a | b` and \\| c'), '`a \\| b` and \\| c');
});

test('inlineMarkdown keeps what people wrote, neutralises what would leave the line', () => {
  assert.equal(inlineMarkdown('Khala lane (`apps/runtime`)'), 'Khala lane (`apps/runtime`)');
  assert.equal(inlineMarkdown('a *b* [c](https://x.y) `<b>`'), 'a *b* [c](https://x.y) `<b>`');
  assert.equal(inlineMarkdown('</details><script>'), '\\</details>\\<script>');
  assert.equal(inlineMarkdown('unclosed ` tick and `` pair'), 'unclosed \\` tick and \\`\\` pair');
  assert.equal(inlineMarkdown('# heading\nnext'), '\\# heading next');
  assert.equal(inlineMarkdown('[x](javascript:alert(1)) [y]( data:text/html,z)'), '[x\\](javascript:alert(1)) [y\\]( data:text/html,z)');
  assert.equal(inlineMarkdown('already \\<escaped\\>'), 'already \\<escaped\\>');
});

test('linkTarget: relative paths and web URLs only; spaces and parentheses wrapped', () => {
  assert.equal(linkTarget('../runs/x/logs/a.log'), '../runs/x/logs/a.log');
  assert.equal(linkTarget('runs/a b (1).log'), '<runs/a b (1).log>');
  assert.equal(linkTarget('runs/<x>.log'), 'runs/%3Cx%3E.log');
  assert.equal(linkTarget('https://github.com/o/r/issues/1'), 'https://github.com/o/r/issues/1');
  assert.equal(linkTarget('javascript:alert(1)'), null);
  assert.equal(linkTarget('data:text/html,x'), null);
});

test('fencedBlock: a fence longer than any inside, a bare language word', () => {
  assert.equal(fencedBlock('echo hi\n', 'bash'), '```bash\necho hi\n```');
  assert.equal(fencedBlock('```\ninside\n```', 'bash; rm'), '````bashrm\n```\ninside\n```\n````');
});

test('firstLine, dirOf, relativePosix', () => {
  assert.equal(firstLine('for i in 1 2; do \\\n  echo $i\ndone'), 'for i in 1 2; do …');
  assert.equal(firstLine('single'), 'single');
  assert.equal(dirOf('docs/status/r.md'), 'docs/status');
  assert.equal(dirOf('r.md'), '');
  assert.equal(relativePosix('docs/status', '.runbook-gate/runs/x/run.json'), '../../.runbook-gate/runs/x/run.json');
  assert.equal(relativePosix('', 'runs/x/logs'), 'runs/x/logs');
});

// The plain-line shortcut of MdastBuilder.phrasing must give what the inline parser gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { plainLine } from '../../../../../../src/core/runbook/parse/blocks/toMdast';
import { InlineParser } from '../../../../../../src/core/runbook/parse/inline/inlineParser';
import { ContentMap, toPhrasing } from '../../../../../../src/core/runbook/parse/inline/toPhrasing';
import { transformLiteralAutolinks } from '../../../../../../src/core/runbook/parse/inline/autolinkTransform';
import type { Segment } from '../../../../../../src/core/runbook/parse/blocks/types';

const segment = (text: string): Segment => ({ line: 3, column: 5, text, headable: true, prefix: '', ending: '\n' });

function parsed(text: string): unknown {
  const map = new ContentMap();
  const children = toPhrasing(new InlineParser(new Map()).parse(map.reset([segment(text)])), map);
  transformLiteralAutolinks(children);
  return children;
}

test('a plain line is one text node; anything markup, a link or a trailing space may touch is left to the inline parser', () => {
  assert.deepEqual(plainLine(segment('gate 12 pending')), [
    { type: 'text', value: 'gate 12 pending', position: { start: { line: 3, column: 5 }, end: { line: 3, column: 20 } } },
  ]);
  for (const text of ['', 'a `b`', 'a *b*', 'x_y', 'a & b', 'see www.x.org', 'http://x.com', 'a@b.co', 'hard  ', 'tab\t', '[x]', '!', '<b>', 'a\\b', '~~d~~']) {
    assert.equal(plainLine(segment(text)), null, text);
  }
});

test('wherever the shortcut is taken, it equals the inline parser', () => {
  const piece = fc.constantFrom('a', 'Z', ' ', '\t', '#1', 'p95 <= 600 ms', '.', ':', 'h', 'ttp', '//', 'www', 'é', '😀', '@', '*', '`', '&', '_', '-', '|');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (text) => {
      const fast = plainLine(segment(text));
      if (fast) assert.deepEqual(fast, parsed(text));
    }),
    { numRuns: 3000 },
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carrySgr, cleanTerminalText, safeCut, styleRuns } from '../../../webview/ansi';

test('OSC 8 links, titles, cursor moves and control characters are dropped; colours are kept', () => {
  const text = '\x1b]8;;javascript:alert(1)\x07click\x1b]8;;\x07 \x1b]0;title\x1b\\\x1b[2K\x1b[1Gdone\x07\x08 \x1b[31mred\x1b[0m';
  assert.equal(cleanTerminalText(text), 'click done \x1b[31mred\x1b[0m');
});

test('colours become classes; truecolor and 256 colours become CSSOM values, never markup', () => {
  const { runs } = styleRuns('\x1b[1;31mbad\x1b[0m ok \x1b[38;2;10;20;30mtc\x1b[38;5;196mp\x1b[0m', '');
  assert.deepEqual(runs.map((r) => [r.text, r.classes, r.color]), [
    ['bad', ['ansi-red-fg', 'ansi-bold'], null],
    [' ok ', [], null],
    ['tc', [], 'rgb(10, 20, 30)'],
    ['p', [], 'rgb(255, 0, 0)'],
  ]);
  const markup = styleRuns('<img src=x onerror=alert(1)>', '').runs;
  assert.deepEqual(markup.map((r) => r.text), ['<img src=x onerror=alert(1)>']);
});

test('a colour set in one piece of output carries into the next; a reset ends it', () => {
  const first = styleRuns('\x1b[32mgreen starts', '');
  assert.equal(first.carry, '\x1b[32m');
  const second = styleRuns(' and goes on\x1b[0m then plain', first.carry);
  assert.deepEqual(second.runs.map((r) => [r.text, r.classes]), [[' and goes on', ['ansi-green-fg']], [' then plain', []]]);
  assert.equal(second.carry, '');
  assert.equal(carrySgr('', '\x1b[0;33mx'), '\x1b[33m');
});

test('a chunk is not cut inside an escape sequence', () => {
  assert.equal(safeCut('abc\x1b[3'), 3);
  assert.equal(safeCut('abc\x1b[31m'), 8);
  assert.equal(safeCut('abc\x1b]8;;http://x'), 3);
  assert.equal(safeCut('plain'), 5);
});

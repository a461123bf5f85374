import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESCAPE_INCOMPLETE, escapeLength, MAX_ESCAPE_LENGTH } from '../../../../src/core/secrets/terminalEscape';

const length = (text: string, end = text.length) => escapeLength(new TextEncoder().encode(text), 0, end);

test('colour codes, cursor moves, hyperlinks and charset switches are escape sequences', () => {
  assert.equal(length('\x1b[0mrest'), 4);
  assert.equal(length('\x1b[1;31mrest'), 7);
  assert.equal(length('\x1b[?25lrest'), 6);
  assert.equal(length('\x1b]8;;https://example.com\x07rest'), '\x1b]8;;https://example.com\x07'.length);
  assert.equal(length('\x1b]0;title\x1b\\rest'), '\x1b]0;title\x1b\\'.length);
  assert.equal(length('\x1b(Brest'), 3);
  assert.equal(length('\x1b7rest'), 2);
});

test('text is not an escape sequence; a cut-off one needs more bytes', () => {
  assert.equal(length('plain'), 0);
  assert.equal(length('\x1b[1;\x01'), 0);
  assert.equal(length('\x1b'), ESCAPE_INCOMPLETE);
  assert.equal(length('\x1b[1;3'), ESCAPE_INCOMPLETE);
  assert.equal(length('\x1b]8;;https://exa'), ESCAPE_INCOMPLETE);
});

test('an overlong sequence is text, so the masker never holds more than the limit for one', () => {
  assert.equal(length('\x1b]' + 'x'.repeat(MAX_ESCAPE_LENGTH) + '\x07'), 0);
  assert.equal(length('\x1b[' + '1;'.repeat(MAX_ESCAPE_LENGTH) + 'm'), 0);
});

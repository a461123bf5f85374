import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatLine, terminalLine, visibleCharacter, visibleControlChars } from '../../../../src/core/text/controlChars';

// Hostile issue titles and output lines, as they arrive, and as a reader must see them.
const CLEAR_SCREEN = '\u001b[2J\u001b[H';
const WINDOW_TITLE = '\u001b]0;pwned\u0007';
const HYPERLINK = '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\';
const TROJAN = 'access = "user\u202e \u2066// admin\u2069 \u2066"';

test('terminalLine: escape sequences, controls, line breaks and bidi overrides are shown, tabs kept', () => {
  const cases: Array<[string, string]> = [
    ['plain title', 'plain title'],
    [`${CLEAR_SCREEN}Release blocked`, '␛[2J␛[HRelease blocked'],
    [`fix ${WINDOW_TITLE}login`, 'fix ␛]0;pwned␇login'],
    [HYPERLINK, '␛]8;;https://evil.example␛\\click␛]8;;␛\\'],
    ['line one\nDecision: Go', 'line one␊Decision: Go'],
    ['rm -rf /tmp/x\rls', 'rm -rf /tmp/x␍ls'],
    ['crlf\r\nend', 'crlf␍␊end'],
    ['tab\tkept', 'tab\tkept'],
    ['nul\u0000 bell\u0007 del\u007f', 'nul␀ bell␇ del␡'],
    ['one-byte CSI \u009b2J and NEL \u0085', 'one-byte CSI <U+009B>2J and NEL <U+0085>'],
    [TROJAN, 'access = "user<U+202E> <U+2066>// admin<U+2069> <U+2066>"'],
    ['zero\u200bwidth \ufeffbom \u2028sep', 'zero<U+200B>width <U+FEFF>bom <U+2028>sep'],
    ['emoji 🚀 and accents é stay', 'emoji 🚀 and accents é stay'],
  ];
  for (const [input, shown] of cases) assert.equal(terminalLine(input), shown, JSON.stringify(input));
});

test('terminalLine with keepColors: colors pass and are reset at the end; every other sequence is shown', () => {
  assert.equal(terminalLine('\u001b[32mok\u001b[0m done', { keepColors: true }), '\u001b[32mok\u001b[0m done\u001b[0m');
  assert.equal(terminalLine('\u001b[1;31mFAIL', { keepColors: true }), '\u001b[1;31mFAIL\u001b[0m');
  assert.equal(terminalLine(`${CLEAR_SCREEN}x`, { keepColors: true }), '␛[2J␛[Hx');
  assert.equal(terminalLine(`\u001b[33m${WINDOW_TITLE}`, { keepColors: true }), '\u001b[33m␛]0;pwned␇\u001b[0m');
  assert.equal(terminalLine('no colors here', { keepColors: true }), 'no colors here');
});

test('flatLine: every line break and tab becomes a space, other controls are shown', () => {
  const cases: Array<[string, string]> = [
    ['Title\nwith | newline', 'Title with | newline'],
    ['a\r\nb\rc\u2028d\u2029e\u0085f\u000bg\u000ch', 'a b c d e f g h'],
    ['col\tumn', 'col umn'],
    [`${WINDOW_TITLE}title`, '␛]0;pwned␇title'],
    [TROJAN, 'access = "user<U+202E> <U+2066>// admin<U+2069> <U+2066>"'],
  ];
  for (const [input, shown] of cases) assert.equal(flatLine(input), shown, JSON.stringify(input));
});

test('visibleControlChars keeps the shape of multi-line text but no lone CR', () => {
  assert.equal(visibleControlChars('a\n\tb\r\nc'), 'a\n\tb\r\nc');
  assert.equal(visibleControlChars('progress 10%\rprogress 99%'), 'progress 10%␍progress 99%');
  assert.equal(visibleControlChars(`${CLEAR_SCREEN}\n${TROJAN}`), `␛[2J␛[H\n${'access = "user<U+202E> <U+2066>// admin<U+2069> <U+2066>"'}`);
});

test('visibleCharacter: pictures for C0 and DEL, code points for the rest', () => {
  assert.deepEqual(['\u0000', '\u001b', '\n', '\u007f', '\u009b', '\u202e'].map(visibleCharacter), ['␀', '␛', '␊', '␡', '<U+009B>', '<U+202E>']);
});

test('clean text comes back as the same string (the common case costs one scan)', () => {
  const text = 'x'.repeat(10_000);
  assert.equal(terminalLine(text), text);
  assert.equal(flatLine(text), text);
  assert.equal(visibleControlChars(text), text);
});

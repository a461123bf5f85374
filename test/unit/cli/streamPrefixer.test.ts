import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTINUATION_MARK, StreamPrefixer, type StreamPrefixerOptions } from '../../../src/cli/streamPrefixer';

function prefixer(options: StreamPrefixerOptions = {}) {
  const written: string[] = [];
  const out = new StreamPrefixer({ write: (text: string) => written.push(text) }, options);
  return { out, written, text: () => written.join('') };
}

test('whole lines per step, across chunks and interleaving', () => {
  const { out, text } = prefixer();
  out.write('a', 'hel');
  out.write('b', 'one\ntw');
  out.write('a', 'lo\nwor');
  out.flush('a');
  out.write('b', 'o\r\n');
  out.flushAll();
  assert.equal(text(), '[b] one\n[a] hello\n[a] wor\n[b] two\n');
});

test('a CR ends a line: progress output is one line per update', () => {
  const { out, text } = prefixer();
  out.write('dl', 'downloading  10%\rdownloading  55%\rdownloading 100%\ndone\n');
  assert.equal(text(), '[dl] downloading  10%\n[dl] downloading  55%\n[dl] downloading 100%\n[dl] done\n');
});

test('CR LF is one line end, also when a chunk ends between the CR and the LF', () => {
  const { out, text } = prefixer();
  out.write('w', 'first\r');
  out.write('w', '\nsecond\r');
  out.write('w', 'third\r\r\n');
  out.write('w', '\n');
  assert.equal(text(), '[w] first\n[w] second\n[w] third\n[w] \n[w] \n');
});

test('empty lines keep their place', () => {
  const { out, text } = prefixer();
  out.write('s', 'a\n\n\nb\n');
  assert.equal(text(), '[s] a\n[s] \n[s] \n[s] b\n');
});

test('a line longer than the limit is printed in pieces with a continuation mark', () => {
  const { out, text } = prefixer({ maxLineChars: 4 });
  out.write('x', 'abcdefghij\nkl');
  out.write('x', 'mnop');
  out.write('x', 'q');
  out.flush('x');
  const m = CONTINUATION_MARK;
  assert.equal(text(), `[x] abcd${m}\n[x] efgh${m}\n[x] ij\n[x] klmn${m}\n[x] opq\n`);
});

test('a line of exactly the limit is not cut', () => {
  const { out, text } = prefixer({ maxLineChars: 4 });
  out.write('x', 'abcd');
  out.write('x', '\nabcd\n');
  assert.equal(text(), '[x] abcd\n[x] abcd\n');
});

test('pieces never split a surrogate pair', () => {
  const { out, text } = prefixer({ maxLineChars: 4 });
  out.write('e', 'abc🚀def\n');
  assert.equal(text(), `[e] abc${CONTINUATION_MARK}\n[e] 🚀de${CONTINUATION_MARK}\n[e] f\n`);
});

test('what a step holds stays bounded: a 10 MB line without a line end, 64 KiB at a time', () => {
  const { out, written } = prefixer();
  const chunk = 'x'.repeat(65_536);
  for (let i = 0; i < 160; i++) out.write('big', chunk);
  // Every full 64 KiB piece is already out; at most one piece is held.
  assert.equal(written.length, 159);
  assert.ok(written.every((w) => w === `[big] ${chunk}${CONTINUATION_MARK}\n`));
  out.flush('big');
  assert.equal(written.at(-1), `[big] ${chunk}\n`);
});

test('control characters in output and in step ids are shown, colors kept and reset', () => {
  const { out, text } = prefixer();
  out.write('evil\u001b]0;t\u0007', 'x\n');
  out.write('s', '\u001b[2J\u001b[32mgreen\u001b[0m\n');
  assert.equal(text(), '[evil␛]0;t␇] x\n[s] ␛[2J\u001b[32mgreen\u001b[0m\u001b[0m\n');
});

test('raw: output goes through unchanged but for the prefix', () => {
  const { out, text } = prefixer({ raw: true });
  out.write('s', '\u001b[2Jx\n');
  assert.equal(text(), '[s] \u001b[2Jx\n');
});

test('flush of a step that printed nothing, or only whole lines, prints nothing more', () => {
  const { out, written } = prefixer();
  out.flush('none');
  out.write('s', 'a\n');
  out.flush('s');
  assert.deepEqual(written, ['[s] a\n']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileExpect, createExpectMatcher, EXPECT_REGEX_WINDOW } from '../../../../src/core/run/expectMatcher';

function streamed(source: string, chunks: string[]): boolean {
  const compiled = compileExpect(source);
  assert.ok(compiled.ok, `${source} compiles`);
  const matcher = compiled.matcher.stream();
  for (const chunk of chunks) matcher.push(chunk);
  return matcher.finish();
}

test('plain text is found across a chunk boundary at every split point', () => {
  const output = 'deploying...\nall 12 services healthy\n';
  for (let cut = 0; cut <= output.length; cut++) {
    assert.equal(streamed('services healthy', [output.slice(0, cut), output.slice(cut)]), true, `cut at ${cut}`);
  }
  assert.equal(streamed('services unhealthy', [output]), false);
});

test('a /regex/ with flags i, m and s', () => {
  assert.equal(streamed('/DEPLOYED v\\d+/i', ['deployed v42\n']), true);
  assert.equal(streamed('/^ready$/m', ['booting\nready\nserving\n']), true);
  assert.equal(streamed('/^ready$/', ['booting\nready\nserving\n']), false);
  assert.equal(streamed('/start.end/s', ['start\nend']), true);
  assert.equal(streamed('/start.end/', ['start\nend']), false);
});

test('text that is not shaped like /regex/flags is plain text', () => {
  const compiled = compileExpect('/usr/bin');
  assert.ok(compiled.ok);
  assert.equal(compiled.matcher.kind, 'text');
  assert.equal(compiled.matcher.test('installed to /usr/bin/tool'), true);
});

test('invalid or unsupported regexes are refused with a reason', () => {
  for (const source of ['/[/', '/(?=lookahead)/', '/(a)\\1/']) {
    const compiled = compileExpect(source);
    assert.equal(compiled.ok, false, source);
    if (!compiled.ok) assert.match(compiled.error, /RE2 syntax/);
  }
  assert.equal(compileExpect('').ok, false);
  const matcher = createExpectMatcher('/[/');
  matcher.push('[');
  assert.equal(matcher.finish(), false);
  assert.match(matcher.error ?? '', /not a usable regex/);
});

test('named groups and \\u escapes in JavaScript syntax are accepted', () => {
  assert.equal(streamed('/(?<version>v\\d+)\\u0021/', ['released v3!']), true);
});

test('catastrophic patterns run in linear time: /(a+)+$/ and /(a+)+b/ on 100 KB of a', () => {
  const as = 'a'.repeat(100_000);
  // A backtracking engine would not return from the second one; RE2 answers both.
  assert.equal(streamed('/(a+)+$/', [as]), true);
  assert.equal(streamed('/(a+)+b/', [as]), false);
  assert.equal(streamed('/^(a|aa)+$/', chunk(as, 4096)), true);
});

test('without the m flag, ^ and $ are the start and end of the whole output, never a window edge', () => {
  const output = 'a'.repeat(EXPECT_REGEX_WINDOW * 2) + '!';
  assert.equal(streamed('/a$/', [output]), false, 'one chunk');
  assert.equal(streamed('/a$/', chunk(output, 4096)), false, 'streamed: a window ending after an a is not the end');
  assert.equal(streamed('/!$/', chunk(output, 4096)), true, 'the real end still matches');
  assert.equal(streamed('/^!/', chunk('a'.repeat(EXPECT_REGEX_WINDOW * 2) + '\n!', 4096)), false, 'nor is a later window the start');
  assert.equal(streamed('/^a/', chunk(output, 4096)), true, 'the real start still matches');
});

test('a regex finds a match that straddles the window boundary, in whole lines', () => {
  const filler = 'x'.repeat(99) + '\n';
  const lines = Array.from({ length: Math.ceil((EXPECT_REGEX_WINDOW * 3) / filler.length) }, () => filler);
  const output = lines.join('') + 'migration 42 applied\n' + lines.join('');
  assert.equal(streamed('/^migration \\d+ applied$/m', chunk(output, 1000)), true);
  assert.equal(streamed('/^migration \\d+ failed$/m', chunk(output, 1000)), false);
});

test('output shorter than the window is tested once, whole: ^ and $ keep their meaning', () => {
  assert.equal(streamed('/^done$/', ['do', 'ne']), true);
  assert.equal(streamed('/^done$/', ['done\n']), false);
});

function chunk(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PrefixedOutput } from '../../../src/cli/output';

test('PrefixedOutput prefixes whole lines per step, across chunks and interleaving', () => {
  const written: string[] = [];
  const out = new PrefixedOutput({ write: (text: string) => written.push(text) });
  out.write('a', 'hel');
  out.write('b', 'one\ntw');
  out.write('a', 'lo\nwor');
  out.flush('a');
  out.write('b', 'o\r\n');
  out.flushAll();
  assert.deepEqual(written, ['[b] one\n', '[a] hello\n', '[a] wor\n', '[b] two\n']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnvFile } from '../../../src/node/envFile';

test('dotenv lines: export, comments, quotes, escapes, multi-line values', () => {
  const text = [
    '\uFEFF# a comment',
    'PLAIN=value',
    'export EXPORTED = spaced value  # trailing comment',
    "SINGLE='literal $HOME \\n'",
    'DOUBLE="line\\nnext \\"quoted\\""',
    'HASH=abc#def',
    'EMPTY=',
    'MULTI="first',
    'second"',
    'not a line',
    'URL=https://example.invalid/?a=1&b=2',
  ].join('\r\n');
  assert.deepEqual(parseEnvFile(text), {
    PLAIN: 'value',
    EXPORTED: 'spaced value',
    SINGLE: 'literal $HOME \\n',
    DOUBLE: 'line\nnext "quoted"',
    HASH: 'abc#def',
    EMPTY: '',
    MULTI: 'first\nsecond',
    URL: 'https://example.invalid/?a=1&b=2',
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { LogWriter, OutputStream } from '../../../../src/core/ports';
import { StepOutput } from '../../../../src/core/run/stepOutput';
import { createSecretMasker } from '../../../../src/core/secrets/secretMasker';

const SECRET = 'tok-3f9a1c77e2d4-9b';
const utf8 = (text: string) => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A LogWriter in memory that hashes like the file one. */
function memoryLog(options: { failAfter?: number } = {}) {
  const chunks: Uint8Array[] = [];
  let appends = 0;
  const log: LogWriter = {
    relativePath: 'logs/step.1.log',
    append(chunk) {
      if (options.failAfter !== undefined && ++appends > options.failAfter) throw new Error('disk full');
      chunks.push(typeof chunk === 'string' ? utf8(chunk) : chunk.slice());
    },
    async close() {
      const bytes = Buffer.concat(chunks);
      return { sha256: sha256(bytes), bytes: bytes.length };
    },
  };
  return { log, bytes: () => Buffer.concat(chunks) };
}

function listener() {
  const heard: [OutputStream, string][] = [];
  return { heard, emit: (text: string, stream: OutputStream) => void heard.push([stream, text]) };
}

test('the log is the output byte for byte but for the secret; its SHA-256 and size are returned', async () => {
  const { log, bytes } = memoryLog();
  const output = new StepOutput(createSecretMasker([SECRET]), log, () => {}, undefined);
  const raw = [Uint8Array.from([0xff, 0x41, 0xc3]), utf8(` ${SECRET.slice(0, 7)}`), utf8(`${SECRET.slice(7)} \n`), Uint8Array.from([0xe2, 0x82])];
  output.handle(raw[0]!, 'stdout');
  output.handle(raw[1]!, 'stdout');
  output.handle(raw[2]!, 'stderr');
  output.handle(raw[3]!, 'stdout');
  const result = await output.finish();
  const expected = Buffer.from([0xff, 0x41, 0xc3, ...utf8(' *** \n'), 0xe2, 0x82]);
  assert.deepEqual(bytes(), expected);
  assert.equal(result.logSha256, sha256(expected));
  assert.equal(result.logBytes, expected.length);
});

test('listeners and tails get decoded, masked text per stream; the *** goes where the secret began', async () => {
  const { heard, emit } = listener();
  const output = new StepOutput(createSecretMasker([SECRET]), null, emit, undefined);
  output.handle(utf8(`token: ${SECRET.slice(0, 5)}`), 'stdout');
  output.handle(utf8(`${SECRET.slice(5)}\nwarning: é`), 'stderr');
  output.handle(Uint8Array.from([0xff]), 'stderr');
  const result = await output.finish();
  const of = (stream: OutputStream) => heard.filter(([s]) => s === stream).map(([, t]) => t).join('');
  assert.equal(of('stdout'), 'token: ***');
  assert.equal(of('stderr'), '\nwarning: é\ufffd');
  assert.equal(result.stdoutTail, 'token: ***');
  assert.equal(result.stderrTail, '\nwarning: é\ufffd');
  assert.equal(result.combinedTail, 'token: ***\nwarning: é\ufffd');
  assert.equal(result.logSha256, null);
  assert.equal(result.logBytes, 0);
});

test('a chunk that cannot start a secret reaches listeners and the log at once', () => {
  const { log, bytes } = memoryLog();
  const { heard, emit } = listener();
  const output = new StepOutput(createSecretMasker([SECRET]), log, emit, undefined);
  output.handle(utf8('step 1 of 3 done\n'), 'stdout');
  assert.deepEqual(heard, [['stdout', 'step 1 of 3 done\n']]);
  assert.equal(bytes().toString(), 'step 1 of 3 done\n');
});

test('a listener promise is back-pressure: handle waits for it', async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const output = new StepOutput(createSecretMasker([]), null, () => gate, undefined);
  let settled = false;
  const pending = output.handle(utf8('line\n'), 'stdout');
  assert.ok(pending instanceof Promise);
  void pending.then(() => (settled = true));
  await Promise.resolve();
  assert.equal(settled, false);
  release();
  await pending;
  assert.equal(settled, true);
});

test('expect sees the masked output of both streams, across chunks', async () => {
  const output = new StepOutput(createSecretMasker([]), null, () => {}, '/ready in \\d+ms/');
  output.handle(utf8('server rea'), 'stdout');
  output.handle(utf8('dy in 42ms\n'), 'stderr');
  const result = await output.finish();
  assert.equal(result.expectMatched, true);
  assert.equal(result.expectError, null);
});

test('an invalid expect regex does not match and says why', async () => {
  const output = new StepOutput(createSecretMasker([]), null, () => {}, '/(?=x)/');
  output.handle(utf8('x'), 'stdout');
  const result = await output.finish();
  assert.equal(result.expectMatched, false);
  assert.match(result.expectError ?? '', /RE2 syntax/);
});

test('a log that fails is reported once and no longer written', async () => {
  const { log, bytes } = memoryLog({ failAfter: 1 });
  const output = new StepOutput(createSecretMasker([]), log, () => {}, undefined);
  output.handle(utf8('first\n'), 'stdout');
  output.handle(utf8('second\n'), 'stdout');
  output.handle(utf8('third\n'), 'stdout');
  const result = await output.finish();
  assert.equal(result.logError, 'disk full');
  assert.equal(bytes().toString(), 'first\n');
});

test('where no secret occurs, the log SHA-256 is the SHA-256 of the output, for any bytes and chunking', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.boolean()), { maxLength: 12 }), async (chunks) => {
      const { log } = memoryLog();
      const output = new StepOutput(createSecretMasker([SECRET]), log, () => {}, undefined);
      for (const [bytes, err] of chunks) await output.handle(bytes, err ? 'stderr' : 'stdout');
      const result = await output.finish();
      const all = Buffer.concat(chunks.map(([bytes]) => bytes));
      assert.equal(result.logSha256, sha256(all));
      assert.equal(result.logBytes, all.length);
    }),
    { numRuns: 200 },
  );
});

// `npm run bench -- masking`: the cost of masking a step's output, measured in one run.
//  1. 100 MB of log-like output with 5 secrets (each present, in several encodings, every MB)
//     through OutputMasker in 64 KiB chunks alternating stdout/stderr, vs a plain copy of the
//     same chunks (the least any pipeline does with them), rounds interleaved after a warm-up.
//  2. The whole StepOutput (masking, decoding, tails, a log that hashes) on the same output, vs
//     the same plain copy.
//  3. A catastrophic expect regex, /(a+)+$/ and /(a+)+b/, on 100 KB of `a` (a backtracking
//     engine does not return from the second), vs a plain-text expect on the same output.
import { createHash } from 'node:crypto';
import type { LogWriter } from '../src/core/ports';
import { compileExpect } from '../src/core/run/expectMatcher';
import { StepOutput } from '../src/core/run/stepOutput';
import { createSecretMasker } from '../src/core/secrets/secretMasker';
import { median, type Benchmark, type Measure } from './measure';

const TOTAL = 100 * 1024 * 1024;
const CHUNK = 64 * 1024;
const ROUNDS = 3;
const SECRETS = [
  'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'correct horse battery staple',
  'tok-3f9a1c77e2d4',
  'p@ss%w0rd!with&more',
];

/** One MB of log lines with every secret in it once, plain or encoded. */
function oneMegabyte(): Uint8Array {
  const line = (i: number) =>
    `2024-05-01T12:00:${String(i % 60).padStart(2, '0')}Z INFO request id=${(i * 7919).toString(16)} ` +
    `path=/api/v1/items/${i} status=200 took=${i % 97}ms user="alice" \x1b[32mok\x1b[0m\n`;
  const encodings = [
    (s: string) => s,
    (s: string) => `Authorization: Basic ${Buffer.from('deploy:' + s).toString('base64')}`,
    (s: string) => encodeURIComponent(s),
    (s: string) => Buffer.from(s).toString('hex'),
    (s: string) => JSON.stringify({ token: s }),
  ];
  let text = '';
  for (let i = 0; text.length < 1024 * 1024 - 4096; i++) {
    text += line(i);
    if (i % 1000 === 500) text += `secret: ${encodings[(i / 1000) % encodings.length | 0]!(SECRETS[(i / 1000) % SECRETS.length | 0]!)}\n`;
  }
  return new TextEncoder().encode(text.padEnd(1024 * 1024, '.'));
}

function output(): Uint8Array {
  const block = oneMegabyte();
  const all = new Uint8Array(TOTAL);
  for (let at = 0; at < TOTAL; at += block.length) all.set(block.subarray(0, Math.min(block.length, TOTAL - at)), at);
  return all;
}

function time(run: () => void): number {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Median ms of each function over `rounds` rounds, one call of each per round, after a warm-up round. */
function interleaved(fns: Array<() => void>, rounds: number): number[] {
  for (const fn of fns) fn();
  const times = fns.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, i) => {
      const started = performance.now();
      fn();
      times[i]!.push(performance.now() - started);
    });
  }
  return times.map(median);
}

const hashingLog = (): LogWriter => {
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    relativePath: 'bench.log',
    append(chunk) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(data);
      bytes += data.length;
    },
    close: async () => ({ sha256: hash.digest('hex'), bytes }),
  };
};

const measures: Benchmark = async () => {
  const data = output();
  const masker = createSecretMasker(SECRETS);
  const mbps = (ms: number) => TOTAL / 1024 / 1024 / (ms / 1000);
  let sink = 0;

  const copy = (): void => {
    for (let at = 0; at < TOTAL; at += CHUNK) sink += data.slice(at, at + CHUNK).length;
  };
  let maskedBytes = 0;
  const mask = (): void => {
    const stream = masker.output();
    maskedBytes = 0;
    for (let at = 0, k = 0; at < TOTAL; at += CHUNK, k++) {
      for (const piece of stream.push(data.subarray(at, at + CHUNK), k % 2 ? 'stderr' : 'stdout')) maskedBytes += piece.bytes.length;
    }
    for (const piece of stream.end()) maskedBytes += piece.bytes.length;
  };
  const pipeline = (): void => {
    const step = new StepOutput(masker, hashingLog(), () => {}, undefined);
    for (let at = 0, k = 0; at < TOTAL; at += CHUNK, k++) void step.handle(data.subarray(at, at + CHUNK), k % 2 ? 'stderr' : 'stdout');
    void step.finish();
  };
  // Rounds interleaved, so that the machine's noise (the copy is memory-bound and swings 2x from
  // run to run here) hits the baseline and the measures alike.
  const [copyMs, maskMs, pipelineMs] = interleaved([copy, mask, pipeline], ROUNDS + 2) as [number, number, number];

  const as = 'a'.repeat(100_000);
  const expectMs = (source: string) => {
    const compiled = compileExpect(source);
    if (!compiled.ok) throw new Error(compiled.error);
    return time(() => {
      const matcher = compiled.matcher.stream();
      for (let at = 0; at < as.length; at += 4096) matcher.push(as.slice(at, at + 4096));
      sink += matcher.finish() ? 1 : 0;
    });
  };
  const plainExpectMs = expectMs('aaab');
  const redosMs = Math.max(expectMs('/(a+)+$/'), expectMs('/(a+)+b/'));

  // What the masked output still shows of the secrets (should be 0).
  const maskedBlock = Buffer.from(masker.maskBytes(data.subarray(0, 1024 * 1024)));
  const left = SECRETS.filter((secret) =>
    [secret, encodeURIComponent(secret), Buffer.from(secret).toString('hex')].some((form) => maskedBlock.includes(form)),
  ).length;

  const result: Measure[] = [
    {
      name: 'masking 100 MB, 5 secrets (OutputMasker)', value: maskMs, unit: 'ms', baseline: copyMs, ratio: maskMs / copyMs,
      goal: '<= 25x a plain copy, no secret left', pass: maskMs / copyMs <= 25 && left === 0,
      notes: { maskMBps: mbps(maskMs).toFixed(0), copyMBps: mbps(copyMs).toFixed(0), removedBytes: TOTAL - maskedBytes, secretsLeft: left },
    },
    {
      name: 'StepOutput 100 MB, 5 secrets (mask, decode, tails, hashed log)', value: pipelineMs, unit: 'ms', baseline: copyMs,
      ratio: pipelineMs / copyMs, goal: '<= 40x a plain copy', pass: pipelineMs / copyMs <= 40,
      notes: { MBps: mbps(pipelineMs).toFixed(0) },
    },
    {
      name: 'expect /(a+)+$/ and /(a+)+b/ on 100 KB of a (RE2)', value: redosMs, unit: 'ms', baseline: plainExpectMs,
      ratio: redosMs / plainExpectMs, goal: '< 100 ms (a backtracking engine never returns)', pass: redosMs < 100,
    },
  ];
  if (sink < 0) console.log(sink);
  return result;
};

export default measures;

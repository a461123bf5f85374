// Masks one process's output on its bytes: stdout and stderr together, in the order the chunks
// arrive (a secret whose first half went to stdout and the rest to stderr is still one
// secret; when the pipes deliver the halves apart, each half is masked as a piece, see
// secretForms.textForms), then handed back per stream. Everything but a secret span leaves
// byte for byte as it came (invalid UTF-8 included), so the log's SHA-256 is that of the
// output with only the secrets replaced. Only an ending that may still grow into a secret is
// held back (at most twice FormMatcher.maxSpan bytes, until the next chunk of either stream);
// a chunk that cannot start one passes at once, uncopied.
import type { OutputStream } from '../ports';
import type { FormMatcher } from './formMatcher';
import { concatBytes } from '../text/bytes';

export const MASK = '***';
const MASK_BYTES = new TextEncoder().encode(MASK);

/** Bytes to hand on to one stream. */
export interface MaskedPiece {
  stream: OutputStream;
  bytes: Uint8Array;
}

/** Where each stream's bytes begin in a buffer that mixes both. */
interface StreamRun {
  from: number;
  stream: OutputStream;
}

export class OutputMasker {
  private held: Uint8Array = new Uint8Array(0);
  private heldRuns: StreamRun[] = [];

  constructor(private readonly matcher: FormMatcher) {}

  /** How many bytes are held back now. */
  get heldBytes(): number {
    return this.held.length;
  }

  /** Returns what can be handed on now, in arrival order. */
  push(chunk: Uint8Array, stream: OutputStream): MaskedPiece[] {
    if (chunk.length === 0) return [];
    if (this.matcher.empty) return [{ stream, bytes: chunk }];
    let bytes = chunk;
    let runs: StreamRun[] = [{ from: 0, stream }];
    if (this.held.length > 0) {
      bytes = new Uint8Array(this.held.length + chunk.length);
      bytes.set(this.held);
      bytes.set(chunk, this.held.length);
      runs = this.heldRuns.at(-1)!.stream === stream ? this.heldRuns : [...this.heldRuns, { from: this.held.length, stream }];
    }
    return this.release(bytes, runs, false);
  }

  /** Everything still held, masked as a whole (the output has ended). */
  end(): MaskedPiece[] {
    if (this.held.length === 0) return [];
    return this.release(this.held, this.heldRuns, true);
  }

  private release(bytes: Uint8Array, runs: StreamRun[], final: boolean): MaskedPiece[] {
    const { spans, settled } = this.matcher.scan(bytes, bytes.length, final);
    this.held = settled < bytes.length ? bytes.slice(settled) : new Uint8Array(0);
    this.heldRuns = runs.filter((run, k) => (runs[k + 1]?.from ?? bytes.length) > settled)
      .map((run) => ({ from: Math.max(0, run.from - settled), stream: run.stream }));
    if (spans.length === 0 && runs.length === 1) {
      if (settled === 0) return [];
      return [{ stream: runs[0]!.stream, bytes: settled === bytes.length ? bytes : bytes.subarray(0, settled) }];
    }
    return piecesOf(bytes, runs, spans, settled);
  }
}

/** bytes[0..end) with every span replaced by MASK (credited to the stream its first byte came from). */
function piecesOf(bytes: Uint8Array, runs: readonly StreamRun[], spans: readonly number[], end: number): MaskedPiece[] {
  const parts: { stream: OutputStream; bytes: Uint8Array }[] = [];
  const streamAt = (offset: number): OutputStream => {
    let stream = runs[0]!.stream;
    for (const run of runs) if (run.from <= offset) stream = run.stream;
    return stream;
  };
  const copy = (from: number, to: number) => {
    for (let k = 0; k < runs.length && from < to; k++) {
      const runEnd = runs[k + 1]?.from ?? Infinity;
      if (runEnd <= from) continue;
      const cut = Math.min(runEnd, to);
      parts.push({ stream: runs[k]!.stream, bytes: bytes.subarray(from, cut) });
      from = cut;
    }
  };
  let cursor = 0;
  for (let k = 0; k < spans.length; k += 2) {
    copy(cursor, spans[k]!);
    parts.push({ stream: streamAt(spans[k]!), bytes: MASK_BYTES.slice() });
    cursor = spans[k + 1]!;
  }
  copy(cursor, end);
  return joinByStream(parts);
}

/** Neighbouring parts of one stream become one piece. */
function joinByStream(parts: MaskedPiece[]): MaskedPiece[] {
  const pieces: MaskedPiece[] = [];
  let group: MaskedPiece[] = [];
  const close = () => {
    if (group.length === 0) return;
    const joined = concatBytes(group.map((p) => p.bytes));
    if (joined.length > 0) pieces.push({ stream: group[0]!.stream, bytes: joined });
    group = [];
  };
  for (const part of parts) {
    if (group.length > 0 && group[0]!.stream !== part.stream) close();
    group.push(part);
  }
  close();
  return pieces;
}

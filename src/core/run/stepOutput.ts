// One step's output pipeline. Raw chunks of both streams go through one OutputMasker, in
// arrival order, on their bytes; what it releases goes
//   - to the log as bytes: the output byte for byte but for secret spans, which become ***
//     (invalid UTF-8 stays invalid, so the log's SHA-256 is that of the masked output);
//   - decoded per stream (invalid UTF-8 becomes U+FFFD) to the listeners, the bounded tails
//     for the outcome line, and the expect check.
import type { LogWriter, OutputStream } from '../ports';
import type { MaskedPiece, OutputMasker, SecretMasker } from '../secrets/secretMasker';
import { createExpectMatcher, type AnnotationMatcher } from './expectMatcher';
import { OutputTail } from './outputTail';
import { Utf8Stream } from './utf8Stream';
import { concatBytes } from '../text/bytes';

const STREAM_TAIL = 16 * 1024;
const COMBINED_TAIL = 64 * 1024;

export interface StepOutputResult {
  /** SHA-256 (hex) of the log as written; null without a log or when closing it failed. */
  logSha256: string | null;
  /** Bytes in the log (0 without one). */
  logBytes: number;
  /** The last 16 KiB of each stream and 64 KiB of both, decoded and masked. */
  stdoutTail: string;
  stderrTail: string;
  combinedTail: string;
  /** Whether the output matched the expect annotation (false without one). */
  expectMatched: boolean;
  /** Why the expect annotation could not be evaluated (an invalid regex), else null. */
  expectError: string | null;
  /** The first error the log reported; the log is incomplete from there on. */
  logError: string | null;
}

/** Decoded and masked text for a listener (panel, terminal); a returned promise is back-pressure. */
export type OutputListener = (text: string, stream: OutputStream) => Promise<void> | void;

export class StepOutput {
  private readonly masker: OutputMasker;
  private readonly decoders: Record<OutputStream, Utf8Stream> = { stdout: new Utf8Stream(), stderr: new Utf8Stream() };
  private readonly tails: Record<OutputStream, OutputTail> = { stdout: new OutputTail(STREAM_TAIL), stderr: new OutputTail(STREAM_TAIL) };
  private readonly combined = new OutputTail(COMBINED_TAIL);
  private readonly expect: AnnotationMatcher | null;
  private logError: string | null = null;

  constructor(
    secrets: SecretMasker,
    private readonly log: LogWriter | null,
    private readonly emit: OutputListener,
    expect: string | undefined,
  ) {
    this.masker = secrets.output();
    this.expect = expect === undefined ? null : createExpectMatcher(expect);
  }

  /** Handles one raw chunk; the returned promise (if any) is back-pressure from the log or a listener. */
  handle(chunk: Uint8Array, stream: OutputStream): Promise<void> | void {
    return this.pass(this.masker.push(chunk, stream));
  }

  /** Releases what was held back, closes the log and returns what the outcome needs. */
  async finish(): Promise<StepOutputResult> {
    await this.pass(this.masker.end());
    for (const stream of ['stdout', 'stderr'] as const) await this.deliver(this.decoders[stream].end(), stream);
    let logSha256: string | null = null;
    let logBytes = 0;
    if (this.log) {
      try {
        ({ sha256: logSha256, bytes: logBytes } = await this.log.close());
      } catch (error) {
        this.logError ??= errorMessage(error);
      }
    }
    return {
      logSha256,
      logBytes,
      stdoutTail: this.tails.stdout.text,
      stderrTail: this.tails.stderr.text,
      combinedTail: this.combined.text,
      expectMatched: this.expect?.finish() ?? false,
      expectError: this.expect?.error ?? null,
      logError: this.logError,
    };
  }

  private pass(pieces: MaskedPiece[]): Promise<void> | void {
    if (pieces.length === 0) return;
    const waits: Promise<void>[] = [];
    const writing = this.write(pieces.length === 1 ? pieces[0]!.bytes : concatBytes(pieces.map((p) => p.bytes)));
    if (writing) waits.push(writing);
    for (const piece of pieces) {
      const listening = this.deliver(this.decoders[piece.stream].decode(piece.bytes), piece.stream);
      if (listening) waits.push(listening);
    }
    if (waits.length === 0) return;
    return waits.length === 1 ? waits[0] : Promise.all(waits).then(() => undefined);
  }

  private deliver(text: string, stream: OutputStream): Promise<void> | void {
    if (text.length === 0) return;
    this.tails[stream].push(text);
    this.combined.push(text);
    this.expect?.push(text);
    return this.emit(text, stream);
  }

  private write(bytes: Uint8Array): Promise<void> | void {
    if (!this.log || bytes.length === 0 || this.logError) return;
    const fail = (error: unknown) => {
      this.logError ??= errorMessage(error);
    };
    try {
      return this.log.append(bytes)?.catch(fail);
    } catch (error) {
      fail(error);
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// One step's output pipeline: raw chunks -> decoded text (invalid UTF-8 becomes U+FFFD) ->
// masked -> listeners, bounded tails for the outcome line, the expect check, and the log.
// The log gets a chunk's raw bytes when masking left it untouched, else the masked text.
import type { LogWriter, OutputStream } from '../ports';
import { createExpectMatcher, type ExpectMatcher } from './expectMatcher';
import { OutputTail } from './outputTail';
import { Utf8Stream } from './utf8Stream';
import type { SecretMasker, StreamMasker } from './secretMasker';

const STREAM_TAIL = 16 * 1024;
const COMBINED_TAIL = 64 * 1024;

export interface StepOutputResult {
  logSha256: string | null;
  stdoutTail: string;
  stderrTail: string;
  combinedTail: string;
  expectMatched: boolean;
  logError: string | null;
}

interface StreamState {
  decoder: Utf8Stream;
  masker: StreamMasker;
  tail: OutputTail;
}

export class StepOutput {
  private readonly streams: Record<OutputStream, StreamState>;
  private readonly combined = new OutputTail(COMBINED_TAIL);
  private readonly expect: ExpectMatcher | null;
  private logError: string | null = null;

  constructor(
    private readonly masker: SecretMasker,
    private readonly log: LogWriter | null,
    private readonly emit: (text: string, stream: OutputStream) => Promise<void> | void,
    expect: string | undefined,
  ) {
    const state = (): StreamState => ({
      decoder: new Utf8Stream(),
      masker: masker.stream(),
      tail: new OutputTail(STREAM_TAIL),
    });
    this.streams = { stdout: state(), stderr: state() };
    this.expect = expect === undefined ? null : createExpectMatcher(expect);
  }

  /** Handles one raw chunk; the returned promise (if any) is back-pressure from the log or a listener. */
  handle(chunk: Uint8Array, stream: OutputStream): Promise<void> | void {
    const state = this.streams[stream];
    const text = state.masker.push(state.decoder.decode(chunk));
    const listening = this.deliver(text, stream);
    // The raw bytes when this chunk's text went out unchanged (keeps invalid UTF-8 as it was);
    // else the masked text.
    const verbatim = !this.masker.active || (state.decoder.verbatim && state.masker.verbatim);
    const writing = this.write(verbatim ? chunk : text);
    if (listening && writing) return Promise.all([listening, writing]).then(() => undefined);
    return listening ?? writing;
  }

  /** Flushes held-back text, closes the log and returns what the outcome needs. */
  async finish(): Promise<StepOutputResult> {
    for (const stream of ['stdout', 'stderr'] as const) {
      const state = this.streams[stream];
      const text = state.masker.push(state.decoder.end()) + state.masker.flush();
      await this.deliver(text, stream);
      if (this.masker.active) await this.write(text);
    }
    let logSha256: string | null = null;
    if (this.log) {
      try {
        logSha256 = await this.log.close();
      } catch (error) {
        this.logError ??= String((error as Error).message ?? error);
      }
    }
    return {
      logSha256,
      stdoutTail: this.streams.stdout.tail.text,
      stderrTail: this.streams.stderr.tail.text,
      combinedTail: this.combined.text,
      expectMatched: this.expect?.matched ?? false,
      logError: this.logError,
    };
  }

  private deliver(text: string, stream: OutputStream): Promise<void> | void {
    if (text.length === 0) return;
    this.streams[stream].tail.push(text);
    this.combined.push(text);
    this.expect?.push(text);
    return this.emit(text, stream);
  }

  private write(data: Uint8Array | string): Promise<void> | void {
    if (!this.log || data.length === 0 || this.logError) return;
    const fail = (error: unknown) => {
      this.logError ??= String((error as Error).message ?? error);
    };
    try {
      return this.log.append(data)?.catch(fail);
    } catch (error) {
      fail(error);
    }
  }
}

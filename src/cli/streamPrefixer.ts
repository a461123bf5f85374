// Step output on the terminal, one `[step-id] line` at a time, however the chunks of several
// steps interleave. Linear in the output whatever its shape:
//   - LF, CR LF and a lone CR each end a line, so `\r` progress output becomes one line per
//     update instead of one ever-growing line (a CR LF split across two chunks is one end);
//   - a line longer than `maxLineChars` is printed in pieces, each but the last ending with
//     CONTINUATION_MARK, so the text held per step stays bounded;
//   - every line is shown through terminalLine: colors kept, every other control character
//     (screen clear, window title, cursor movement) made visible.
import { terminalLine } from '../core/text/controlChars';
import type { TextSink } from './context';

export type { TextSink };

/** Ends a piece of a line that goes on in the next piece. */
export const CONTINUATION_MARK = '↩';
const DEFAULT_MAX_LINE_CHARS = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;

export interface StreamPrefixerOptions {
  /** Longest piece of one line printed at once (UTF-16 code units); default 64 Ki. */
  maxLineChars?: number;
  /** Show control characters as is instead of through terminalLine (default false). */
  raw?: boolean;
}

interface StepLine {
  readonly prefix: string;
  /** The line so far: at most maxLineChars. */
  text: string;
  /** The last chunk ended with CR: a LF at the start of the next one ends nothing more. */
  afterCr: boolean;
}

export class StreamPrefixer {
  private readonly steps = new Map<string, StepLine>();
  private readonly max: number;
  private readonly show: (line: string) => string;

  constructor(private readonly sink: TextSink, options: StreamPrefixerOptions = {}) {
    this.max = Math.max(2, options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS);
    this.show = options.raw ? (line) => line : (line) => terminalLine(line, { keepColors: true });
  }

  write(stepId: string, text: string): void {
    const step = this.step(stepId);
    const out: string[] = [];
    let at = 0;
    if (step.afterCr) {
      step.afterCr = false;
      if (text.charCodeAt(0) === LF) at = 1;
    }
    let nextLf = text.indexOf('\n', at);
    let nextCr = text.indexOf('\r', at);
    while (at < text.length) {
      if (nextLf !== -1 && nextLf < at) nextLf = text.indexOf('\n', at);
      if (nextCr !== -1 && nextCr < at) nextCr = text.indexOf('\r', at);
      const end = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
      at = this.cutLongLine(step, text, at, end === -1 ? text.length : end, out);
      if (end === -1) {
        step.text += text.slice(at);
        break;
      }
      out.push(this.line(step, step.text + text.slice(at, end), false));
      step.text = '';
      at = end + 1;
      if (text.charCodeAt(end) === CR) {
        if (at === text.length) step.afterCr = true;
        else if (text.charCodeAt(at) === LF) at++;
      }
    }
    if (out.length > 0) this.sink.write(out.join(''));
  }

  /** Prints what is left of a step's last line (output without a final line end). */
  flush(stepId: string): void {
    const step = this.steps.get(stepId);
    if (!step) return;
    if (step.text !== '') this.sink.write(this.line(step, step.text, false));
    this.steps.delete(stepId);
  }

  flushAll(): void {
    for (const stepId of [...this.steps.keys()]) this.flush(stepId);
  }

  private step(stepId: string): StepLine {
    let step = this.steps.get(stepId);
    if (!step) {
      step = { prefix: `[${terminalLine(stepId)}] `, text: '', afterCr: false };
      this.steps.set(stepId, step);
    }
    return step;
  }

  /** Prints full pieces while the line would grow past the limit; returns where the rest starts. */
  private cutLongLine(step: StepLine, text: string, at: number, end: number, out: string[]): number {
    while (step.text.length + (end - at) > this.max) {
      let take = this.max - step.text.length;
      // Never split a surrogate pair between two pieces.
      if (take > 0 && isHighSurrogate(text.charCodeAt(at + take - 1))) take--;
      out.push(this.line(step, step.text + text.slice(at, at + take), true));
      step.text = '';
      at += take;
    }
    return at;
  }

  private line(step: StepLine, body: string, continues: boolean): string {
    return `${step.prefix}${this.show(body)}${continues ? CONTINUATION_MARK : ''}\n`;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

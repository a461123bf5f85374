// The running step's output: ANSI colours as classed spans (text only), `\r` rewriting the
// current line, rendered from a queue in small slices per animation frame so a burst of
// megabytes never stalls the workbench, at most PANEL_OUTPUT_LINES lines on screen, and
// pinned to the bottom while it streams unless the user scrolled up to read.
import { cleanTerminalText, carrySgr, safeCut, styleRuns } from './ansi';

/** Characters rendered per slice; slices stop for the frame after SLICE_MS. */
const SLICE_CHARS = 8 * 1024;
const SLICE_MS = 6;
/** A queue this long is a burst: only its last lines are rendered. */
const BURST_CHARS = 128 * 1024;

export interface OutputViewOptions {
  maxLines: number;
  /** Shown when lines were dropped from the top; the full log is on disk. */
  onOpenFullLog(): void;
}

export class OutputView {
  private queue: string[] = [];
  private queued = 0;
  private held = '';
  private carry = '';
  private current: HTMLElement;
  private lines = 0;
  private dropped = 0;
  private skippedChars = 0;
  private pinned = true;
  private scheduled = false;
  private readonly notice: HTMLElement;
  /** Raw text seen since the last reset (bounded), for getState across reloads. */
  private tail = '';

  constructor(
    readonly element: HTMLElement,
    private readonly options: OutputViewOptions,
  ) {
    this.notice = document.createElement('div');
    this.notice.className = 'output-notice';
    this.current = this.newLine();
    element.addEventListener('scroll', () => {
      // A scroll the user made: stay pinned only while they are at the bottom.
      this.pinned = element.scrollTop + element.clientHeight >= element.scrollHeight - 8;
    });
  }

  /** Clears the view (a new attempt, another runbook, a reset run). */
  reset(): void {
    this.queue = [];
    this.queued = 0;
    this.held = '';
    this.carry = '';
    this.lines = 0;
    this.dropped = 0;
    this.skippedChars = 0;
    this.tail = '';
    this.pinned = true;
    this.element.replaceChildren();
    this.current = this.newLine();
  }

  /** `chars` of output were not sent (a burst): they count as dropped, and a new line starts. */
  skipped(chars: number): void {
    this.queue.push('\n');
    this.queued += 1;
    this.skippedChars += chars;
    this.schedule();
  }

  append(text: string): void {
    if (!text) return;
    this.tail = (this.tail + text).slice(-64 * 1024);
    this.queue.push(text);
    this.queued += text.length;
    this.schedule();
  }

  /** The latest raw output (bounded), to restore after a reload. */
  snapshot(): string {
    return this.tail;
  }

  /** Everything queued is rendered (tests, and before a snapshot of the DOM). */
  get idle(): boolean {
    return this.queued === 0 && !this.scheduled;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const started = performance.now();
    this.skipToTail();
    while (this.queue.length > 0 && performance.now() - started < SLICE_MS) {
      let text = this.held + this.take(SLICE_CHARS);
      const cut = safeCut(text);
      this.held = text.slice(cut);
      text = text.slice(0, cut);
      // A trailing \r may be the first half of \r\n: wait for the next piece.
      if (text.endsWith('\r') && this.queue.length > 0) {
        this.held = '\r' + this.held;
        text = text.slice(0, -1);
      }
      this.render(text);
    }
    this.trim();
    if (this.pinned) this.element.scrollTop = this.element.scrollHeight;
    if (this.queue.length > 0) this.schedule();
  }

  private take(limit: number): string {
    let taken = '';
    while (this.queue.length > 0 && taken.length < limit) {
      const next = this.queue[0]!;
      const room = limit - taken.length;
      if (next.length <= room) {
        taken += next;
        this.queue.shift();
      } else {
        taken += next.slice(0, room);
        this.queue[0] = next.slice(room);
      }
    }
    this.queued -= taken.length;
    return taken;
  }

  /**
   * A burst far larger than what stays on screen: render only its last lines. The colour
   * codes of the skipped part are still followed, so the lines shown keep their colours.
   */
  private skipToTail(): void {
    if (this.queued < BURST_CHARS) return;
    const all = this.held + this.queue.join('');
    let index = all.length;
    for (let n = 0; n < this.options.maxLines && index > 0; n++) index = all.lastIndexOf('\n', index - 1);
    if (index <= 0) return;
    const skipped = all.slice(0, index + 1);
    this.carry = carrySgr(this.carry, skipped);
    const skippedLines = (skipped.match(/\n/g) ?? []).length;
    this.dropped += this.lines + skippedLines;
    this.element.replaceChildren();
    this.lines = 0;
    this.current = this.newLine();
    this.queue = [all.slice(index + 1)];
    this.queued = this.queue[0]!.length;
    this.held = '';
  }

  private render(text: string): void {
    const parts = cleanTerminalText(text).split(/(\r\n|\n|\r)/);
    for (const part of parts) {
      if (part === '\n' || part === '\r\n') {
        this.current = this.newLine();
      } else if (part === '\r') {
        // Carriage return: what follows rewrites the line (progress bars).
        this.current.replaceChildren();
      } else if (part !== '') {
        const { runs, carry } = styleRuns(part, this.carry);
        this.carry = carry;
        for (const run of runs) {
          const span = document.createElement('span');
          if (run.classes.length > 0) span.className = run.classes.join(' ');
          if (run.color) span.style.color = run.color;
          if (run.background) span.style.backgroundColor = run.background;
          span.textContent = run.text;
          this.current.append(span);
        }
      }
    }
  }

  private newLine(): HTMLElement {
    const line = document.createElement('div');
    line.className = 'line';
    this.element.append(line);
    this.lines++;
    return line;
  }

  private trim(): void {
    let extra = this.lines - this.options.maxLines;
    if (extra <= 0 && this.dropped === 0 && this.skippedChars === 0) return;
    while (extra > 0) {
      const first = this.element.firstElementChild === this.notice ? this.notice.nextElementSibling : this.element.firstElementChild;
      if (!first || first === this.current) break;
      first.remove();
      this.lines--;
      this.dropped++;
      extra--;
    }
    if (this.dropped > 0 || this.skippedChars > 0) {
      this.notice.replaceChildren();
      const parts = [];
      if (this.dropped > 0) parts.push(`${this.dropped} earlier line${this.dropped === 1 ? '' : 's'}`);
      if (this.skippedChars > 0) parts.push(`${Math.round(this.skippedChars / 1024)} KB of a burst`);
      this.notice.append(`… ${parts.join(' and ')} not shown. `);
      const link = document.createElement('a');
      link.textContent = 'Open full log';
      link.href = '#';
      link.addEventListener('click', (event) => {
        event.preventDefault();
        this.options.onOpenFullLog();
      });
      this.notice.append(link);
      if (this.element.firstChild !== this.notice) this.element.prepend(this.notice);
    }
  }
}

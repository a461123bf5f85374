// Emphasis, strong emphasis and GFM strikethrough from runs of `*`, `_` and `~`: CommonMark's
// delimiter-stack algorithm with its lower bounds per kind of closer, so that every closer
// looks back over each opener at most once (linear time on any input).
import { Inline, depthBetween } from './inlineNodes';
import { MAX_INLINE_DEPTH } from '../limits';

export interface Delimiter {
  node: Inline;
  char: number;
  /** Delimiters left in the run. */
  count: number;
  canOpen: boolean;
  canClose: boolean;
  previous: Delimiter | null;
  next: Delimiter | null;
}

const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** 1 whitespace (or nothing), 2 punctuation, 0 anything else: micromark's classes, per UTF-16 unit. */
function classify(code: number): number {
  if (code < 0 || code === 32 || code === 9 || code === 10 || code === 13) return 1;
  const ch = String.fromCharCode(code);
  if (WHITESPACE.test(ch)) return 1;
  return PUNCTUATION.test(ch) ? 2 : 0;
}

/**
 * Whether a run of `char` from `start` to `end` may open and may close (micromark's rules: a
 * `~` next to `*` or `_` counts as a letter, so `*~a~*` opens and closes).
 */
export function flanking(s: string, start: number, end: number, char: number): { canOpen: boolean; canClose: boolean } {
  const previous = start > 0 ? s.charCodeAt(start - 1) : -1;
  const next = end < s.length ? s.charCodeAt(end) : -1;
  const before = classify(previous);
  const after = classify(next);
  const tilde = char !== 126;
  const open = after === 0 || (after === 2 && before !== 0) || (tilde && next === 126);
  const close = before === 0 || (before === 2 && after !== 0) || (tilde && previous === 126);
  if (char === 95) return { canOpen: open && (before !== 0 || !close), canClose: close && (after !== 0 || !open) };
  return { canOpen: open, canClose: close };
}

export class DelimiterStack {
  top: Delimiter | null = null;
  /** Whether a `~` run came before any `*` or `_` run: micromark resolves first what came first. */
  private tildesFirst: boolean | null = null;

  reset(): void {
    this.top = null;
    this.tildesFirst = null;
  }

  /** A run was read (whether or not it can open or close): which kind came first counts. */
  noteRun(char: number): void {
    this.tildesFirst ??= char === 126;
  }

  push(delimiter: Delimiter): void {
    delimiter.previous = this.top;
    if (this.top) this.top.next = delimiter;
    this.top = delimiter;
  }

  remove(delimiter: Delimiter): void {
    if (delimiter.previous) delimiter.previous.next = delimiter.next;
    if (delimiter.next) delimiter.next.previous = delimiter.previous;
    else this.top = delimiter.previous;
  }

  /**
   * Resolves every delimiter above `bottom`. micromark resolves emphasis and strikethrough
   * apart, in the order the paragraph first used them (in a link's text, emphasis first), so
   * `~` never blocks `*` and pairs that would cross do not form.
   */
  process(bottom: Delimiter | null, insideLink = false): void {
    const tildesFirst = !insideLink && this.tildesFirst === true;
    this.pass(bottom, tildesFirst);
    this.pass(bottom, !tildesFirst);
    while (this.top && this.top !== bottom) this.remove(this.top);
  }

  private pass(bottom: Delimiter | null, tildes: boolean): void {
    // Lower bound per kind of closer: no opener at or below it can pair with such a closer.
    const openersBottom = new Map<number, Delimiter | null>();
    let closer = this.top === bottom ? null : this.top;
    while (closer && closer.previous !== bottom) closer = closer.previous;
    while (closer) {
      if (!closer.canClose || (closer.char === 126) !== tildes) {
        closer = closer.next;
        continue;
      }
      const key = tildes ? closer.count : closer.char * 10 + (closer.canOpen ? 3 : 0) + (closer.count % 3);
      const floor = openersBottom.has(key) ? openersBottom.get(key) ?? null : bottom;
      let opener = closer.previous;
      while (opener && opener !== bottom && opener !== floor) {
        if (opener.char === closer.char && opener.canOpen && this.pairs(opener, closer)) break;
        opener = opener.previous;
      }
      const current: Delimiter = closer;
      // A pair must be siblings: one inside what the first pass made and one outside is none.
      const found = opener && opener !== bottom && opener !== floor && opener.node.parent === current.node.parent ? opener : null;
      if (found) {
        // The opener's size changes: bounds above it must let it be looked at again.
        for (const [k, floorOf] of openersBottom) {
          if (floorOf && floorOf.node.start >= found.node.start) openersBottom.set(k, found.previous);
        }
        closer = this.match(found, current);
      } else {
        openersBottom.set(key, current.previous);
        const next: Delimiter | null = current.next;
        if (!current.canOpen) this.remove(current);
        closer = next;
      }
    }
  }

  /** micromark's rule of three, on the sizes left in both runs (CommonMark uses the original ones). */
  private pairs(opener: Delimiter, closer: Delimiter): boolean {
    if (closer.char === 126) return opener.count === closer.count;
    const odd = (closer.canOpen || opener.canClose) && closer.count % 3 !== 0 && (opener.count + closer.count) % 3 === 0;
    return !odd;
  }

  /** Wraps what lies between a matched pair; the closer to look at next. */
  private match(opener: Delimiter, closer: Delimiter): Delimiter | null {
    // Delimiters in between stay text (`~` ones wait for their own pass).
    const tilde = closer.char === 126;
    for (let d = closer.previous; d && d !== opener; d = d.previous) if ((d.char === 126) === tilde) this.remove(d);
    const use = closer.char === 126 ? closer.count : closer.count >= 2 && opener.count >= 2 ? 2 : 1;
    const openNode = opener.node;
    const closeNode = closer.node;
    if (depthBetween(openNode, closeNode) >= MAX_INLINE_DEPTH) {
      // Too deep: both runs stay text, and what they held becomes one flat group.
      const group = new Inline('group', '', openNode.end, closeNode.start);
      group.adoptBetween(openNode, closeNode);
      group.depth -= 1;
      openNode.insertAfter(group);
      this.remove(opener);
      const next = closer.next;
      this.remove(closer);
      return next;
    }
    opener.count -= use;
    closer.count -= use;
    openNode.end -= use;
    openNode.value = openNode.value.slice(0, openNode.value.length - use);
    closeNode.start += use;
    closeNode.value = closeNode.value.slice(use);
    const type = closer.char === 126 ? 'delete' : use === 1 ? 'emphasis' : 'strong';
    const wrapper = new Inline(type, '', openNode.end, closeNode.start);
    wrapper.adoptBetween(openNode, closeNode);
    openNode.insertAfter(wrapper);
    if (opener.count === 0) {
      openNode.unlink();
      this.remove(opener);
    }
    if (closer.count === 0) {
      closeNode.unlink();
      const next = closer.next;
      this.remove(closer);
      return next;
    }
    return closer;
  }
}

// The block pass: one walk over the lines with the stack of open blocks (CommonMark's
// two-phase algorithm, as in commonmark.js). Each line first continues the open containers,
// then may open new blocks, and what is left is text for the innermost leaf. Work per line is
// bounded by the container depth, which is capped, so the pass is linear in the input.
//
// Where block quotes and lists end follows micromark: a container closes at the end of the
// last line before it that has content or a `>` ("solid"), except on a line that opens a new
// container after a continued `>` (or after a fence that took the line ending): there it ends
// where that line's continued prefix ends.
import { LineCursor } from './lineCursor';
import { Block, type BlockType, type Definition, type Point } from './types';
import { openBlocks } from './blockStarts';
import { continues, type LineFacts } from './continuation';
import { htmlBlockEnds } from './htmlBlocks';
import { splitRow } from './tables';
import { htmlHeadsTable } from './tableLookahead';
import { finalizeBlock } from './finalize';
import { MAX_CONTAINER_DEPTH, type NestingLimit } from '../limits';

export interface BlockTree {
  root: Block;
  definitions: Map<string, Definition>;
  limit: NestingLimit | null;
}

/** Characters that can begin a block other than a paragraph (the scan skips the rest quickly). */
function maybeSpecial(c: number): boolean {
  // # ` ~ * + _ = < > - | : digits
  return c === 35 || c === 96 || c === 126 || c === 42 || c === 43 || c === 95 || c === 61 || c === 60 || c === 62
    || c === 45 || c === 124 || c === 58 || (c >= 48 && c <= 57);
}

function canContain(parent: BlockType, child: BlockType): boolean {
  if (parent === 'root' || parent === 'blockquote' || parent === 'listItem') return child !== 'listItem';
  return parent === 'list' && child === 'listItem';
}

function absorbsLineEnding(block: Block): boolean {
  return (block.type === 'code' && block.fenced) || (block.type === 'html' && block.htmlType <= 5);
}

export class BlockScanner {
  readonly cursor = new LineCursor();
  readonly root = new Block('root', { line: 1, column: 1 });
  readonly definitions = new Map<string, Definition>();
  tip: Block = this.root;
  private oldTip: Block = this.root;
  private lastMatched: Block = this.root;
  allClosed = true;
  /** Set by an opener that used up the rest of the line (a heading, a fence's info string). */
  lineDone = false;
  /**
   * New containers on this line interrupt an open paragraph or indented code: micromark then
   * refuses an empty item or one not numbered 1, nested ones too.
   */
  interrupting = false;
  /** The line is the input's last and has no line ending. */
  lastUnterminated = false;
  /** The line after the current one, if any. */
  nextLine: string | undefined = undefined;
  /** The current line's terminator (LF, CRLF or CR; empty for an unterminated last line). */
  lineEnding = '\n';
  limit: NestingLimit | null = null;
  private readonly facts: LineFacts = { quoted: false, codeIndented: true };
  /** Offset on the line after the prefixes of the containers it continued. */
  private continuedOffset = 0;
  /** Where an open code block's part of this line begins (after its containers), or -1. */
  private leafFrom = -1;
  /** End of the last line with content or a continued `>`, before the current line. */
  private lastSolidEnd: Point = { line: 1, column: 1 };
  /** Where block quotes and lists closed on this line end. */
  private closeAt: Point = { line: 1, column: 1 };
  /** The line went to a fence, HTML or indented code: containers closing later end after it. */
  private lineInLeaf = false;

  /** Whether one more container fits here; records the first marker refused for depth. */
  allowsContainer(container: Block): boolean {
    if (container.containerDepth < MAX_CONTAINER_DEPTH) return true;
    if (!this.limit) this.limit = { line: this.cursor.lineNumber, column: this.cursor.nextNonspace + 1, lineLength: this.cursor.line.length };
    return false;
  }

  /** Closes the blocks that the current line did not continue. */
  closeUnmatched(): void {
    if (this.allClosed) return;
    while (this.oldTip !== this.lastMatched) {
      const parent = this.oldTip.parent;
      this.finalize(this.oldTip);
      if (!parent) break;
      this.oldTip = parent;
    }
    this.allClosed = true;
  }

  /**
   * Closes unmatched blocks for a line that opens a container. micromark reads such a line as
   * no lazy line: an open fence or HTML block (kinds 1-5) keeps the line ending before it and
   * ends at column 1 here. `sibling`: the new container is the next item of a continued list.
   */
  closeUnmatchedForContainer(sibling: boolean): void {
    let absorbed = false;
    if (!this.allClosed && absorbsLineEnding(this.oldTip)) {
      this.oldTip.end = { line: this.cursor.lineNumber, column: 1 };
      this.oldTip.endsAfterLineEnding = true;
      absorbed = true;
    }
    if (absorbed || (this.facts.quoted && !sibling)) this.closeAt = { line: this.cursor.lineNumber, column: this.continuedOffset + 1 };
    this.closeUnmatched();
  }

  /** Some container did not continue on this line and no new one opened: a lazy line. */
  lazyLine(): boolean {
    for (let b: Block | null = this.oldTip; b && b !== this.lastMatched; b = b.parent) {
      if (b.type === 'blockquote' || b.type === 'listItem') return !this.allClosed;
    }
    return false;
  }

  /** A kind-7 HTML block opened on a lazy line stays in the paragraph's container (micromark). */
  keepLazyContainers(): void {
    if (!this.allClosed && this.tip.type === 'paragraph' && !this.lastUnterminated) this.lastMatched = this.tip.parent ?? this.root;
  }

  addChild(type: BlockType, offset: number): Block {
    while (!canContain(this.tip.type, type)) this.finalize(this.tip);
    const child = new Block(type, { line: this.cursor.lineNumber, column: offset + 1 });
    child.containerDepth = this.tip.containerDepth + (type === 'blockquote' || type === 'listItem' ? 1 : 0);
    this.tip.append(child);
    this.tip = child;
    return child;
  }

  finalize(block: Block): void {
    block.open = false;
    if (block.type === 'blockquote' || block.type === 'list') block.end = { ...this.closeAt };
    finalizeBlock(block, this.definitions);
    this.tip = block.parent ?? this.root;
  }

  /** The end of the current line, as a point. */
  lineEnd(): Point {
    return { line: this.cursor.lineNumber, column: this.cursor.line.length + 1 };
  }

  addLine(): void {
    const c = this.cursor;
    const block = this.tip;
    if (block.type === 'paragraph') {
      const headable = !c.indented; // a lazy line may head a table too (micromark)
      // What a container left of a tab counts as spaces (code spans keep this prefix).
      const prefix = c.partialTab ? ' '.repeat(4 - (c.column % 4)) + c.line.slice(c.offset + 1, c.nextNonspace) : c.line.slice(c.offset, c.nextNonspace);
      c.advanceNextNonspace();
      if (block.segments.length === 0) {
        // Definitions took every earlier line: the paragraph starts here.
        block.start.line = c.lineNumber;
        block.start.column = c.offset + 1;
      }
      block.segments.push({ line: c.lineNumber, column: c.offset + 1, text: c.line.slice(c.offset), headable, prefix, ending: this.lineEnding });
      block.end = this.lineEnd();
    } else if (block.type === 'code') {
      const text = c.rest();
      block.addLine(text, this.lineEnding);
      // Indented code ends at its last line with content or indented 4 columns.
      if (block.fenced || this.facts.codeIndented || /[^ \t]/.test(text)) {
        // micromark ends a fence at the start of a last, unterminated line that holds nothing
        // but its containers' prefixes ("- ```\n  " ends at 2:1; ">  ```\n>  " at 2:4).
        block.end = this.lineEnd();
        block.itemEnd = null;
        if (this.lastUnterminated && block.fenced && block.containerDepth > 0 && this.leafFrom === c.line.length) {
          block.itemEnd = block.end; // the item still ends at the end of the line
          block.end = { line: c.lineNumber, column: 1 };
        }
        block.keptLines = block.lines.length;
        this.lineInLeaf = true;
      }
    } else if (block.type === 'html') {
      block.addLine(c.rest(), this.lineEnding);
      block.end = this.lineEnd();
      this.lineInLeaf = true;
    }
  }

  line(text: string, lineNumber: number): void {
    const c = this.cursor;
    c.reset(text, lineNumber);
    this.lineDone = false;
    this.facts.quoted = false;
    this.facts.codeIndented = true;
    this.lineInLeaf = false;
    this.closeAt = this.lastSolidEnd;
    this.leafFrom = -1;
    let container: Block = this.root;
    this.oldTip = this.tip;
    let last: Block | undefined;
    let closedFence = false;
    while ((last = container.lastChild) && last.open) {
      container = last;
      c.findNextNonspace();
      if (container.type === 'code') this.leafFrom = c.offset;
      const result = continues(container, c, this.facts);
      if (result === 2) {
        container.closedByFence = true;
        container.end = this.lineEnd();
        this.finalize(container);
        this.continuedOffset = 0;
        closedFence = true;
        break;
      }
      if (result === 1) {
        container = container.parent ?? this.root;
        break;
      }
    }
    if (!closedFence) this.blocks(container);
    if (this.facts.quoted || this.lineInLeaf || /[^ \t]/.test(text.slice(this.continuedOffset))) this.lastSolidEnd = this.lineEnd();
  }

  /** Openers, then what is left of the line: text, a row, or a blank. */
  private blocks(matched: Block): void {
    const c = this.cursor;
    let container = matched;
    this.allClosed = container === this.oldTip;
    this.lastMatched = container;
    this.continuedOffset = c.offset;
    // The input ends right after this line's `>`: containers close at the end of the input.
    if (this.lastUnterminated && this.facts.quoted && c.offset === c.line.length) this.closeAt = this.lineEnd();
    // micromark refuses such items while a paragraph or indented code is still open in the
    // innermost container (before it knows whether the code goes on).
    const tip = this.oldTip;
    this.interrupting = (tip.type === 'paragraph' && container === tip) || (tip.type === 'code' && !tip.fenced && !tip.lazyStart && container === tip.parent);
    if (container.type !== 'code' && container.type !== 'html') {
      for (;;) {
        c.findNextNonspace();
        if (!c.indented && !maybeSpecial(c.charAt(c.nextNonspace))) break;
        const opened = openBlocks(this, container);
        if (opened === 0) break;
        container = this.tip;
        if (opened === 2) break;
      }
    }
    if (!this.lineDone) this.rest(container);
  }

  private rest(container: Block): void {
    const c = this.cursor;
    if (!this.allClosed && !c.blank && this.tip.type === 'paragraph') {
      this.addLine(); // a lazy continuation line
      return;
    }
    this.closeUnmatched();
    if (container.type === 'code' || container.type === 'html') {
      this.addLine();
      if (container.type === 'html' && container.htmlType <= 5 && container.htmlType > 0) {
        const from = container.lines.length === 1 ? container.htmlSearchFrom : c.offset;
        if (htmlBlockEnds(container.htmlType, c.line, from)) this.finalize(container);
      }
    } else if (container.type === 'table' && !c.blank) {
      c.advanceNextNonspace();
      container.rows.push(splitRow({ line: c.lineNumber, column: c.offset + 1, text: c.line.slice(c.offset), headable: false, prefix: '', ending: '\n' }));
      container.end = this.lineEnd();
    } else if (container.type === 'paragraph' && !c.blank && (c.indented || !htmlHeadsTable(c.restFromNonspace(), this.nextLine, container))) {
      // (A tag line indented 4 columns cannot open an HTML block: it stays paragraph text.)
      this.addLine();
    } else if (container.type === 'paragraph' && !c.blank) {
      // The paragraph ends; the tag line opens an HTML block that goes on to a blank line.
      this.finalize(container);
      const html = this.addChild('html', c.offset);
      html.htmlType = 7;
      this.addLine();
    } else if (!c.blank) {
      c.advanceNextNonspace();
      this.addChild('paragraph', c.offset);
      this.addLine();
    }
  }

  /** Closes everything at the end of the input; `eof` is where the input ends. */
  finish(eof: Point, endsWithNewline: boolean): BlockTree {
    this.closeAt = this.lastSolidEnd;
    const tip = this.tip;
    // An open fence or HTML block takes the final line ending when no block quote holds it
    // (a list item goes on over the empty last line, a block quote does not).
    if (endsWithNewline && absorbsLineEnding(tip)) {
      let quoted = false;
      for (let b = tip.parent; b && !quoted; b = b.parent) quoted = b.type === 'blockquote';
      if (!quoted) {
        tip.endsAfterLineEnding = true;
        tip.end = eof;
        this.closeAt = eof;
      }
    }
    while (this.tip !== this.root) this.finalize(this.tip);
    this.finalize(this.root);
    this.root.end = eof;
    return { root: this.root, definitions: this.definitions, limit: this.limit };
  }
}

/**
 * Scans `lines` (terminators removed; no phantom line after a final terminator). `ends` holds
 * each line's terminator when some is not LF (values keep them, as remark's do).
 */
export function scanBlocks(lines: readonly string[], ends: readonly string[] | null, eof: Point, endsWithNewline: boolean): BlockTree {
  const scanner = new BlockScanner();
  for (let i = 0; i < lines.length; i++) {
    scanner.lastUnterminated = !endsWithNewline && i === lines.length - 1;
    scanner.nextLine = lines[i + 1];
    scanner.lineEnding = ends ? ends[i] ?? '' : '\n';
    scanner.line(lines[i] ?? '', i + 1);
  }
  return scanner.finish(eof, endsWithNewline);
}

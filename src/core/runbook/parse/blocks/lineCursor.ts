// Where the scanner stands on the current line: an offset into the string and a column that
// expands tabs to stops of 4 (CommonMark's rule for indentation). A tab can be consumed in
// part (a list item's content may start in the middle of one), which `partialTab` records.

export const CODE_INDENT = 4;

export class LineCursor {
  line = '';
  lineNumber = 0;
  offset = 0;
  column = 0;
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  indent = 0;
  indented = false;
  blank = false;
  partialTab = false;
  /** Per marker (`*`, `_`, `-`), where this line's thematic-break tail starts; computed on demand. */
  private readonly breakTails = new Map<number, { other: number; third: number }>();

  reset(line: string, lineNumber: number): void {
    if (this.breakTails.size > 0) this.breakTails.clear();
    this.line = line;
    this.lineNumber = lineNumber;
    this.offset = 0;
    this.column = 0;
    this.partialTab = false;
    this.findNextNonspace();
  }

  charAt(offset: number): number {
    return offset < this.line.length ? this.line.charCodeAt(offset) : -1;
  }

  findNextNonspace(): void {
    let i = this.offset;
    let columns = this.column;
    let c = this.charAt(i);
    while (c === 32 || c === 9) {
      columns = c === 32 ? columns + 1 : columns + 4 - (columns % 4);
      c = this.charAt(++i);
    }
    this.blank = c === -1;
    this.nextNonspace = i;
    this.nextNonspaceColumn = columns;
    this.indent = columns - this.column;
    this.indented = this.indent >= CODE_INDENT;
  }

  advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partialTab = false;
  }

  /** Moves `count` characters, or `count` columns when `columns` (a tab may then be split). */
  advance(count: number, columns: boolean): void {
    while (count > 0 && this.offset < this.line.length) {
      if (this.line.charCodeAt(this.offset) === 9) {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          this.partialTab = toTab > count;
          const step = toTab > count ? count : toTab;
          this.column += step;
          if (!this.partialTab) this.offset++;
          count -= step;
        } else {
          this.partialTab = false;
          this.column += toTab;
          this.offset++;
          count--;
        }
      } else {
        this.partialTab = false;
        this.offset++;
        this.column++;
        count--;
      }
    }
  }

  /** The rest of the line from the cursor, a partly consumed tab given back as spaces. */
  rest(): string {
    if (!this.partialTab) return this.line.slice(this.offset);
    return ' '.repeat(4 - (this.column % 4)) + this.line.slice(this.offset + 1);
  }

  restFromNonspace(): string {
    return this.line.slice(this.nextNonspace);
  }

  /** Whether anything but whitespace (as String#trim sees it) follows `offset` on the line. */
  contentFrom(offset: number): boolean {
    NON_SPACE.lastIndex = offset;
    return NON_SPACE.test(this.line);
  }

  /**
   * "- - -", "***", "___ _" from `offset` to the end of the line: three or more of one marker
   * and only spaces or tabs between. Each nesting level of "- - - … x" asks again from further
   * in; the tail is read once per line, from its end, so the line is not scanned once per level.
   */
  thematicBreakAt(offset: number): boolean {
    const marker = this.charAt(offset);
    if (marker !== 42 && marker !== 95 && marker !== 45) return false;
    let tail = this.breakTails.get(marker);
    if (!tail) {
      tail = { other: -1, third: -1 };
      let seen = 0;
      for (let i = this.line.length - 1; i >= 0; i--) {
        const c = this.line.charCodeAt(i);
        if (c === marker) {
          if (++seen === 3) tail.third = i;
        } else if (c !== 32 && c !== 9) {
          tail.other = i;
          break;
        }
      }
      this.breakTails.set(marker, tail);
    }
    return tail.other < offset && tail.third >= offset;
  }
}

const NON_SPACE = /\S/g;

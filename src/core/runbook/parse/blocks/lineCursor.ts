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

  reset(line: string, lineNumber: number): void {
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
}

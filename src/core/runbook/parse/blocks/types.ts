// The scanner's own block tree: mutable while lines arrive, turned into mdast once closed.
// Points are 1-based lines and columns in UTF-16 code units, as micromark reports them.

export interface Point {
  line: number;
  column: number;
}

/** One line of inline content: its text and where that text starts in the source. */
export interface Segment {
  line: number;
  column: number;
  text: string;
  /** Whether this line may head a table: indented less than 4 columns. */
  headable: boolean;
  /** Whitespace before `text` on a continuation line (code spans keep it, text drops it). */
  prefix: string;
  /** The line's terminator (LF, CRLF or CR). */
  ending: string;
}

export type BlockType =
  | 'root' | 'blockquote' | 'list' | 'listItem' | 'paragraph' | 'heading' | 'thematicBreak'
  | 'code' | 'html' | 'table' | 'definition';

export interface ListData {
  ordered: boolean;
  /** The bullet (`-`, `+`, `*`) or the delimiter after the number (`.`, `)`). */
  marker: string;
  start: number | null;
  /** Columns of indentation before the marker. */
  markerOffset: number;
  /** Columns from the marker's start to the item's content. */
  padding: number;
}

export interface TableCell {
  /** Where the cell starts (its leading pipe, or the row's start) and ends. */
  start: Point;
  end: Point;
  /** Trimmed content, with where it starts. */
  content: Segment | null;
}

export interface TableRow {
  start: Point;
  end: Point;
  cells: TableCell[];
}

export interface Definition {
  label: string;
  url: string;
  title: string | null;
}

const NO_CHILDREN: readonly Block[] = Object.freeze([]);

/**
 * One block while the scanner works on it. A document has many blocks, so the arrays only some
 * kinds use are made on first use.
 */
export class Block {
  parent: Block | null = null;
  open = true;
  end: Point;
  /** Containers (block quotes and list items) from the root down to this block, itself included. */
  containerDepth = 0;
  // list and listItem
  list: ListData | null = null;
  listSpread = false;
  spread = false;
  /** A list item that began with a blank first line. */
  startedBlank = false;
  /** An empty item followed by a blank line: no later line belongs to it. */
  blankAfterEmpty = false;
  // paragraph and heading
  headingDepth = 0;
  // code
  fenced = false;
  fenceChar = '';
  fenceLength = 0;
  fenceOffset = 0;
  info = '';
  closedByFence = false;
  /** Indented code opened on a lazy line: it cannot go on (micromark). */
  lazyStart = false;
  /** Lines of indented code up to the last one indented 4 columns or with content. */
  keptLines = 0;
  /** The fence or HTML block holds the line ending after its last line (it ends at column 1). */
  endsAfterLineEnding = false;
  /** Where a list item ending with this block ends, when that is not the block's own end. */
  itemEnd: Point | null = null;
  // html
  htmlType = 0;
  /** Offset on the first line where the end marker may begin (`<!-->` closes at once). */
  htmlSearchFrom = 0;
  // table
  align: ('left' | 'right' | 'center' | null)[] | null = null;
  // definition
  definition: Definition | null = null;
  private childList: Block[] | null = null;
  private segmentList: Segment[] | null = null;
  private lineList: string[] | null = null;
  private rowList: TableRow[] | null = null;
  private lineEnds: string[] | null = null;

  constructor(public type: BlockType, readonly start: Point) {
    this.end = { line: start.line, column: start.column };
  }

  /** Child blocks (containers only; a leaf answers a shared empty list). */
  get children(): Block[] {
    return this.childList ?? (NO_CHILDREN as Block[]);
  }

  /** Inline content lines of a paragraph or heading. */
  get segments(): Segment[] {
    return (this.segmentList ??= []);
  }

  /** Content lines of code or HTML. */
  get lines(): string[] {
    return (this.lineList ??= []);
  }

  /** Adds a content line; a terminator other than LF is remembered for the value. */
  addLine(text: string, ending: string): void {
    const lines = (this.lineList ??= []);
    if (ending !== '\n' && ending !== '') {
      this.lineEnds ??= lines.map(() => '\n');
    }
    if (this.lineEnds) this.lineEnds.push(ending || '\n');
    lines.push(text);
  }

  /** The content lines joined as written; `count` lines, and the terminator after the last when `closing`. */
  joinedLines(count: number, closing: boolean): string {
    const lines = this.lineList ?? [];
    const ends = this.lineEnds;
    if (!ends) return lines.slice(0, count).join('\n') + (closing && count > 0 ? '\n' : '');
    let out = '';
    for (let i = 0; i < count; i++) out += (lines[i] ?? '') + (i < count - 1 || closing ? ends[i] ?? '\n' : '');
    return out;
  }

  get rows(): TableRow[] {
    return (this.rowList ??= []);
  }

  get lastChild(): Block | undefined {
    const children = this.childList;
    return children ? children[children.length - 1] : undefined;
  }

  append(child: Block): void {
    child.parent = this;
    (this.childList ??= []).push(child);
  }
}

// The inline parser's working tree: siblings in a doubly linked list so that emphasis and
// links can take a run of siblings as children in time proportional to that run.

export type InlineType =
  | 'root' | 'text' | 'inlineCode' | 'html' | 'break' | 'link' | 'image' | 'linkReference' | 'imageReference'
  | 'emphasis' | 'strong' | 'delete'
  /** Content that stayed flat because it was nested too deep: its children belong to its parent. */
  | 'group';

export class Inline {
  parent: Inline | null = null;
  prev: Inline | null = null;
  next: Inline | null = null;
  first: Inline | null = null;
  last: Inline | null = null;
  /** Levels of links and emphasis in this subtree (0 for leaves), to cap nesting. */
  depth = 0;
  /** A link's or image's URL; a reference's label as written. */
  url = '';
  referenceType: 'shortcut' | 'collapsed' | 'full' = 'shortcut';
  /** A delimiter run or a bracket: text that may still become markup, never merged while parsing. */
  marker = false;
  constructor(
    public type: InlineType,
    /** Text, code or HTML; for text, the visible value (escapes and references decoded). */
    public value: string,
    /** Offsets in the content string: [start, end). */
    public start: number,
    public end: number,
  ) {}

  append(child: Inline): void {
    child.parent = this;
    child.prev = this.last;
    child.next = null;
    if (this.last) this.last.next = child;
    else this.first = child;
    this.last = child;
  }

  insertAfter(sibling: Inline): void {
    sibling.parent = this.parent;
    sibling.prev = this;
    sibling.next = this.next;
    if (this.next) this.next.prev = sibling;
    else if (this.parent) this.parent.last = sibling;
    this.next = sibling;
  }

  unlink(): void {
    if (this.prev) this.prev.next = this.next;
    else if (this.parent) this.parent.first = this.next;
    if (this.next) this.next.prev = this.prev;
    else if (this.parent) this.parent.last = this.prev;
    this.parent = this.prev = this.next = null;
  }

  /** Moves the siblings strictly between `from` and `to` into this node (appended in order). */
  adoptBetween(from: Inline, to: Inline | null): void {
    let node = from.next;
    let depth = 0;
    while (node && node !== to) {
      const next: Inline | null = node.next;
      node.unlink();
      this.append(node);
      if (node.depth > depth) depth = node.depth;
      node = next;
    }
    this.depth = depth + 1;
  }
}

/** The deepest nesting among the siblings strictly between `from` and `to`. */
export function depthBetween(from: Inline, to: Inline | null): number {
  let depth = 0;
  for (let node = from.next; node && node !== to; node = node.next) if (node.depth > depth) depth = node.depth;
  return depth;
}

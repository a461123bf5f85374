// The inline tree as mdast phrasing content: adjacent text merged (as mdast-util-from-markdown
// merges it), groups of too-deep content spliced into their parent without recursion, offsets
// in the content string turned into source lines and columns.
import type { PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import type { Inline } from './inlineNodes';
import type { Segment } from '../blocks/types';

/** Maps offsets of an inline content string (segments joined by line endings) to source points. */
export class ContentMap {
  /** Offset where each segment's line starts in the content (after the previous line ending). */
  private readonly starts: number[] = [];
  /** Source column of that offset. */
  private readonly columns: number[] = [];
  private readonly lines: number[] = [];
  text = '';

  /** Maps `segments` from now on (one map serves a whole document); returns their content. */
  reset(segments: readonly Segment[]): string {
    this.starts.length = this.columns.length = this.lines.length = 0;
    let offset = 0;
    let text = '';
    let ending = '';
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as Segment;
      const prefix = i === 0 ? '' : segment.prefix;
      offset += ending.length;
      this.starts.push(offset);
      this.columns.push(segment.column - prefix.length);
      this.lines.push(segment.line);
      text = i === 0 ? segment.text : `${text}${ending}${prefix}${segment.text}`;
      offset += prefix.length + segment.text.length;
      ending = segment.ending || '\n';
    }
    this.text = text;
    return text;
  }

  /** Index of the segment whose line holds `offset`. */
  private locate(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  point(offset: number): { line: number; column: number } {
    const i = this.locate(offset);
    return { line: this.lines[i] ?? 1, column: (this.columns[i] ?? 1) + offset - (this.starts[i] ?? 0) };
  }

  /** A point at the start of a line: micromark ends line endings at column 1 of the next line. */
  lineStart(offset: number): { line: number; column: number } {
    const i = this.locate(offset);
    if (i > 0 && this.starts[i] === offset) return { line: this.lines[i] ?? 1, column: 1 };
    return this.point(offset);
  }

  position(start: number, end: number, endsWithLineEnding = false): Position {
    return { start: this.point(start), end: endsWithLineEnding ? this.lineStart(end) : this.point(end) };
  }
}

/** Children of `node` in order, with groups opened in place (iteratively: groups may nest deep). */
function flatChildren(node: Inline): Inline[] {
  const out: Inline[] = [];
  const stack: (Inline | null)[] = [node.first];
  while (stack.length > 0) {
    let current = stack.pop() ?? null;
    while (current) {
      if (current.type === 'group') {
        stack.push(current.next);
        current = current.first;
        continue;
      }
      out.push(current);
      current = current.next;
    }
  }
  return out;
}

/** mdast-util-to-string over phrasing content, as an image's `alt` is made. */
function toPlain(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if ('value' in node) out += node.value;
    else if (node.type === 'image' || node.type === 'imageReference') out += node.alt ?? '';
    else if ('children' in node) out += toPlain(node.children as PhrasingContent[]);
  }
  return out;
}

function endsWithLineEnding(value: string): boolean {
  const last = value.charCodeAt(value.length - 1);
  return last === 10 || last === 13;
}

export function toPhrasing(node: Inline, map: ContentMap): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of flatChildren(node)) {
    if (child.type === 'text') {
      if (child.value.length === 0) continue;
      const previous = out[out.length - 1];
      if (previous && previous.type === 'text' && previous.position) {
        previous.value += child.value;
        previous.position.end = endsWithLineEnding(child.value) ? map.lineStart(child.end) : map.point(child.end);
        continue;
      }
      out.push({ type: 'text', value: child.value, position: map.position(child.start, child.end, endsWithLineEnding(child.value)) });
      continue;
    }
    const position = map.position(child.start, child.end, child.type === 'break');
    switch (child.type) {
      case 'inlineCode':
      case 'html':
        out.push({ type: child.type, value: child.value, position });
        break;
      case 'break':
        out.push({ type: 'break', position });
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        out.push({ type: child.type, children: toPhrasing(child, map), position } as PhrasingContent);
        break;
      case 'link':
        out.push({ type: 'link', url: child.url, title: null, children: toPhrasing(child, map), position } as PhrasingContent);
        break;
      case 'linkReference':
        out.push({
          type: 'linkReference', identifier: child.url.toLowerCase(), label: child.url, referenceType: child.referenceType,
          children: toPhrasing(child, map), position,
        } as PhrasingContent);
        break;
      case 'image':
        out.push({ type: 'image', url: child.url, title: null, alt: toPlain(toPhrasing(child, map)), position });
        break;
      case 'imageReference':
        out.push({
          type: 'imageReference', identifier: child.url.toLowerCase(), label: child.url, referenceType: child.referenceType,
          alt: toPlain(toPhrasing(child, map)), position,
        });
        break;
      default:
        break;
    }
  }
  return out;
}

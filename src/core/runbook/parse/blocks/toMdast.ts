// The closed block tree as mdast, with inline content parsed now that every definition of the
// document is known. Shapes and positions follow remark-parse + remark-gfm.
import type { BlockContent, Code, DefinitionContent, Heading, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Block, Definition, Point, Segment } from './types';
import { InlineParser, hasSpecialCharacter } from '../inline/inlineParser';
import { ContentMap, toPhrasing } from '../inline/toPhrasing';
import { decodeString } from '../inline/decode';
import { MAY_LINK, transformLiteralAutolinks } from '../inline/autolinkTransform';

type Position = { start: Point; end: Point };

/**
 * One line with nothing the inline parser or the autolink pass would act on (a typical table
 * cell or list item): its phrasing is that line as one text node, built without them.
 */
export function plainLine(segment: Segment): PhrasingContent[] | null {
  const { text } = segment;
  const last = text.charCodeAt(text.length - 1);
  if (text.length === 0 || last === 32 || last === 9 || hasSpecialCharacter(text) || MAY_LINK.test(text)) return null;
  const { line, column } = segment;
  return [{ type: 'text', value: text, position: { start: { line, column }, end: { line, column: column + text.length } } }];
}

function position(block: Block): Position {
  return { start: { ...block.start }, end: { ...block.end } };
}

export class MdastBuilder {
  private readonly inline: InlineParser;
  private readonly map = new ContentMap();

  constructor(definitions: Map<string, Definition>) {
    this.inline = new InlineParser(definitions);
  }

  root(block: Block): Root {
    return { type: 'root', children: this.children(block), position: position(block) };
  }

  private children(block: Block): RootContent[] {
    const out: RootContent[] = [];
    for (const child of block.children) {
      const node = this.block(child);
      if (node) out.push(node);
    }
    return out;
  }

  /** Inline content; the autolink pass runs last, after remark's task-item fix-up would. */
  phrasing(segments: readonly Segment[], autolinks = true): PhrasingContent[] {
    if (segments.length === 0) return [];
    const plain = segments.length === 1 ? plainLine(segments[0] as Segment) : null;
    if (plain) return plain;
    const children = toPhrasing(this.inline.parse(this.map.reset(segments)), this.map);
    if (autolinks) transformLiteralAutolinks(children);
    return children;
  }

  private block(block: Block): RootContent | null {
    switch (block.type) {
      case 'paragraph':
        return { type: 'paragraph', children: this.phrasing(block.segments), position: position(block) };
      case 'heading':
        return { type: 'heading', depth: block.headingDepth as Heading['depth'], children: this.phrasing(block.segments), position: position(block) };
      case 'thematicBreak':
        return { type: 'thematicBreak', position: position(block) };
      case 'blockquote':
        return { type: 'blockquote', children: this.children(block) as (BlockContent | DefinitionContent)[], position: position(block) };
      case 'list':
        return {
          type: 'list', ordered: block.list?.ordered ?? false, start: block.list?.ordered ? block.list.start : null,
          spread: block.listSpread, children: block.children.map((item) => this.item(item)), position: position(block),
        };
      case 'code':
        return this.code(block);
      case 'html':
        return { type: 'html', value: block.joinedLines(block.lines.length, block.endsAfterLineEnding), position: position(block) };
      case 'table':
        return this.table(block);
      case 'definition': {
        const d = block.definition;
        if (!d) return null;
        return {
          type: 'definition', identifier: d.label.toLowerCase(), label: d.label, url: d.url, title: d.title, position: position(block),
        };
      }
      default:
        return null;
    }
  }

  private item(block: Block): ListItem {
    const item: ListItem = { type: 'listItem', spread: block.spread, checked: null, children: [], position: position(block) };
    const [first, ...rest] = block.children;
    const task = first && first.type === 'paragraph' ? taskCheck(first.segments) : null;
    if (first && task) {
      item.checked = task.checked;
      const children = this.phrasing(task.segments, false);
      const paragraph: Paragraph = { type: 'paragraph', children, position: position(first) };
      const head = children[0];
      // remark-gfm drops the one space after the check and starts the paragraph after it.
      if (head && head.type === 'text') {
        head.value = head.value.slice(1);
        if (head.value.length === 0) children.shift();
        else if (head.position) {
          head.position.start.column++;
          paragraph.position = { start: { ...head.position.start }, end: { ...first.end } };
        }
      }
      transformLiteralAutolinks(children);
      item.children.push(paragraph, ...rest.map((child) => this.block(child)).filter((n): n is RootContent => n !== null) as ListItem['children']);
      return item;
    }
    item.children = this.children(block) as ListItem['children'];
    return item;
  }

  private code(block: Block): Code {
    if (!block.fenced) {
      // micromark drops one line ending at the end of indented code.
      const value = block.joinedLines(block.lines.length, false).replace(/(?:\r\n|\r|\n)$/, '');
      return { type: 'code', lang: null, meta: null, value, position: position(block) };
    }
    // micromark keeps whitespace after the meta, not after a lone language.
    const info = decodeString(block.info);
    const space = info.search(/[ \t]/);
    const lang = space < 0 ? info : info.slice(0, space);
    const meta = space < 0 ? '' : info.slice(space).replace(/^[ \t]+/, '');
    // micromark's value drops one line ending at each end: an open fence that stops before a
    // line ending loses its last line when that line is empty.
    const count = block.lines.length;
    const value = block.closedByFence || block.endsAfterLineEnding ? block.joinedLines(count, false) : block.joinedLines(count, false).replace(/(?:\r\n|\r|\n)$/, '');
    return { type: 'code', lang: lang.length > 0 ? lang : null, meta: meta.length > 0 ? meta : null, value, position: position(block) };
  }

  private table(block: Block): Table {
    const rows: TableRow[] = block.rows.map((row) => ({
      type: 'tableRow',
      children: row.cells.map((cell): TableCell => ({
        type: 'tableCell', children: cell.content ? this.phrasing([cell.content]) : [], position: { start: cell.start, end: cell.end },
      })),
      position: { start: row.start, end: row.end },
    }));
    return { type: 'table', align: block.align ?? [], children: rows, position: position(block) };
  }
}

const CHECK = /^\[([ \t xX])\]/;

/** A GFM task check at the start of an item's first paragraph: the content after it, or null. */
function taskCheck(segments: readonly Segment[]): { checked: boolean; segments: Segment[] } | null {
  const first = segments[0];
  const match = first ? CHECK.exec(first.text) : null;
  if (!first || !match) return null;
  const rest = first.text.slice(3);
  const more = segments.length > 1;
  // After the check: a line ending with more lines, or whitespace and then something.
  if (rest.length === 0 ? !more : !/^[ \t]/.test(rest) || (!/[^ \t]/.test(rest) && !more)) return null;
  const head: Segment = { ...first, text: rest, column: first.column + 3 };
  return { checked: match[1] === 'x' || match[1] === 'X', segments: [head, ...segments.slice(1)] };
}

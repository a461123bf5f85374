// What a list item holds, read from its mdast: its text (first paragraph), its detail (nested
// bullets and paragraphs, except nested task items, which are checks of their own), the
// column of its task box, and its inline parts (for inline commands).
import type { ListItem, Nodes, RootContent } from 'mdast';
import { plainText, rangeOf } from '../parse/mdastText';
import type { SourceRange } from '../model';
import type { InlinePart } from './inlineCommands';

function flat(text: string): string {
  return text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ').trim() : text.trim();
}

/**
 * A paragraph's text on one line, read once: every item of a nested list repeats its
 * descendants' paragraphs in its detail, so without this a list nested N deep reads its
 * innermost paragraph N times.
 */
const flatText = new WeakMap<Nodes, string>();
function paragraphText(node: Nodes): string {
  let text = flatText.get(node);
  if (text === undefined) {
    text = flat(plainText(node));
    flatText.set(node, text);
  }
  return text;
}

/** Plain text of the item's first paragraph, on one line. */
export function itemText(item: ListItem): string {
  const first = item.children[0];
  return first && first.type === 'paragraph' ? paragraphText(first) : '';
}

function collectDetail(node: RootContent, out: string[]): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const text = paragraphText(node);
      if (text.length > 0) out.push(text);
      break;
    }
    case 'list':
      for (const child of node.children) {
        if (child.checked !== null && child.checked !== undefined) continue;
        child.children.forEach((grand, index) => {
          if (index === 0 && grand.type === 'paragraph') {
            const text = paragraphText(grand);
            if (text.length > 0) out.push(text);
          } else collectDetail(grand, out);
        });
      }
      break;
    case 'blockquote':
      for (const child of node.children) collectDetail(child, out);
      break;
    default:
      break;
  }
}

/** Nested bullets and paragraphs as plain text, in order; nested task items are left out. */
export function itemDetail(item: ListItem): string[] {
  const out: string[] = [];
  item.children.forEach((child, index) => {
    if (index === 0 && child.type === 'paragraph') return;
    collectDetail(child, out);
  });
  return out;
}

/** The 0-based column of the character between a task item's brackets, from its first line. */
export function taskColumn(line: string, itemStartColumn: number): number | null {
  const from = Math.max(0, itemStartColumn - 1);
  const m = /^((?:[-+*]|\d{1,9}[.)])[ \t]+)\[[ xX]\]/.exec(line.slice(from));
  if (m) return from + (m[1] ?? '').length + 1;
  const bracket = /\[[ xX]\]/.exec(line.slice(from));
  return bracket ? from + bracket.index + 1 : null;
}

export interface LocatedPart extends InlinePart {
  range: SourceRange | null;
}

/** Text and code spans of a paragraph in order (emphasis and links read through). */
export function inlineParts(node: Nodes): LocatedPart[] {
  const parts: LocatedPart[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'inlineCode') parts.push({ kind: 'code', value: n.value, range: n.position ? rangeOf(n) : null });
    else if (n.type === 'text') parts.push({ kind: 'text', value: n.value, range: null });
    else if (n.type === 'break') parts.push({ kind: 'text', value: ' ', range: null });
    else if ('children' in n) for (const child of n.children as Nodes[]) walk(child);
  };
  walk(node);
  return parts;
}

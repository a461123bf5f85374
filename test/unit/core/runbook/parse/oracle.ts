// remark-parse + remark-gfm as the oracle for our Markdown layer: both trees are projected to
// lines of text (block types, nesting, positions, code and item facts; per inline container
// its visible text, inline code values, link URLs and inline structure) and compared.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from '../../../../../src/core/runbook/parse/markdown';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();

export function remarkTree(text: string): Root {
  return remark.parse(text);
}

type Any = Nodes & { children?: Nodes[] };

function pos(node: Nodes): string {
  const p = node.position;
  return p ? `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}` : '?';
}

/** Visible text as the fragment builder reads it. */
function plain(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      return '';
    case 'image':
      return node.alt ?? '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(plain).join('') : '';
  }
}

function collect(node: Nodes, type: 'inlineCode' | 'link', out: string[]): string[] {
  if (node.type === 'inlineCode' && type === 'inlineCode') out.push(node.value);
  if (node.type === 'link' && type === 'link') out.push(node.url);
  if ('children' in node) for (const child of node.children as Nodes[]) collect(child, type, out);
  return out;
}

/** Inline structure without positions: `text"a "emphasis(text"b")`. */
function shape(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html') return `${node.type}${JSON.stringify(node.value)}`;
  if (node.type === 'image' || node.type === 'imageReference') return `${node.type}${JSON.stringify(node.alt ?? '')}`;
  const children = 'children' in node ? (node.children as Nodes[]).map(shape).join(' ') : '';
  const url = node.type === 'link' ? `<${node.url}>` : '';
  return `${node.type}${url}(${children})`;
}

const INLINE_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);

export interface ProjectOptions {
  /** Also compare inline structure (types and values of every inline node). */
  inlineShape?: boolean;
  /** Also compare inline positions. */
  inlinePositions?: boolean;
}

export function project(root: Root, options: ProjectOptions = {}): string[] {
  const lines: string[] = [];
  const walk = (node: Any, depth: number): void => {
    const facts: string[] = [];
    const n = node as unknown as Record<string, unknown>;
    for (const key of ['depth', 'ordered', 'start', 'spread', 'checked', 'lang', 'meta', 'value', 'url', 'align']) {
      if (n[key] !== undefined && !(key === 'value' && node.type !== 'code' && node.type !== 'html')) facts.push(`${key}=${JSON.stringify(n[key])}`);
    }
    lines.push(`${'  '.repeat(depth)}${node.type} ${pos(node)} ${facts.join(' ')}`.trimEnd());
    if (INLINE_PARENTS.has(node.type)) {
      const pad = '  '.repeat(depth + 1);
      lines.push(`${pad}text=${JSON.stringify(plain(node))} code=${JSON.stringify(collect(node, 'inlineCode', []))} urls=${JSON.stringify(collect(node, 'link', []))}`);
      if (options.inlineShape) lines.push(`${pad}shape=${(node.children ?? []).map(shape).join(' ')}`);
      if (options.inlinePositions) lines.push(`${pad}positions=${(node.children ?? []).map(pos).join(' ')}`);
      return;
    }
    for (const child of node.children ?? []) walk(child as Any, depth + 1);
  };
  walk(root as Any, 0);
  return lines;
}

/** First differing line of the two projections, with context; null when they agree. */
export function differ(text: string, options: ProjectOptions = {}): string | null {
  const expected = project(remarkTree(text), options);
  const actual = project(parseMarkdown(text), options);
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    if (expected[i] !== actual[i]) {
      return [`input: ${JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text)}`, `line ${i}:`, `  remark: ${expected[i]}`, `  ours:   ${actual[i]}`].join('\n');
    }
  }
  return null;
}

/**
 * Inputs where we differ from remark on purpose (docs/parser.md, "Divergences"): remark takes
 * `[ ] x` right after an empty list item as a task check even outside the item (it sets
 * `checked` on the root and keeps a stray space).
 */
export function knownDivergence(text: string): string | null {
  if (/(?:^|[\n\r])[ \t>]*(?:[-+*]|\d{1,9}[.)])[ \t]*(?:\r\n|\r|\n)(?:[ \t>]*(?:\r\n|\r|\n))?[ \t>]*\[[ \txX]\]/.test(text)) return 'task check after an empty item';
  return null;
}

// Small readers over mdast nodes and code text, shared by the fragment builder.
import type { Nodes } from 'mdast';
import type { SourceRange } from '../model';

export type Positioned = { position?: { start: { line: number; column: number }; end: { line: number; column: number } } };

export function rangeOf(node: Positioned): SourceRange {
  const p = node.position;
  if (!p) return { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  return { startLine: p.start.line, startColumn: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

/** Visible text: text and code spans, breaks as newlines, HTML (comments) left out. */
export function plainText(node: Nodes): string {
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
    default: {
      if (!('children' in node)) return '';
      let text = '';
      for (const child of node.children as Nodes[]) text += plainText(child);
      return text;
    }
  }
}

const SHELL_START = /^\s*(?:\$ |sudo |export |cd |curl |wget |kubectl |helm |docker |git |gh |npm |npx |yarn |pnpm |make |terraform |aws |gcloud |az |psql |ssh |systemctl |\.\/)/;

/** An unlabelled block whose lines mostly start like commands. */
export function looksLikeShell(value: string): boolean {
  const lines = value.split('\n').filter((l) => l.trim().length > 0 && !/^\s*#/.test(l));
  if (lines.length === 0 || lines.length > 40) return false;
  return lines.filter((l) => SHELL_START.test(l)).length * 2 > lines.length;
}

// One chunk's mdast reduced to the facts the model needs, in document order, with positions
// relative to the chunk (line 1 = the chunk's first line). Fragments are cached by chunk text
// and never mutated, so the same fragment can serve any position in any later version.
import type { Code, Html, List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { looksLikeShell, plainText, rangeOf, type Positioned } from './mdastText';
import type { DiagnosticSeverity, SourceRange, StepAnnotations } from '../model';
import { parseMarkdown } from './markdown';
import { parseAnnotations, splitInfo } from '../rules/annotations';
import { consoleCommands, ghIssueReferences, riskyPatterns, stepInputs } from '../rules/shellScan';
import { isRollbackTitle, namesGates, parseStageMarker, slugify, stripNumbering, titleLine, type StageMarker } from '../rules/text';

export const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'zsh', 'console', 'shellscript', 'shell-session', 'shellsession']);
const CONSOLE_LANGUAGES = new Set(['console', 'shell-session', 'shellsession']);

export interface StepFragment {
  language: string;
  command: string;
  annotations: StepAnnotations;
  allSecret: boolean;
  inputs: { name: string; range: SourceRange }[];
  /** The opening fence line (or the comment), where annotation diagnostics point. */
  headRange: SourceRange;
  /** First non-blank command line, trimmed (title and id fallback). */
  firstLine: string;
}

export type FragmentEvent =
  | { kind: 'heading'; depth: number; text: string; slug: string; previousEnd: SourceRange | null; stage: StageMarker | null; namesGates: boolean; rollback: boolean; titleText: string; range: SourceRange }
  | { kind: 'paragraph'; titleLine: string; range: SourceRange }
  | { kind: 'item'; ordered: boolean; ordinal: number | null; listDepth: number; checked: boolean | null; text: string; stage: StageMarker | null; range: SourceRange }
  | { kind: 'code'; step: StepFragment | null; range: SourceRange }
  | { kind: 'manual'; step: StepFragment; inlineTitle: string | null; range: SourceRange }
  | { kind: 'gateRow'; title: string; status: string | undefined; range: SourceRange }
  | { kind: 'issue'; number: number; repo: string | null; text: string; range: SourceRange }
  | { kind: 'diagnostic'; severity: DiagnosticSeverity; code: string; message: string; range: SourceRange };

export interface Fragment {
  events: FragmentEvent[];
  /** Where the chunk's last top-level block ends (sections and stages close there). */
  end: SourceRange | null;
}

const RUNBOOK_COMMENT = /<!--\s*runbook:([\s\S]*?)-->/g;
const ISSUE_IN_TEXT = /(?:https?:\/\/)?(?:www\.)?github\.com\/([\w.-]+\/[\w.-]+)\/issues\/(\d+)\b|(?<![\w./-])([A-Za-z0-9][\w.-]*\/[\w.-]+)#(\d+)\b|(?<![\w&#/])#(\d+)\b/g;

class FragmentBuilder {
  readonly events: FragmentEvent[] = [];
  /** End of the last top-level block so far: a heading records it as where what it closes ends. */
  previousEnd: SourceRange | null = null;
  constructor(private readonly lines: string[]) {}

  /**
   * A node's range without trailing blank lines: a block that runs to the end of its chunk
   * would otherwise end one line later than the same block followed by another.
   */
  range(node: Positioned, listItem = false): SourceRange {
    const r = rangeOf(node);
    if (r.endLine <= r.startLine) return r;
    const blankUpTo = (line: number, column: number): boolean =>
      (this.lines[line - 1] ?? '').slice(0, column - 1).replace(/[\s>]/g, '').length === 0;
    // A list item never holds a column-0 line after a blank one (micromark's tab handling can
    // report such an end, inside the next item's marker).
    const lastLine = this.lines[r.endLine - 1] ?? '';
    const pastItem = listItem && /^\S/.test(lastLine) && blankUpTo(r.endLine - 1, Number.MAX_SAFE_INTEGER);
    if (!pastItem && !blankUpTo(r.endLine, r.endColumn)) return r;
    let endLine = r.endLine - 1;
    while (endLine > r.startLine && blankUpTo(endLine, Number.MAX_SAFE_INTEGER)) endLine--;
    return { ...r, endLine, endColumn: (this.lines[endLine - 1] ?? '').length + 1 };
  }

  /** Finds `token` on a chunk line at or after `fromColumn` (1-based); the range it covers. */
  locate(line: number, token: string, fromColumn: number): SourceRange {
    const raw = this.lines[line - 1] ?? '';
    let index = raw.indexOf(token, Math.max(0, fromColumn - 1));
    if (index < 0) index = raw.indexOf(token);
    if (index < 0) return { startLine: line, startColumn: 1, endLine: line, endColumn: raw.length + 1 };
    return { startLine: line, startColumn: index + 1, endLine: line, endColumn: index + 1 + token.length };
  }

  lineRange(line: number, fromColumn: number): SourceRange {
    const raw = this.lines[line - 1] ?? '';
    return { startLine: line, startColumn: Math.min(fromColumn, raw.length + 1), endLine: line, endColumn: raw.length + 1 };
  }

  root(root: Root): void {
    for (const child of root.children) {
      this.block(child, 0, true);
      this.previousEnd = this.range(child);
    }
  }

  block(node: RootContent, listDepth: number, topLevel: boolean): void {
    switch (node.type) {
      case 'heading': {
        const text = plainText(node).replace(/\s+/g, ' ').trim();
        if (topLevel) {
          this.events.push({
            kind: 'heading', depth: node.depth, text, slug: slugify(text), previousEnd: this.previousEnd, stage: parseStageMarker(text, true), namesGates: namesGates(text),
            rollback: isRollbackTitle(text), titleText: stripNumbering(text), range: this.range(node),
          });
        } else this.events.push({ kind: 'paragraph', titleLine: titleLine(text), range: this.range(node) });
        this.inline(node);
        break;
      }
      case 'paragraph':
        this.events.push({ kind: 'paragraph', titleLine: titleLine(plainText(node)), range: this.range(node) });
        this.inline(node);
        break;
      case 'blockquote':
        for (const child of node.children) this.block(child, listDepth, false);
        break;
      case 'list':
        this.list(node, listDepth);
        break;
      case 'code':
        this.code(node);
        break;
      case 'html':
        this.html(node, null);
        break;
      case 'table':
        this.table(node);
        break;
      case 'footnoteDefinition':
        for (const child of node.children) this.block(child, listDepth, false);
        break;
      default:
        break;
    }
  }

  list(list: List, listDepth: number): void {
    for (const item of list.children) {
      // The number as written ("1." "1." "1." stay 1), so that a list cut between chunks
      // numbers its items exactly as the whole list would.
      let ordinal: number | null = null;
      if (list.ordered) {
        const at = rangeOf(item);
        const written = /^[\s>]*(\d{1,9})[.)]/.exec((this.lines[at.startLine - 1] ?? '').slice(at.startColumn - 1));
        ordinal = written ? Number(written[1]) : null;
      }
      this.item(item, list.ordered === true, ordinal, listDepth);
    }
  }

  item(item: ListItem, ordered: boolean, ordinal: number | null, listDepth: number): void {
    const first = item.children[0];
    const text = first && first.type === 'paragraph' ? plainText(first).replace(/\s*\n\s*/g, ' ').trim() : '';
    const stage = ordered ? parseStageMarker(text, false) : null;
    this.events.push({ kind: 'item', ordered, ordinal, listDepth, checked: item.checked ?? null, text, stage, range: this.range(item, true) });
    for (const child of item.children) this.block(child, child.type === 'list' ? listDepth + 1 : listDepth, false);
  }

  /**
   * Issue references and runbook comments in inline content. remark-gfm's autolinks come back
   * without positions: those children are placed from a cursor inside the enclosing range.
   */
  inline(node: Paragraph | Nodes, enclosing?: SourceRange): void {
    if (!('children' in node)) return;
    const outer = node.position ? this.range(node) : enclosing ?? rangeOf(node);
    let cursor = { line: outer.startLine, column: outer.startColumn };
    for (const child of node.children as Nodes[]) {
      const at = child.position
        ? this.range(child)
        : { startLine: cursor.line, startColumn: cursor.column, endLine: outer.endLine, endColumn: outer.endColumn };
      if (child.type === 'text' || child.type === 'inlineCode') this.issuesInText(child.value, at);
      else if (child.type === 'html') this.html(child, node.type === 'paragraph' ? plainText(node).trim() : null);
      else if (child.type === 'link') {
        // [#12](https://github.com/o/r/issues/12) is one reference: the URL's.
        if (/github\.com\/[\w.-]+\/[\w.-]+\/issues\/\d+/.test(child.url)) this.issuesInText(child.url, at);
        else this.inline(child, at);
      } else this.inline(child, at);
      if (child.position) cursor = { line: at.endLine, column: at.endColumn };
    }
  }

  issuesInText(value: string, at: SourceRange): void {
    if (!value.includes('#') && !value.includes('/issues/')) return;
    // Tokens are found by searching the source forward from the node: micromark's text
    // positions can be a line early (after a "[" that did not become a link).
    let cursor = { line: at.startLine, column: at.startColumn };
    ISSUE_IN_TEXT.lastIndex = 0;
    for (let m = ISSUE_IN_TEXT.exec(value); m; m = ISSUE_IN_TEXT.exec(value)) {
      const number = Number(m[2] ?? m[4] ?? m[5]);
      if (!Number.isSafeInteger(number) || number <= 0) continue;
      // An autolinked "www.github.com/..." has gained a scheme the source does not show.
      const bare = m[0].replace(/^https?:\/\//, '');
      const found = this.find(m[0], cursor, at.endLine + 1) ?? this.find(bare, cursor, at.endLine + 1);
      const token = found && found.endColumn - found.startColumn === bare.length && bare !== m[0] ? bare : m[0];
      const line = at.startLine + (value.slice(0, m.index).match(/\n/g)?.length ?? 0);
      const range = found ?? this.locate(line, token, line === at.startLine ? at.startColumn : 1);
      if (found) cursor = { line: found.startLine, column: found.endColumn };
      this.events.push({ kind: 'issue', number, repo: m[1] ?? m[3] ?? null, text: token, range });
    }
  }

  /** The first `token` at or after `from`, up to `lastLine`. */
  find(token: string, from: { line: number; column: number }, lastLine: number): SourceRange | null {
    for (let line = from.line; line <= Math.min(lastLine, this.lines.length); line++) {
      const index = (this.lines[line - 1] ?? '').indexOf(token, line === from.line ? from.column - 1 : 0);
      if (index >= 0) return { startLine: line, startColumn: index + 1, endLine: line, endColumn: index + 1 + token.length };
    }
    return null;
  }

  html(node: Html, inlineTitle: string | null): void {
    if (!node.value.includes('runbook:')) return;
    const at = this.range(node);
    RUNBOOK_COMMENT.lastIndex = 0;
    for (let m = RUNBOOK_COMMENT.exec(node.value); m; m = RUNBOOK_COMMENT.exec(node.value)) {
      const line = at.startLine + (node.value.slice(0, m.index).match(/\n/g)?.length ?? 0);
      const endLine = line + (m[0].match(/\n/g)?.length ?? 0);
      const first = this.locate(line, '<!--', line === at.startLine ? at.startColumn : 1);
      const lastLine = this.lines[endLine - 1] ?? '';
      const close = lastLine.indexOf('-->', endLine === line ? first.startColumn - 1 : 0);
      const range: SourceRange = { startLine: line, startColumn: first.startColumn, endLine, endColumn: close >= 0 ? close + 4 : lastLine.length + 1 };
      const parsed = parseAnnotations((m[1] ?? '').trim());
      const headRange = range;
      for (const p of parsed.problems) this.events.push({ kind: 'diagnostic', ...p, range: headRange });
      this.events.push({
        kind: 'manual',
        step: { language: 'manual', command: '', annotations: parsed.annotations, allSecret: parsed.allSecret, inputs: [], headRange, firstLine: '' },
        inlineTitle: inlineTitle && inlineTitle.length > 0 ? inlineTitle : null,
        range,
      });
    }
  }

  code(node: Code): void {
    let range = this.range(node);
    const opening = this.lines[range.startLine - 1] ?? '';
    const openText = opening.slice(range.startColumn - 1);
    const fence = /^(`{3,}|~{3,})/.exec(openText);
    const headRange = this.lineRange(range.startLine, range.startColumn);
    if (!fence) {
      this.events.push({ kind: 'code', step: null, range }); // indented code: never a step
      return;
    }
    const fenceText = fence[1] ?? '```';
    const closing = (this.lines[range.endLine - 1] ?? '').slice(0, range.endColumn - 1);
    const closeMatch = /^[\s>]*(`+|~+)\s*$/.exec(closing);
    const terminated = range.endLine > range.startLine && closeMatch !== null
      && (closeMatch[1] ?? '')[0] === fenceText[0] && (closeMatch[1] ?? '').length >= fenceText.length;
    const { language, attributes } = splitInfo(node.lang, node.meta);
    const isStep = SHELL_LANGUAGES.has(language);
    if (language === '' && looksLikeShell(node.value)) {
      this.events.push({
        kind: 'diagnostic', severity: 'info', code: 'unlabelled-shell-block', range: headRange,
        message: 'This block reads as shell commands but has no language, so it is not a step. Write ```bash (or ```console for a transcript) to make it one.',
      });
    }
    let value = node.value;
    if (!terminated) {
      // Where an open fence ends depends on what closes its container (end of input or a later
      // block); trailing blank lines are dropped so that the answer is the same either way.
      value = value.replace(/(?:\n[ \t]*)+$/, '');
      let endLine = range.endLine;
      while (endLine > range.startLine && (this.lines[endLine - 1] ?? '').trim().replace(/^>\s*/, '').length === 0) endLine--;
      if (endLine !== range.endLine) range = { ...range, endLine, endColumn: (this.lines[endLine - 1] ?? '').length + 1 };
      this.events.push({
        kind: 'diagnostic', severity: isStep ? 'error' : 'warning', code: 'unterminated-fence', range: headRange,
        message: `The ${fenceText} fence opened here is never closed: everything after it${isStep ? ' is taken as this step\'s command' : ' is taken as code'}. Add a closing ${fenceText}.`,
      });
    }
    if (!isStep) {
      this.events.push({ kind: 'code', step: null, range });
      return;
    }
    const parsed = parseAnnotations(attributes);
    for (const p of parsed.problems) this.events.push({ kind: 'diagnostic', ...p, range: headRange });
    let command = value;
    let lineMap: number[] | null = null;
    const transcript = !CONSOLE_LANGUAGES.has(language) && /^\s*\$ \S/.test(value.split('\n').find((l) => l.trim().length > 0) ?? '');
    if (transcript) {
      // "$ kubectl get pods" in a bash block cannot run as written: read it as a transcript.
      this.events.push({
        kind: 'diagnostic', severity: 'info', code: 'prompts-in-shell-block', range: headRange,
        message: `This ${language} block starts with a "$ " prompt, so it is read as a transcript: prompts are stripped and lines without one are taken as output. Use \`\`\`console to say so, or drop the prompts.`,
      });
    }
    if (CONSOLE_LANGUAGES.has(language) || transcript) {
      ({ command, lineMap } = consoleCommands(value));
      if (command.trim().length === 0) {
        this.events.push({
          kind: 'diagnostic', severity: 'info', code: 'console-without-prompt', range: headRange,
          message: 'This console block has no "$ " prompt lines, so it has nothing to run and is not a step.',
        });
        this.events.push({ kind: 'code', step: null, range });
        return;
      }
    }
    const contentLine = (commandLine: number): number => range.startLine + 1 + (lineMap ? (lineMap[commandLine] ?? 0) : commandLine);
    const inputs = stepInputs(command).map((use) => {
      const line = contentLine(use.line);
      const token = command.split('\n')[use.line]?.slice(use.column, use.column + use.length) ?? use.name;
      return { name: use.name, range: this.locate(line, token, use.column + 1) };
    });
    this.events.push({
      kind: 'code',
      step: {
        language, command, annotations: parsed.annotations, allSecret: parsed.allSecret, inputs, headRange,
        firstLine: command.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '',
      },
      range,
    });
    for (const ref of ghIssueReferences(command)) {
      const line = contentLine(ref.line);
      const token = command.split('\n')[ref.line]?.slice(ref.column, ref.column + ref.length) ?? String(ref.number);
      this.events.push({ kind: 'issue', number: ref.number, repo: ref.repo, text: ref.text, range: this.locate(line, token, ref.column + 1) });
    }
    for (const risk of riskyPatterns(command)) {
      const line = contentLine(risk.line);
      const token = command.split('\n')[risk.line]?.slice(risk.column, risk.column + risk.length) ?? '';
      this.events.push({ kind: 'diagnostic', severity: 'warning', code: risk.code, message: risk.message, range: this.locate(line, token, risk.column + 1) });
    }
  }

  table(table: Table): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const headers = header.children.map((cell) => plainText(cell).trim().toLowerCase());
    if (!/^gates?\b/.test(headers[0] ?? '')) {
      for (const row of table.children) for (const cell of row.children) this.inline(cell);
      return;
    }
    const statusColumn = headers.findIndex((h) => /^status\b/.test(h));
    for (const row of rows) {
      const title = plainText(row.children[0] ?? { type: 'text', value: '' }).trim();
      if (title.length === 0) continue;
      const statusCell = statusColumn >= 0 ? row.children[statusColumn] : undefined;
      this.events.push({ kind: 'gateRow', title, status: statusCell ? plainText(statusCell).trim() : undefined, range: this.range(row) });
      for (const cell of row.children) this.inline(cell);
    }
  }
}

export function buildFragment(chunkText: string): Fragment {
  const builder = new FragmentBuilder(chunkText.split(/\r\n|\r|\n/));
  builder.root(parseMarkdown(chunkText));
  return { events: builder.events, end: builder.previousEnd };
}

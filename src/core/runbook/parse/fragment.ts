// One chunk's mdast reduced to the facts the model needs, in document order, with positions
// relative to the chunk (line 1 = the chunk's first line). Fragments are cached by chunk text
// and never mutated, so the same fragment can serve any position in any later version.
// Everything here reads one block at a time; what depends on other blocks (stages, checks,
// bindings, roles) is decided by the assembly.
import type { Html, List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { plainText } from './mdastText';
import type { DiagnosticSeverity, SectionRole, SourceRange, StepAnnotations } from '../model';
import { parseMarkdownWithLimits } from './markdown';
import { nestingDiagnostic } from './limits';
import { parseAnnotations, type ParsedAnnotations } from '../rules/annotations';
import { checkTextFacts, type CheckTextFacts } from '../rules/checkText';
import { readFence } from '../rules/fencedSteps';
import { inlineCommands } from '../rules/inlineCommands';
import { referenceCue, type ReferenceSource } from '../rules/issueRoles';
import { inlineParts, itemDetail, itemText, taskColumn } from '../rules/listItems';
import { readMetaLine, type MetaLine } from '../rules/reportContext';
import { destructiveReason, placeholdersIn } from '../rules/safety';
import { sectionRole } from '../rules/sectionRoles';
import { stepInputs } from '../rules/shellScan';
import { SourceLines } from '../rules/sourceLines';
import { parseStageMarker, type StageMarker } from '../rules/stageMarkers';
import { isRollbackTitle, slugify, stripNumbering, titleLine } from '../rules/text';

export { SHELL_LANGUAGES } from '../rules/fencedSteps';

export interface StepFragment {
  /** A shell language, "inline" for a command in inline code, "manual" for a comment. */
  language: string;
  command: string;
  annotations: StepAnnotations;
  allSecret: boolean;
  inputs: { name: string; range: SourceRange }[];
  /** The opening fence line (or the comment, or the code span), where step diagnostics point. */
  headRange: SourceRange;
  /** First non-blank command line, trimmed (title and id fallback). */
  firstLine: string;
  /** "From `apps/runtime/`:" or a stripped `cd x &&`. */
  cwd: string | null;
  /** Why the command reads as destructive ("kubectl apply"), or null. */
  risk: string | null;
  placeholders: string[];
}

/** A paragraph of a list item: a fence after the list takes its words as title only if the item introduces it. */
export interface ItemParagraph {
  range: SourceRange;
  /** A task, or text ending with a colon ("Check the logs:"). */
  introduces: boolean;
}

/** `<!-- runbook: … -->` comments written on a list item, merged. */
export interface ItemComment {
  parsed: ParsedAnnotations;
  range: SourceRange;
}

export interface ItemFragment {
  ordered: boolean;
  /** The number as written ("1." "1." "1." stay 1). */
  ordinal: number | null;
  listDepth: number;
  checked: boolean | null;
  /** A task item's box: line (chunk-relative) and 0-based column of the character between the brackets. */
  task: { line: number; column: number } | null;
  text: string;
  detail: string[];
  /** Where the first paragraph ends: a quick fix inserts an annotation there. */
  textEnd: { line: number; column: number };
  stage: StageMarker | null;
  facts: CheckTextFacts;
  codeSpans: string[];
  /** Inline commands, with the code span as written (before a leading `cd x &&` is split off). */
  commands: { step: StepFragment; range: SourceRange; code: string }[];
  comment: ItemComment | null;
}

export type FragmentEvent =
  | { kind: 'heading'; depth: number; text: string; slug: string; previousEnd: SourceRange | null; stage: StageMarker | null; role: SectionRole; rollback: boolean; titleText: string; range: SourceRange }
  | { kind: 'paragraph'; titleLine: string; meta: (MetaLine & { line: number })[]; range: SourceRange; item?: ItemParagraph }
  | { kind: 'item'; item: ItemFragment; range: SourceRange }
  | { kind: 'code'; step: StepFragment | null; range: SourceRange }
  | { kind: 'manual'; step: StepFragment; inlineTitle: string | null; range: SourceRange }
  | { kind: 'gateRow'; title: string; status: string | undefined; evidence: string | undefined; threshold: string | undefined; range: SourceRange }
  | { kind: 'issue'; number: number; repo: string | null; text: string; source: ReferenceSource; cue: string | null; range: SourceRange }
  | { kind: 'generated'; range: SourceRange }
  | { kind: 'diagnostic'; severity: DiagnosticSeverity; code: string; message: string; range: SourceRange };

export interface Fragment {
  events: FragmentEvent[];
  /** Where the chunk's last top-level block ends (sections and stages close there). */
  end: SourceRange | null;
}

const RUNBOOK_COMMENT = /<!--\s*runbook:([\s\S]*?)-->/g;
const REPORT_MARKER = /^<!--\s*runbook-gate:report\b/;
const ISSUE_IN_TEXT = /(?:https?:\/\/)?(?:www\.)?github\.com\/([\w.-]+\/[\w.-]+)\/issues\/(\d+)\b|(?<![\w./-])([A-Za-z0-9][\w.-]*\/[\w.-]+)#(\d+)\b|(?<![\w&#/])#(\d+)\b/g;

/** Reference cues are searched in the text of the block a reference sits in. */
interface BlockText {
  text: string;
  cursor: number;
}

class FragmentBuilder extends SourceLines {
  readonly events: FragmentEvent[] = [];
  /** End of the last top-level block so far: a heading records it as where what it closes ends. */
  previousEnd: SourceRange | null = null;

  root(root: Root): void {
    for (const child of root.children) {
      if (child.type === 'html' && REPORT_MARKER.test(child.value)) this.events.push({ kind: 'generated', range: this.range(child) });
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
            kind: 'heading', depth: node.depth, text, slug: slugify(text), previousEnd: this.previousEnd, stage: parseStageMarker(text, true),
            role: sectionRole(text), rollback: isRollbackTitle(text), titleText: stripNumbering(text), range: this.range(node),
          });
        } else this.events.push({ kind: 'paragraph', titleLine: titleLine(text), meta: [], range: this.range(node) });
        this.inline(node, { text, cursor: 0 }, true);
        break;
      }
      case 'paragraph':
        this.paragraph(node, topLevel, true);
        break;
      case 'blockquote':
      case 'footnoteDefinition':
        for (const child of node.children) this.block(child, listDepth, false);
        break;
      case 'list':
        this.list(node, listDepth);
        break;
      case 'code':
        readFence(node, this, this.events);
        break;
      case 'html':
        this.html(node, () => null);
        break;
      case 'table':
        this.table(node);
        break;
      default:
        break;
    }
  }

  paragraph(node: Paragraph, topLevel: boolean, comments: boolean, item?: ItemParagraph): void {
    const text = plainText(node);
    const range = this.range(node);
    const meta: (MetaLine & { line: number })[] = [];
    if (topLevel) {
      for (let line = range.startLine; line <= range.endLine; line++) {
        const found = readMetaLine(this.lines[line - 1] ?? '');
        if (found) meta.push({ ...found, line });
      }
    }
    this.events.push({ kind: 'paragraph', titleLine: titleLine(text), meta, range, ...(item ? { item } : {}) });
    this.inline(node, { text, cursor: 0 }, comments);
  }

  list(list: List, listDepth: number): void {
    for (const item of list.children) {
      // The number as written, so that a list cut between chunks numbers its items exactly as the whole list would.
      let ordinal: number | null = null;
      if (list.ordered) {
        const at = this.range(item);
        const written = /^[\s>]*(\d{1,9})[.)]/.exec((this.lines[at.startLine - 1] ?? '').slice(at.startColumn - 1));
        ordinal = written ? Number(written[1]) : null;
      }
      this.item(item, list.ordered === true, ordinal, listDepth);
    }
  }

  item(item: ListItem, ordered: boolean, ordinal: number | null, listDepth: number): void {
    const range = this.range(item, true);
    const text = itemText(item);
    const first = item.children[0]?.type === 'paragraph' ? item.children[0] : null;
    const marker = parseStageMarker(text, false);
    const column = item.checked === null || item.checked === undefined ? null : taskColumn(this.lines[range.startLine - 1] ?? '', range.startColumn);
    const firstEnd = first ? this.range(first) : range;
    const parts = first ? inlineParts(first) : [];
    const commands = inlineCommands(parts).flatMap((found) => {
      const at = parts[found.part]?.range;
      if (!at) return [];
      return [{ step: this.inlineStep(found.command, found.cwd, at), range: at, code: parts[found.part]?.value.trim() ?? found.command }];
    });
    this.events.push({
      kind: 'item',
      item: {
        ordered, ordinal, listDepth, checked: item.checked ?? null,
        task: column === null ? null : { line: range.startLine, column },
        text, detail: itemDetail(item), textEnd: { line: firstEnd.endLine, column: firstEnd.endColumn },
        // Bullets are stages only with a key ("- Stage 1: …"); numbered items as the marker rule says.
        stage: marker && (ordered || marker.key !== null) ? marker : null,
        facts: checkTextFacts(text),
        codeSpans: parts.filter((p) => p.kind === 'code').map((p) => p.value),
        commands,
        comment: this.itemComment(item),
      },
      range,
    });
    const introduces = { range, introduces: column !== null || /:\s*$/.test(text) };
    for (const child of item.children) {
      if (child.type === 'html') continue; // read by itemComment
      if (child.type === 'paragraph') this.paragraph(child, false, false, introduces);
      else this.block(child, child.type === 'list' ? listDepth + 1 : listDepth, false);
    }
  }

  inlineStep(command: string, cwd: string | null, at: SourceRange): StepFragment {
    const inputs = stepInputs(command).map((use) => ({ name: use.name, range: this.locate(at.startLine, command.slice(use.column, use.column + use.length), at.startColumn) }));
    return {
      language: 'inline', command, annotations: {}, allSecret: false, inputs, headRange: at,
      firstLine: command.split('\n')[0]?.trim() ?? '', cwd, risk: destructiveReason(command), placeholders: placeholdersIn(command),
    };
  }

  /** The runbook comments in an item's own paragraphs and HTML blocks (not its nested items'). */
  itemComment(item: ListItem): ItemComment | null {
    const found: ItemComment[] = [];
    const collect = (node: Html): void => {
      for (const comment of this.runbookComments(node)) found.push(comment);
    };
    for (const child of item.children) {
      if (child.type === 'html') collect(child);
      else if (child.type === 'paragraph') for (const n of child.children) if (n.type === 'html') collect(n);
    }
    if (found.length === 0) return null;
    const merged = found.reduce((a, b) => ({
      parsed: {
        annotations: { ...a.parsed.annotations, ...b.parsed.annotations },
        allSecret: a.parsed.allSecret || b.parsed.allSecret,
        ...(a.parsed.run || b.parsed.run ? { run: [...(a.parsed.run ?? []), ...(b.parsed.run ?? [])] } : {}),
        keys: [...a.parsed.keys, ...b.parsed.keys],
        problems: [],
      },
      range: a.range,
    }));
    return merged;
  }

  /** Each `<!-- runbook: … -->` in an HTML node, parsed; its problems become diagnostics. */
  runbookComments(node: Html): ItemComment[] {
    if (!node.value.includes('runbook:')) return [];
    const at = this.range(node);
    const comments: ItemComment[] = [];
    RUNBOOK_COMMENT.lastIndex = 0;
    for (let m = RUNBOOK_COMMENT.exec(node.value); m; m = RUNBOOK_COMMENT.exec(node.value)) {
      const line = at.startLine + (node.value.slice(0, m.index).match(/\n/g)?.length ?? 0);
      const endLine = line + (m[0].match(/\n/g)?.length ?? 0);
      const first = this.locate(line, '<!--', line === at.startLine ? at.startColumn : 1);
      const lastLine = this.lines[endLine - 1] ?? '';
      const close = lastLine.indexOf('-->', endLine === line ? first.startColumn - 1 : 0);
      const range: SourceRange = { startLine: line, startColumn: first.startColumn, endLine, endColumn: close >= 0 ? close + 4 : lastLine.length + 1 };
      const parsed = parseAnnotations((m[1] ?? '').trim());
      for (const p of parsed.problems) this.events.push({ kind: 'diagnostic', ...p, range });
      comments.push({ parsed, range });
    }
    return comments;
  }

  /**
   * Issue references and runbook comments in inline content. remark-gfm's autolinks come back
   * without positions: those children are placed from a cursor inside the enclosing range.
   */
  inline(node: Paragraph | Nodes, block: BlockText, comments: boolean, enclosing?: SourceRange): void {
    if (!('children' in node)) return;
    const outer = node.position ? this.range(node) : enclosing ?? { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    let cursor = { line: outer.startLine, column: outer.startColumn };
    // The paragraph's text, for the comments in it: computed once, not once per comment.
    let paragraphText: string | undefined;
    const ownText = (): string => (paragraphText ??= plainText(node).trim());
    for (const child of node.children as Nodes[]) {
      const at = child.position
        ? this.range(child)
        : { startLine: cursor.line, startColumn: cursor.column, endLine: outer.endLine, endColumn: outer.endColumn };
      if (child.type === 'text' || child.type === 'inlineCode') this.issuesInText(child.value, at, block);
      else if (child.type === 'html') {
        if (comments) this.html(child, () => (node.type === 'paragraph' ? ownText() : null));
      } else if (child.type === 'link') {
        // [#12](https://github.com/o/r/issues/12) is one reference: the URL's.
        if (/github\.com\/[\w.-]+\/[\w.-]+\/issues\/\d+/.test(child.url)) this.issuesInText(child.url, at, block);
        else this.inline(child, block, comments, at);
      } else this.inline(child, block, comments, at);
      if (child.position) cursor = { line: at.endLine, column: at.endColumn };
    }
  }

  issuesInText(value: string, at: SourceRange, block: BlockText): void {
    if (!value.includes('#') && !value.includes('/issues/')) return;
    // Tokens are found by searching the source forward from the node: micromark's text
    // positions can be a line early (after a "[" that did not become a link).
    let cursor = { line: at.startLine, column: at.startColumn };
    // The line of each match, counted on from the last one (not from the start of the text each time).
    let line = at.startLine;
    let newline = value.indexOf('\n');
    ISSUE_IN_TEXT.lastIndex = 0;
    for (let m = ISSUE_IN_TEXT.exec(value); m; m = ISSUE_IN_TEXT.exec(value)) {
      for (; newline >= 0 && newline < m.index; newline = value.indexOf('\n', newline + 1)) line++;
      const number = Number(m[2] ?? m[4] ?? m[5]);
      if (!Number.isSafeInteger(number) || number <= 0) continue;
      // An autolinked "www.github.com/..." has gained a scheme the source does not show.
      const bare = m[0].replace(/^https?:\/\//, '');
      const found = this.find(m[0], cursor, at.endLine + 1) ?? this.find(bare, cursor, at.endLine + 1);
      const token = found && found.endColumn - found.startColumn === bare.length && bare !== m[0] ? bare : m[0];
      const range = found ?? this.locate(line, token, line === at.startLine ? at.startColumn : 1);
      if (found) cursor = { line: found.startLine, column: found.endColumn };
      const cue = referenceCue(block.text, m[0], block.cursor);
      block.cursor = cue.next;
      this.events.push({ kind: 'issue', number, repo: m[1] ?? m[3] ?? null, text: token, source: 'text', cue: cue.cue, range });
    }
  }

  /** Runbook comments outside list items: manual steps (a hold, a dashboard check, a sign-off). */
  /** The title is asked for only when the HTML holds a runbook comment (most HTML does not). */
  html(node: Html, titleOf: () => string | null): void {
    for (const { parsed, range } of this.runbookComments(node)) {
      const inlineTitle = titleOf();
      this.events.push({
        kind: 'manual',
        step: { language: 'manual', command: '', annotations: parsed.annotations, allSecret: parsed.allSecret, inputs: [], headRange: range, firstLine: '', cwd: null, risk: null, placeholders: [] },
        inlineTitle: inlineTitle && inlineTitle.length > 0 ? inlineTitle : null,
        range,
      });
    }
  }

  table(table: Table): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const cellText = (row: (typeof rows)[number], column: number): string | undefined => {
      const cell = column >= 0 ? row.children[column] : undefined;
      return cell ? plainText(cell).trim() : undefined;
    };
    const headers = header.children.map((cell) => plainText(cell).trim().toLowerCase());
    const inline = (row: (typeof rows)[number]): void => {
      for (const cell of row.children) this.inline(cell, { text: plainText(cell), cursor: 0 }, true);
    };
    if (!/^gates?\b/.test(headers[0] ?? '')) {
      for (const row of table.children) inline(row);
      return;
    }
    const column = (re: RegExp): number => headers.findIndex((h) => re.test(h));
    const [status, evidence, threshold] = [column(/^status\b/), column(/^evidence\b/), column(/^(?:threshold|target|slo|limit)\b/)];
    for (const row of rows) {
      const title = cellText(row, 0) ?? '';
      if (title.length === 0) continue;
      this.events.push({ kind: 'gateRow', title, status: cellText(row, status), evidence: cellText(row, evidence), threshold: cellText(row, threshold), range: this.range(row) });
      inline(row);
    }
  }
}

export function buildFragment(chunkText: string): Fragment {
  const builder = new FragmentBuilder(chunkText.split(/\r\n|\r|\n/));
  const { root, nestingLimit } = parseMarkdownWithLimits(chunkText);
  builder.root(root);
  if (nestingLimit) builder.events.push(nestingDiagnostic(nestingLimit));
  return { events: builder.events, end: builder.previousEnd };
}

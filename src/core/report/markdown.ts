// Markdown for text we did not write: command output, issue titles, paths and the runbook's own
// lines. Every helper returns one line (reports are built line by line), with control
// characters made visible, so no value can end a list item, a table row or a code span early,
// open HTML, or start a block of its own.
import { flatLine, visibleControlChars } from '../text/controlChars';

/** Text that is already Markdown (a filter's result): the report's default escaping leaves it alone. */
export class Markdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Line breaks (all of them, Unicode's too) and tabs become spaces; control characters are shown. */
export function oneLine(text: string): string {
  return flatLine(text);
}

// Punctuation that is markup anywhere on a line. `_` only starts emphasis at a word edge,
// `&` only an entity when a name and `;` follow; `#`, `>`, `+`, `-`, `=` and numbers only at
// the start (`>` elsewhere is harmless once `<` is escaped: no HTML, no autolink).
const INLINE_MARKUP = /[\\`*~[\]<|$]|!(?=\[)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#?[\p{L}\p{N}]+;)/gu;
const BLOCK_START = /^(#{1,6}(?=\s|$)|>|[-+=](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))/;

/** Plain text as one line of Markdown that reads as written (the report's default escaping). */
export function escapeText(text: string): string {
  const flat = oneLine(text).trim();
  return flat.replace(INLINE_MARKUP, (char) => `\\${char}`).replace(BLOCK_START, (start) => {
    if (/^\d/.test(start)) return `${start}\\`; // "1." -> "1\." (the dot is what makes a list)
    return `\\${start}`;
  });
}

/** Inline code that survives backticks in the text (CommonMark: a longer fence, padded when needed). */
export function inlineCode(text: string): string {
  const flat = oneLine(text);
  if (flat === '') return '` `';
  const longest = (flat.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Markdown made fit for a GFM table cell: every pipe escaped (GFM honours `\|` inside code spans too). */
export function tableCell(markdown: string): string {
  return markdown.replace(/\r\n|[\r\n]/g, ' ').replace(/(?<!\\)\|/g, '\\|').trim();
}

/**
 * A line of Markdown a person wrote (a runbook's `Owner:` line, a note): its code spans,
 * emphasis and links kept, but nothing that could leave the line — raw HTML is escaped, as
 * are block markers at its start and backticks that open no code span.
 */
export function inlineMarkdown(source: string): string {
  const text = oneLine(source).trim();
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (char === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = findClosingRun(text, i + run.length, run.length);
      if (close < 0) {
        out += run.replace(/`/g, '\\`');
        i += run.length;
      } else {
        out += text.slice(i, close + run.length);
        i = close + run.length;
      }
    } else if (char === ']' && UNSAFE_DESTINATION.test(text.slice(i))) {
      out += '\\]'; // `[x](javascript:…)` stays text
      i++;
    } else {
      out += char === '<' ? '\\<' : char;
      i++;
    }
  }
  return out.replace(BLOCK_START, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** `](` or `]:` followed by a destination with a scheme other than http(s) or mailto. */
const UNSAFE_DESTINATION = /^\](?:\(\s*<?|:\s*<?)(?!(?:https?|mailto):)[a-z][a-z0-9+.-]*:/i;

/** Where a run of exactly `length` backticks starts at or after `from`, or -1. */
function findClosingRun(text: string, from: number, length: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let m = runs.exec(text); m; m = runs.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

const SAFE_SCHEME = /^(?:https?|mailto):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A link destination: relative paths and http(s)/mailto URLs only (null for `javascript:` and
 * the like); wrapped in `<…>` when it holds spaces or parentheses.
 */
export function linkTarget(target: string): string | null {
  const flat = target.trim();
  if (flat === '' || (ANY_SCHEME.test(flat) && !SAFE_SCHEME.test(flat))) return null;
  // eslint-disable-next-line no-control-regex
  const encoded = flat.replace(/[\u0000-\u001f\u007f<>\\]/g, (c) => encodeURIComponent(c));
  return /[\s()]/.test(encoded) ? `<${encoded}>` : encoded;
}

/** A fenced code block its content cannot close; the language is reduced to a word. */
export function fencedBlock(text: string, language = ''): string {
  const body = visibleControlChars(text.replace(/\r\n?/g, '\n')).replace(/\n+$/, '');
  const longest = (body.match(/`{3,}|~{3,}/g) ?? []).reduce((max, run) => Math.max(max, run.length), 2);
  const fence = '`'.repeat(longest + 1);
  const lang = language.replace(/[^\w+-]/g, '');
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** The first non-empty line of a command, with an ellipsis when there is more. */
export function firstLine(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const first = (lines[0] ?? '').replace(/\s*\\$/, '');
  return lines.length > 1 ? `${first} …` : first;
}

/** The folder of a workspace-relative posix path ("" at the root). */
export function dirOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

/** Relative posix path from one workspace-relative folder to a workspace-relative path. */
export function relativePosix(fromDir: string, to: string): string {
  const split = (p: string) => p.split('/').filter((part) => part !== '' && part !== '.');
  const from = split(fromDir);
  const target = split(to);
  let common = 0;
  while (common < from.length && common < target.length && from[common] === target[common]) common++;
  const joined = [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
  return joined === '' ? '.' : joined;
}

// Small Markdown helpers: command output is text, never markup.
// Superseded by src/core/report/markdown.ts (reports, SUMMARY.md); kept while runComment.ts,
// remediationIssues.ts and src/cli/output.ts still import it — move them, then delete this file.

/** Inline code that survives backticks in the text (CommonMark: a longer fence). */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const runs = flat.match(/`+/g) ?? [];
  const longest = runs.reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A table cell: no pipes or newlines may break the row. */
export function tableCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

/**
 * Plain text in a line: newlines flattened, characters that would start markup escaped.
 * Square brackets and intraword underscores stay (`[x]` alone is not a link, `A_B` is not
 * emphasis) so service and variable names read as written.
 */
export function plainText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*<>|]|\]\()/g, '\\$1');
}

/** Relative posix path from one workspace-relative folder to a workspace-relative path. */
export function relativePosix(fromDir: string, to: string): string {
  const split = (p: string) => p.split('/').filter((part) => part !== '' && part !== '.');
  const from = split(fromDir);
  const target = split(to);
  let common = 0;
  while (common < from.length && common < target.length && from[common] === target[common]) common++;
  const up = from.slice(common).map(() => '..');
  const rest = target.slice(common);
  const joined = [...up, ...rest].join('/');
  return joined === '' ? '.' : joined;
}

/** A link target: spaces and parentheses would end a Markdown link early. */
export function linkTarget(path: string): string {
  return /[\s()<>]/.test(path) ? `<${path.replace(/[<>]/g, encodeURIComponent)}>` : path;
}

export { formatDuration } from '../formatDuration';

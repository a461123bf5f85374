// The Markdown filters of report templates. Every `{{ }}` output is escaped by default
// (`escapeOutput`); a filter that writes Markdown returns a Markdown value, which the default
// escaping leaves alone, so `{{ cmd | code | cell }}` is code inside a table cell.
import { Markdown, escapeText, fencedBlock, firstLine, inlineCode, inlineMarkdown, linkTarget, tableCell } from './markdown';

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Markdown) return value.text;
  if (Array.isArray(value)) return value.map(text).join(', ');
  return String(value);
}

function markdownOf(value: unknown): string {
  return value instanceof Markdown ? value.text : escapeText(text(value));
}

/** The engine's `outputEscape`: plain values become escaped one-line Markdown. */
export function escapeOutput(value: unknown): string {
  return markdownOf(value);
}

export const REPORT_FILTERS: Record<string, (value: unknown, ...args: unknown[]) => unknown> = {
  /** Plain text as one escaped line (what `{{ }}` does anyway; explicit in a chain). */
  md: (value) => new Markdown(markdownOf(value)),
  /** Inline Markdown a person wrote (runbook lines, notes): code spans kept, HTML and line breaks neutralised. */
  inline: (value) => (value instanceof Markdown ? value : new Markdown(inlineMarkdown(text(value)))),
  /** Inline code that survives backticks. */
  code: (value) => new Markdown(inlineCode(text(value))),
  /** A GFM table cell: one line, pipes escaped (plain text is escaped first). */
  cell: (value) => new Markdown(tableCell(markdownOf(value))),
  /** `{{ label | link: target }}`: a link to a relative path or an http(s) URL; other targets leave the label alone. */
  link: (value, target) => {
    const label = markdownOf(value) || escapeText(text(target));
    const destination = linkTarget(text(target));
    return new Markdown(destination === null ? label : `[${label}](${destination})`);
  },
  /** A fenced code block its content cannot close: `{{ invocation.text | fence: "bash" }}`. */
  fence: (value, language) => new Markdown(fencedBlock(text(value), text(language))),
  /** The first line of a command, "…" when there is more (plain text, still to be escaped). */
  firstline: (value) => firstLine(text(value)),
};

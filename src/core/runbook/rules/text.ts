// Small text rules shared by the modeler: slugs, numbering, gate and rollback headings.
import { cutWithEllipsis } from '../../text/cut';

/** GitHub-style anchor slug: lower case, punctuation dropped, spaces to dashes. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-');
}

/** A short id from free text: parentheticals dropped, at most `maxWords` words. */
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'into', 'in', 'on', 'and', 'or', 'for', 'with', 'at', 'by', 'from', 'is', 'are', 'be']);

const shortSlugs = new Map<string, string>();

export function shortSlug(text: string, maxWords = 4): string {
  const key = `${maxWords}\u0000${text}`;
  const known = shortSlugs.get(key);
  if (known !== undefined) return known;
  if (shortSlugs.size > 20_000) shortSlugs.clear();
  const slug = computeShortSlug(text, maxWords);
  shortSlugs.set(key, slug);
  return slug;
}

function computeShortSlug(text: string, maxWords: number): string {
  const words = text
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  return (meaningful.length > 0 ? meaningful : words).slice(0, maxWords).join('-');
}

/** Leading section numbering such as "2. ", "3.1 ", "4) ". */
const NUMBERING = /^\d+(?:\.\d+)*[.)]?\s+/;

export function stripNumbering(text: string): string {
  return text.replace(NUMBERING, '');
}

/** A heading that names gates: "KPI and SLO Gates", "Release gate", "SLOs", "Thresholds Applied" (not "Per Gate Execution"). */
export function namesGates(heading: string): boolean {
  const text = stripNumbering(heading).trim();
  if (/\b(gates|kpis?|slos?|slis?|thresholds?)\b/i.test(text)) return true;
  return /^gate\b/i.test(text) || /\bgate$/i.test(text.replace(/[^\p{L}\p{N}]+$/u, ''));
}

/** "Rollback", "5. Rollback Procedure", "Roll back the database", "Emergency rollback". */
export function isRollbackTitle(text: string): boolean {
  // Every heading asks (twice); both patterns need "roll".
  if (!/roll/i.test(text)) return false;
  const words = stripNumbering(text).trim().replace(/[^\p{L}\p{N}]+$/u, '');
  return /^(?:roll[- ]?back|rolling back)\b/i.test(words) || /\broll[- ]?back$/i.test(words);
}

/** Whitespace that is not one plain space between words. */
const SPACE_TO_COLLAPSE = /\s\s|[^\S ]/;

/** The last non-empty line of a text block, trailing colon dropped: the title for what follows. */
export function titleLine(text: string): string {
  // From the end: only the last non-blank line is wanted, and paragraphs can be long.
  for (let end = text.length; ; ) {
    const start = end === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line.length > 0) {
      // Trimmed, so only a final colon (and the spaces before it) can go; most lines need no collapsing.
      const collapsed = SPACE_TO_COLLAPSE.test(line) ? line.replace(/\s+/g, ' ') : line;
      return collapsed.endsWith(':') ? collapsed.slice(0, -1).trimEnd() : collapsed;
    }
    if (start === 0) return '';
    end = start - 1;
  }
}

/** Ids for a message: the first twelve, then how many more; "none" when there are none. */
export function idList<T>(items: readonly T[], idOf: (item: T) => string): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, 12).map(idOf).join(', ');
  return items.length <= 12 ? shown : `${shown} and ${items.length - 12} more`;
}

export function truncate(text: string, max = 80): string {
  const cut = cutWithEllipsis(text, max);
  return cut === text ? text : `${cut.slice(0, -1).trimEnd()}…`;
}

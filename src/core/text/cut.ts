// Cutting a one-line text to a width with "…", as titles, outcomes and table cells are cut.

/**
 * `text` when it fits in `max` characters; else its start and "…", `max` characters in all,
 * never ending on half a surrogate pair (an emoji cut in two is a lone surrogate, which UTF-8
 * writes as U+FFFD).
 */
export function cutWithEllipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

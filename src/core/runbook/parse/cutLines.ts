// What the splitter reads from one line without parsing it: line offsets, list markers,
// fences, thematic breaks, HTML block openers, and a content hash for cut points. Loops over
// character codes, never a backtracking regex over a whole line (lines may be megabytes long).

/** Line start offsets and lengths (terminators excluded); the text after a final terminator is a last, empty line. */
export function lineTable(text: string): { starts: number[]; lengths: number[] } {
  const starts: number[] = [0];
  const lengths: number[] = [];
  if (text.indexOf('\r') < 0) {
    // Only LF: let indexOf find them (several times faster than a loop over every character).
    let start = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', start)) {
      lengths.push(at - start);
      start = at + 1;
      starts.push(start);
    }
    lengths.push(text.length - start);
    return { starts, lengths };
  }
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lengths.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      starts.push(start);
    }
  }
  lengths.push(text.length - start);
  return { starts, lengths };
}

export const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
export const HTML_OPENERS: [RegExp, RegExp][] = [
  [/^<!--/, /-->/],
  [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
];

export function hashLine(text: string, start: number, end: number): number {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** "- - -", "***", "___ _": three or more of one marker and only spaces or tabs between.
 * A loop, not a backreferencing regex: V8 overflows its stack on a regex over a 4 MB line. */
export function isThematicBreak(text: string, start: number, end: number): boolean {
  const marker = text.charCodeAt(start);
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === marker) count++;
    else if (c !== 32 && c !== 9) return false;
  }
  return count >= 3;
}

/** Length of a closing fence run of `char` at `from` when only whitespace follows it, else 0. */
export function fenceRun(text: string, from: number, end: number, char: number): number {
  let j = from;
  while (j < end && text.charCodeAt(j) === char) j++;
  for (let k = j; k < end; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return 0;
  return j - from;
}

/** Column where a list item's content starts ("1. x" -> 3, "-    x" -> 5, "-" -> 2; tabs to stops of 4). */
export function contentIndent(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  i++; // the bullet, or the "." / ")" after the digits
  const markerWidth = i - start;
  let column = markerWidth;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    column = text.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
    i++;
  }
  const spaces = column - markerWidth;
  if (i === end || spaces === 0 || spaces > 4) return markerWidth + 1;
  return column;
}

/** A fence opening at `at` (three or more ` or ~; a backtick fence's info has no backtick), else null. */
export function fenceOpening(text: string, at: number, end: number): { char: number; length: number } | null {
  const char = text.charCodeAt(at);
  if (char !== 96 && char !== 126) return null;
  let j = at;
  while (j < end && text.charCodeAt(j) === char) j++;
  if (j - at < 3) return null;
  if (char === 96) {
    const tick = text.indexOf('`', j);
    if (tick >= 0 && tick < end) return null;
  }
  return { char, length: j - at };
}

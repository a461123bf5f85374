// Untrusted text (issue titles, step output, error messages, ids from a runbook) made safe to
// show: no control character reaches a terminal or a Markdown/TSV line raw, so nothing can
// clear the screen, set the window title, move the cursor over earlier text, end a line or a
// table row early, or reorder what the reader sees (Trojan Source).
//
// How a character is shown (docs/shell-semantics.md#control-characters):
//   - C0 controls and DEL become their Unicode "control pictures": ESC -> ␛, BEL -> ␇,
//     NUL -> ␀, LF -> ␊, CR -> ␍, DEL -> ␡. An escape sequence loses its ESC and reads as
//     text: "\x1b]0;title\x07" -> "␛]0;title␇".
//   - C1 controls (U+0080-U+009F, e.g. the one-byte CSI U+009B), bidirectional controls
//     (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), zero-width and BOM characters
//     (U+200B-U+200D, U+2060, U+FEFF) and the Unicode line/paragraph separators
//     (U+2028, U+2029) have no picture: they become "<U+202E>".
// A literal "␛" in the input looks like a replaced ESC: this is for reading, not a reversible
// encoding.

// eslint-disable-next-line no-control-regex
const C0_BUT_TAB_LF_CR = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/;
const INVISIBLE = /[\u0080-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/;

// One pattern per use, built from the classes above so they cannot drift apart.
const MULTI_LINE = new RegExp(`\\r(?!\\n)|${C0_BUT_TAB_LF_CR.source}|${INVISIBLE.source}`, 'g');
const ONE_LINE = new RegExp(`[\\n\\r]|${C0_BUT_TAB_LF_CR.source}|${INVISIBLE.source}`, 'g');
const ONE_LINE_KEEPING_COLORS = new RegExp(`\\u001b\\[[0-9;:]*m|${ONE_LINE.source}`, 'g');
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
const RESET_COLORS = '\u001b[0m';

/** How one control character is shown: "␛" for C0 and DEL, "<U+202E>" for the rest. */
export function visibleCharacter(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

function replaceAll(text: string, pattern: RegExp): string {
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return text;
  pattern.lastIndex = 0;
  return text.replace(pattern, visibleCharacter);
}

/**
 * Multi-line text (a code block, a log excerpt): tabs, line feeds and CR LF pairs are kept;
 * every other control character is shown. A lone CR is shown too: in a terminal it would
 * return to the start of the line and let later text hide earlier text.
 */
export function visibleControlChars(text: string): string {
  return replaceAll(text, MULTI_LINE);
}

export interface TerminalLineOptions {
  /**
   * Keep SGR color sequences (ESC [ ... m) and end the line with a color reset, so a step's
   * colored output stays colored and cannot color what follows. Every other sequence (cursor
   * movement, screen clear, window title, hyperlinks) is shown as text. Default: false.
   */
  keepColors?: boolean;
}

/** One line for a terminal: tabs kept; line breaks and every other control character shown. */
export function terminalLine(text: string, options: TerminalLineOptions = {}): string {
  if (!options.keepColors) return replaceAll(text, ONE_LINE);
  ONE_LINE_KEEPING_COLORS.lastIndex = 0;
  if (!ONE_LINE_KEEPING_COLORS.test(text)) return text;
  let colored = false;
  const shown = text.replace(ONE_LINE_KEEPING_COLORS, (match) => {
    // The only match longer than one character is a color sequence.
    if (match.length === 1) return visibleCharacter(match);
    colored = true;
    return match;
  });
  return colored ? shown + RESET_COLORS : shown;
}

/**
 * One line for a Markdown table cell, a list item or a TSV field: every line break (CR LF,
 * LF, CR, VT, FF, NEL, U+2028, U+2029) and tab becomes one space; every other control
 * character is shown. Markdown escaping is a separate step (src/core/report/markdown.ts).
 */
export function flatLine(text: string): string {
  LINE_BREAKS.lastIndex = 0;
  const flat = LINE_BREAKS.test(text) || text.includes('\t') ? text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ') : text;
  return replaceAll(flat, ONE_LINE);
}

// Terminal output -> styled text runs, with anser for the SGR colour codes. Everything that is
// not a colour (OSC 8 links, titles, cursor moves, bells, backspaces) is dropped: a step's
// output is text, so a `javascript:` hyperlink can never become a link.
/* eslint-disable no-control-regex -- matching terminal control characters is this file's job */
import Anser from 'anser';

export interface StyledRun {
  text: string;
  /** CSS classes: "ansi-red-fg", "ansi-bright-blue-bg", "ansi-bold"... */
  classes: string[];
  /** Truecolor and 256-colour values, set through the CSSOM (never a style attribute). */
  color: string | null;
  background: string | null;
}

// OSC (ESC ] … BEL or ESC \), DCS/PM/APC strings, and lone two-byte escapes other than CSI.
const OSC = /\x1b[\]PX^_][\s\S]*?(?:\x07|\x1b\\)/g;
const CSI = /\x1b\[([0-9;:?]*)([@-~])/g;
const OTHER_ESC = /\x1b[^[\]PX^_]/g;
// C0 controls except tab, line feed, carriage return and escape.
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;

/** Removes what is not text or colour; SGR codes (`ESC [ … m`) are kept for anser. */
export function cleanTerminalText(text: string): string {
  return text
    .replace(OSC, '')
    .replace(CSI, (whole, _params: string, final: string) => (final === 'm' ? whole : ''))
    .replace(OTHER_ESC, '')
    .replace(CONTROLS, '');
}

/** Where a chunk may be cut without splitting an escape sequence: text after it is held back. */
export function safeCut(text: string): number {
  const esc = text.lastIndexOf('\x1b');
  if (esc < 0 || text.length - esc > 256) return text.length;
  const tail = text.slice(esc);
  const complete = /^\x1b\[[0-9;:?]*[@-~]/.test(tail) || /^\x1b[\]PX^_][\s\S]*?(?:\x07|\x1b\\)/.test(tail) || /^\x1b[^[\]PX^_]/.test(tail);
  return complete ? text.length : esc;
}

const PALETTE_LEVELS = [0, 95, 135, 175, 215, 255];
const BASIC = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

/** xterm's 256-colour palette beyond the 16 themed colours. */
function paletteColor(n: number): string | null {
  if (n < 16 || n > 255) return null;
  if (n >= 232) {
    const level = 8 + (n - 232) * 10;
    return `rgb(${level}, ${level}, ${level})`;
  }
  const i = n - 16;
  return `rgb(${PALETTE_LEVELS[Math.floor(i / 36)]}, ${PALETTE_LEVELS[Math.floor(i / 6) % 6]}, ${PALETTE_LEVELS[i % 6]})`;
}

function colour(name: string | null, truecolor: string | null, layer: 'fg' | 'bg'): { cls: string | null; value: string | null } {
  if (!name) return { cls: null, value: null };
  if (name === 'ansi-truecolor') {
    return { cls: null, value: truecolor && /^\d{1,3}, \d{1,3}, \d{1,3}$/.test(truecolor) ? `rgb(${truecolor})` : null };
  }
  const palette = /^ansi-palette-(\d+)$/.exec(name);
  if (palette) {
    const n = Number(palette[1]);
    if (n < 8) return { cls: `ansi-${BASIC[n]}-${layer}`, value: null };
    if (n < 16) return { cls: `ansi-bright-${BASIC[n - 8]}-${layer}`, value: null };
    return { cls: null, value: paletteColor(n) };
  }
  return /^ansi-[a-z-]+$/.test(name) ? { cls: `${name}-${layer}`, value: null } : { cls: null, value: null };
}

/**
 * Converts one piece of output (no line breaks) to styled runs. `carry` holds the SGR codes
 * still in force from earlier pieces (anser itself starts each call afresh); the new carry
 * is returned.
 */
export function styleRuns(text: string, carry: string): { runs: StyledRun[]; carry: string } {
  const nextCarry = carrySgr(carry, text);
  if (!text.includes('\x1b') && carry === '') return { runs: text ? [{ text, classes: [], color: null, background: null }] : [], carry: nextCarry };
  const entries = Anser.ansiToJson(carry + text, { use_classes: true, remove_empty: true });
  const runs: StyledRun[] = [];
  for (const entry of entries) {
    if (!entry.content) continue;
    const fg = colour(entry.fg, entry.fg_truecolor, 'fg');
    const bg = colour(entry.bg, entry.bg_truecolor, 'bg');
    const classes = [fg.cls, bg.cls, ...entry.decorations.map((d) => `ansi-${d}`)].filter((c): c is string => c !== null);
    runs.push({ text: entry.content, classes, color: fg.value, background: bg.value });
  }
  return { runs, carry: nextCarry };
}

/** The SGR codes in force after `text`: a reset clears them; at most a few are kept. */
export function carrySgr(carry: string, text: string): string {
  let codes = carry;
  for (const match of text.matchAll(/\x1b\[([0-9;:]*)m/g)) {
    const params = match[1]!;
    if (params === '' || params === '0' || params.startsWith('0;')) codes = params.startsWith('0;') ? `\x1b[${params.slice(2)}m` : '';
    else codes += match[0];
  }
  // Only the latest few matter (a later colour replaces an earlier one); keep it short.
  const kept = codes.match(/\x1b\[[0-9;:]*m/g) ?? [];
  return kept.slice(-8).join('');
}

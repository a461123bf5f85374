// Terminal escape sequences a program may print in the middle of a secret (`sec\x1b[0mret`, a
// colour reset, a hyperlink): the masker steps over them between a secret's characters.

export const ESC = 0x1b;
const BEL = 0x07;
const BACKSLASH = 0x5c;
/** Longer "sequences" are treated as text: a bound on what the masker may hold back. */
export const MAX_ESCAPE_LENGTH = 256;

/** The escape sequence at `pos` (which holds ESC) is cut off by the end of the available bytes. */
export const ESCAPE_INCOMPLETE = -1;

/**
 * Length of the escape sequence starting at `pos` in bytes[pos..end): CSI (`ESC [ … final`),
 * OSC/DCS/APC/PM/SOS strings (`ESC ] … BEL` or `… ESC \`), or a short `ESC (intermediates) final`.
 * 0 when the bytes there are not one; ESCAPE_INCOMPLETE when more bytes are needed to tell.
 */
export function escapeLength(bytes: Uint8Array, pos: number, end: number): number {
  if (bytes[pos] !== ESC) return 0;
  const limit = Math.min(end, pos + MAX_ESCAPE_LENGTH);
  const cutOff = end < pos + MAX_ESCAPE_LENGTH ? ESCAPE_INCOMPLETE : 0;
  if (pos + 1 >= limit) return cutOff;
  const kind = bytes[pos + 1]!;
  if (kind === 0x5b) {
    // CSI: parameters 0x30-0x3f, intermediates 0x20-0x2f, one final byte 0x40-0x7e.
    let i = pos + 2;
    while (i < limit && bytes[i]! >= 0x30 && bytes[i]! <= 0x3f) i++;
    while (i < limit && bytes[i]! >= 0x20 && bytes[i]! <= 0x2f) i++;
    if (i >= limit) return cutOff;
    return bytes[i]! >= 0x40 && bytes[i]! <= 0x7e ? i + 1 - pos : 0;
  }
  if (kind === 0x5d || kind === 0x50 || kind === 0x58 || kind === 0x5e || kind === 0x5f) {
    // A string up to BEL or ST (ESC \).
    for (let i = pos + 2; i < limit; i++) {
      if (bytes[i] === BEL) return i + 1 - pos;
      if (bytes[i] === ESC) {
        if (i + 1 >= limit) return cutOff;
        return bytes[i + 1] === BACKSLASH ? i + 2 - pos : 0;
      }
    }
    return cutOff;
  }
  // ESC, intermediates 0x20-0x2f, final 0x30-0x7e: `ESC ( B`, `ESC 7`, `ESC =`.
  let i = pos + 1;
  while (i < limit && bytes[i]! >= 0x20 && bytes[i]! <= 0x2f) i++;
  if (i >= limit) return cutOff;
  return bytes[i]! >= 0x30 && bytes[i]! <= 0x7e ? i + 1 - pos : 0;
}

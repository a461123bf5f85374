// Control characters made visible, so command output cannot hide text or move the reader's
// cursor: C0 controls become their Unicode "control pictures" (ESC -> ␛), DEL -> ␡, C1
// controls and bidirectional overrides (Trojan Source) become `<U+202E>`.
// Local stand-in until src/core/text/controlChars.ts lands (another engineer writes it).

// eslint-disable-next-line no-control-regex
const C0_OR_DEL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const C1_OR_BIDI = /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function codePoint(char: string): string {
  return `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Tabs, line feeds and carriage returns are kept; every other control character is shown. */
export function visibleControlChars(text: string): string {
  return text
    .replace(C0_OR_DEL, (char) => (char === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + char.charCodeAt(0))))
    .replace(C1_OR_BIDI, codePoint);
}

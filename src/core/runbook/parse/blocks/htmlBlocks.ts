// HTML blocks: the seven CommonMark start conditions and where each kind ends, as micromark
// reads them (a comment's end may share dashes with its opening: `<!-->` is whole).

const BLOCK_NAMES = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd',
  'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu',
  'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param', 'search', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
]);
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);

const TAG_NAME = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/;
const ATTRIBUTE = `[ \\t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t]*=[ \\t]*(?:[^ \\t"'=<>\`/]+|'[^']*'|"[^"]*"))?`;
const COMPLETE_OPEN_REST = new RegExp(`^(?:${ATTRIBUTE})*[ \\t]*/?>[ \\t]*$`);
const COMPLETE_CLOSE_REST = /^[ \t]*>[ \t]*$/;

/** Kind 1-7 of the HTML block that `text` (at the block's indentation) starts, or 0. */
export function htmlBlockStart(text: string, canInterrupt7: boolean): { kind: number; searchFrom: number } {
  if (text.charCodeAt(0) !== 60) return { kind: 0, searchFrom: 0 };
  if (text.startsWith('<!--')) return { kind: 2, searchFrom: 2 };
  if (text.startsWith('<?')) return { kind: 3, searchFrom: 1 };
  if (text.startsWith('<![CDATA[')) return { kind: 5, searchFrom: 9 };
  if (text.charCodeAt(1) === 33 && /^[A-Za-z]$/.test(text.charAt(2))) return { kind: 4, searchFrom: 2 };
  const tag = TAG_NAME.exec(text);
  if (!tag) return { kind: 0, searchFrom: 0 };
  const closing = tag[1] === '/';
  const name = (tag[2] ?? '').toLowerCase();
  const after = text.slice(tag[0].length);
  const next = after.charCodeAt(0);
  const ends = Number.isNaN(next) || next === 32 || next === 9 || next === 62;
  if (!closing && RAW_NAMES.has(name) && ends) return { kind: 1, searchFrom: tag[0].length };
  if (BLOCK_NAMES.has(name) && (ends || after.startsWith('/>'))) return { kind: 6, searchFrom: 0 };
  if (!canInterrupt7) return { kind: 0, searchFrom: 0 };
  if (closing ? COMPLETE_CLOSE_REST.test(after) : COMPLETE_OPEN_REST.test(after)) return { kind: 7, searchFrom: 0 };
  return { kind: 0, searchFrom: 0 };
}

const RAW_END = /<\/(?:script|pre|style|textarea)>/i;

/** Whether a line of an HTML block of `kind` ends it (searching from `from`). */
export function htmlBlockEnds(kind: number, line: string, from: number): boolean {
  switch (kind) {
    case 1: return RAW_END.test(from > 0 ? line.slice(from) : line);
    case 2: return line.indexOf('-->', from) >= 0;
    case 3: return line.indexOf('?>', from) >= 0;
    case 4: return line.indexOf('>', from) >= 0;
    case 5: return line.indexOf(']]>', from) >= 0;
    default: return false;
  }
}

// mdast-util-gfm-autolink-literal's pass over the finished tree: URLs and e-mail addresses
// left in text (outside links) become links; the pieces it makes carry no position, as in
// remark. URL candidates are scanned by hand under a budget (the library's regex rescans to
// the next space for every candidate, which is quadratic on adversarial text).
import type { Link, PhrasingContent, Text } from 'mdast';

const CANDIDATE = /(?<![\da-z])(?:https?:\/\/|www(?=\.))/gi;
const EMAIL = /(?<![\w+\-.]|(?:^|[^\d@A-Za-z])(?:mailto|xmpp):)([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g;
const MAILTO = /(?<![\w+\-.@])mailto:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g;
const XMPP = /(?<![\w+\-.@])xmpp:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)(\/(?:[\w\-/]|\.(?=[\dA-Za-z]))*)?/g;
const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const TRIMMED = new Set([33, 34, 38, 39, 41, 44, 46, 58, 59, 60, 62, 63, 93, 125]);

function isWord(c: number): boolean {
  return c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function previousOk(value: string, index: number): boolean {
  if (index === 0) return true;
  const ch = value.charAt(index - 1);
  return WHITESPACE.test(ch) || PUNCTUATION.test(ch);
}

function link(url: string, text: string): Link {
  return { type: 'link', title: null, url, children: [{ type: 'text', value: text }] };
}

function correctDomain(domain: string): boolean {
  const parts = domain.split('.');
  if (parts.length < 2) return false;
  const bad = (part: string | undefined): boolean => part !== undefined && part.length > 0 && (part.includes('_') || !/[\dA-Za-z]/.test(part));
  return !bad(parts[parts.length - 1]) && !bad(parts[parts.length - 2]);
}

function splitUrl(url: string): [string, string | undefined] {
  let index = url.length;
  while (index > 0 && TRIMMED.has(url.charCodeAt(index - 1))) index--;
  if (index === url.length) return [url, undefined];
  let trail = url.slice(index);
  let head = url.slice(0, index);
  const opening = head.split('(').length - 1;
  let closing = head.split(')').length - 1;
  let paren = trail.indexOf(')');
  while (paren !== -1 && opening > closing) {
    head += trail.slice(0, paren + 1);
    trail = trail.slice(paren + 1);
    paren = trail.indexOf(')');
    closing++;
  }
  return [head, trail];
}

type Piece = Text | Link;

/** The URL pass over one text value: pieces, or null when nothing matched. */
function urls(value: string): Piece[] | null {
  const out: Piece[] = [];
  let budget = 4 * value.length + 4096;
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(value); m && budget > 0; m = CANDIDATE.exec(value)) {
    const at = m.index;
    let i = CANDIDATE.lastIndex;
    // ([\w-]*\.[\w\-.]*) then ([^\t\n\r ]*)
    while (i < value.length && (isWord(value.charCodeAt(i)) || value.charCodeAt(i) === 45)) i++;
    let ok = value.charCodeAt(i) === 46;
    while (i < value.length && (isWord(value.charCodeAt(i)) || value.charCodeAt(i) === 45 || value.charCodeAt(i) === 46)) i++;
    const domainEnd = i;
    while (i < value.length && !/[\t\n\r ]/.test(value.charAt(i))) i++;
    budget -= i - at;
    let protocol = m[0];
    let domain = value.slice(CANDIDATE.lastIndex, domainEnd);
    let prefix = '';
    if (ok && !previousOk(value, at)) ok = false;
    if (ok && /^w/i.test(protocol)) {
      domain = protocol + domain;
      protocol = '';
      prefix = 'http://';
    }
    if (!ok || PUNCTUATION.test(domain.charAt(0)) || !correctDomain(domain)) {
      CANDIDATE.lastIndex = at + 1;
      continue;
    }
    const [url, trail] = splitUrl(domain + value.slice(domainEnd, i));
    if (at > start) out.push({ type: 'text', value: value.slice(start, at) });
    out.push(link(prefix + protocol + url, protocol + url));
    if (trail) out.push({ type: 'text', value: trail });
    start = i;
    CANDIDATE.lastIndex = i;
  }
  if (out.length === 0) return null;
  if (start < value.length) out.push({ type: 'text', value: value.slice(start) });
  return merged(out);
}

/** One of the e-mail passes over one text value. */
function emails(value: string, pattern: RegExp, make: (m: RegExpExecArray) => Link | null): Piece[] | null {
  const out: Piece[] = [];
  let start = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
    const made = make(m);
    if (!made) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    if (m.index > start) out.push({ type: 'text', value: value.slice(start, m.index) });
    out.push(made);
    start = m.index + m[0].length;
  }
  if (out.length === 0) return null;
  if (start < value.length) out.push({ type: 'text', value: value.slice(start) });
  return merged(out);
}

const PASSES: ((value: string) => Piece[] | null)[] = [
  urls,
  (v) => emails(v, XMPP, (m) => {
    const [whole, atext, label, resource] = m;
    if (/[\d\-_]$/.test(label ?? '') || (resource && (!/[A-Za-z]$/.test(resource) || v.charAt(m.index + whole.length) === '@'))) return null;
    const value = `xmpp:${atext}@${label}${resource ?? ''}`;
    return link(value, value);
  }),
  (v) => emails(v, MAILTO, (m) => (/[\d\-_]$/.test(m[2] ?? '') ? null : link(`mailto:${m[1]}@${m[2]}`, `mailto:${m[1]}@${m[2]}`))),
  (v) => emails(v, EMAIL, (m) => (/[\d\-_]$/.test(m[2] ?? '') ? null : link(`mailto:${m[1]}@${m[2]}`, `${m[1]}@${m[2]}`))),
];

function merged(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && last.type === 'text' && piece.type === 'text') last.value += piece.value;
    else out.push(piece);
  }
  return out;
}

/** Anything a pass could turn into a link. */
export const MAY_LINK = /https?:\/\/|www\.|@/i;

/** Applies each pass in turn to all text in `nodes` (not inside links), in place. */
export function transformLiteralAutolinks(nodes: PhrasingContent[]): void {
  if (!mayLink(nodes)) return;
  for (const pass of PASSES) applyPass(nodes, pass);
}

function mayLink(nodes: readonly PhrasingContent[]): boolean {
  for (const node of nodes) {
    if (node.type === 'text' ? MAY_LINK.test(node.value) : node.type !== 'link' && node.type !== 'linkReference' && 'children' in node && mayLink(node.children as PhrasingContent[])) return true;
  }
  return false;
}

function applyPass(nodes: PhrasingContent[], pass: (value: string) => Piece[] | null): void {
  // Rebuilt only when something matched: splicing in place would be quadratic on long paragraphs.
  let out: PhrasingContent[] | null = null;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as PhrasingContent;
    let pieces: Piece[] | null = null;
    if (node.type === 'text') {
      if (MAY_LINK.test(node.value)) pieces = pass(node.value);
    } else if (node.type !== 'link' && node.type !== 'linkReference' && 'children' in node) {
      applyPass(node.children as PhrasingContent[], pass);
    }
    if (pieces) {
      out ??= nodes.slice(0, i);
      out.push(...pieces);
    } else if (out) out.push(node);
  }
  if (out) {
    nodes.length = 0;
    for (const node of out) nodes.push(node);
  }
}

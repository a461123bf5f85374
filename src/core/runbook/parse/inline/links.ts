// Links and images, resolved when a `]` is met: an inline resource `(url "title")`, a full
// `[label]`, collapsed `[]` or shortcut reference to a definition, as micromark tries them.
// A link deactivates the `[` openers before it (no links in links); the walk stops at the
// first opener already inactive, so the work stays linear in the number of brackets.
import { Inline, depthBetween } from './inlineNodes';
import type { Delimiter } from './emphasis';
import type { InlineParser } from './inlineParser';
import type { Definition } from '../blocks/types';
import { decodeString, normalizeLabel } from './decode';
import { ScanBudget, scanDestination, scanLabel, scanTitle, skipWhitespace } from './linkParts';
import { MAX_INLINE_DEPTH } from '../limits';

interface Bracket {
  node: Inline;
  image: boolean;
  active: boolean;
  /** Offset just after the opening bracket. */
  index: number;
  previous: Bracket | null;
  /** The nearest `[` (not `![`) below this one. */
  previousLink: Bracket | null;
  previousDelimiter: Delimiter | null;
  /** Another bracket opened after this one (its text then cannot be a reference label). */
  bracketAfter: boolean;
}

type Resolved =
  | { kind: 'resource'; end: number; url: string }
  | { kind: 'full' | 'collapsed' | 'shortcut'; end: number; label: string };

export class LinkResolver {
  private top: Bracket | null = null;
  private topLink: Bracket | null = null;
  openCount = 0;
  private readonly budget: ScanBudget;

  constructor(private readonly parser: InlineParser, private readonly definitions: Map<string, Definition>) {
    this.budget = new ScanBudget(0);
  }

  /** Ready for new content of `length` characters. */
  reset(length: number): void {
    this.top = this.topLink = null;
    this.openCount = 0;
    this.budget.left = 4 * length + 4096;
  }

  open(node: Inline, image: boolean): void {
    if (this.top) this.top.bracketAfter = true;
    const bracket: Bracket = {
      node, image, active: true, index: node.end, previous: this.top, previousLink: this.topLink,
      previousDelimiter: this.parser.delimiters.top, bracketAfter: false,
    };
    this.top = bracket;
    if (!image) this.topLink = bracket;
    this.openCount++;
  }

  private pop(): void {
    const top = this.top;
    if (!top) return;
    this.top = top.previous;
    if (this.topLink === top) this.topLink = top.previousLink;
    this.openCount--;
  }

  /** The `]` at `at`; returns where parsing goes on. */
  close(at: number): number {
    const opener = this.top;
    if (!opener || !opener.active) {
      if (opener) this.pop();
      this.parser.text(']', at, at + 1);
      return at + 1;
    }
    const resolved = this.resolve(opener, at);
    if (!resolved || depthBetween(opener.node, null) >= MAX_INLINE_DEPTH) {
      if (resolved) this.flatten(opener);
      this.pop();
      this.parser.text(']', at, at + 1);
      return at + 1;
    }
    const type = resolved.kind === 'resource' ? (opener.image ? 'image' : 'link') : opener.image ? 'imageReference' : 'linkReference';
    const node = new Inline(type, '', opener.node.start, resolved.end);
    if (resolved.kind === 'resource') node.url = resolved.url;
    else {
      node.url = resolved.label;
      node.referenceType = resolved.kind;
    }
    node.adoptBetween(opener.node, null);
    this.parser.root.append(node);
    this.parser.delimiters.process(opener.previousDelimiter, true);
    opener.node.unlink();
    this.pop();
    if (!opener.image) {
      for (let link = this.topLink; link && link.active; link = link.previousLink) link.active = false;
    }
    return resolved.end;
  }

  /** Content nested too deep to become a link: its emphasis is resolved and it stays flat. */
  private flatten(opener: Bracket): void {
    this.parser.delimiters.process(opener.previousDelimiter, true);
    const group = new Inline('group', '', opener.node.end, this.parser.root.last?.end ?? opener.node.end);
    group.adoptBetween(opener.node, null);
    group.depth -= 1;
    this.parser.root.append(group);
  }

  private resolve(opener: Bracket, at: number): Resolved | null {
    const s = this.parser.s;
    const text = s.slice(opener.index, at);
    const defined = !opener.bracketAfter && text.length <= 999 && this.definitions.has(normalizeLabel(text));
    const after = at + 1;
    const c = s.charCodeAt(after);
    if (c === 40) {
      const resource = this.resource(after);
      if (resource) return { kind: 'resource', ...resource };
      return defined ? { kind: 'shortcut', end: after, label: text } : null;
    }
    if (c === 91) {
      const labelEnd = scanLabel(s, after, true);
      const label = labelEnd > 0 ? s.slice(after + 1, labelEnd - 1) : '';
      if (labelEnd > 0 && this.definitions.has(normalizeLabel(label))) return { kind: 'full', end: labelEnd, label };
      if (defined && s.charCodeAt(after + 1) === 93) return { kind: 'collapsed', end: after + 2, label: text };
      return null;
    }
    return defined ? { kind: 'shortcut', end: after, label: text } : null;
  }

  /** `(destination "title")` at `i`: where it ends and its URL, or null. */
  private resource(i: number): { end: number; url: string } | null {
    const s = this.parser.s;
    const start = skipWhitespace(s, i + 1);
    if (s.charCodeAt(start) === 41) return { end: start + 1, url: '' };
    const destination = scanDestination(s, start, 32, this.budget);
    if (!destination) return null;
    let end = skipWhitespace(s, destination.end);
    const open = s.charCodeAt(end);
    if (end > destination.end && (open === 34 || open === 39 || open === 40)) {
      const title = scanTitle(s, end, this.budget);
      if (!title) return null;
      end = skipWhitespace(s, title.end);
    }
    return s.charCodeAt(end) === 41 ? { end: end + 1, url: decodeString(destination.raw) } : null;
  }
}

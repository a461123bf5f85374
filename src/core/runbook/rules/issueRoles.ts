// Which issue references are dependencies (feed the dependency gate) and which are merely
// cited. A dependency: in a preconditions/dependencies section, looked up by a step
// (`gh issue view`, also in a loop), or in a sentence that says it must be closed ("blocked
// by", "depends on", "closed", "merged"). A citation: the document's own `Issue:` line, the
// front matter `issue`, and everything else.

export type ReferenceSource = 'text' | 'gh-view' | 'gh-loop';

export interface RoleInput {
  source: ReferenceSource;
  /** The dependency cue of its sentence ("blocked by"), or null. */
  cue: string | null;
  /** On the document's `Issue:` line. */
  issueLine: boolean;
  /** Title of the preconditions/dependencies section it sits in, or null. */
  preconditions: string | null;
  /** Same number (and repo) as the front matter `issue`. */
  frontMatterIssue: boolean;
}

export interface Role {
  role: 'dependency' | 'citation';
  why: string;
}

const CUE = /\b(blocked\s+(?:by|on)|blocking|depends?\s+on|depending\s+on|dependenc(?:y|ies)|must\s+be\s+(?:closed|resolved|merged|done)|closed|merged|resolved|waiting\s+(?:on|for)|requires?|prerequisites?)\b/i;

/** How far a sentence is read either side of a reference: a cue is next to it, not a page away. */
const SENTENCE_REACH = 240;

const endsSentence = (code: number): boolean => code === 46 /* . */ || code === 33 /* ! */ || code === 63 /* ? */ || code === 10 /* \n */;

/**
 * The sentence of `text` around `offset` (sentences end at . ! ? or a line break), at most
 * SENTENCE_REACH characters either side: a paragraph of thousands of references and no full
 * stop was read whole for each of them (64 KB: 8 s).
 */
function sentenceAt(text: string, offset: number): string {
  let start = offset;
  const first = Math.max(0, offset - SENTENCE_REACH);
  while (start > first && !endsSentence(text.charCodeAt(start - 1))) start--;
  let end = offset;
  const last = Math.min(text.length, offset + SENTENCE_REACH);
  while (end < last && !endsSentence(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

/** The dependency cue in the sentence holding `token` (searched from `from`), and where to search next. */
export function referenceCue(blockText: string, token: string, from: number): { cue: string | null; next: number } {
  let at = blockText.indexOf(token, from);
  if (at < 0) at = blockText.indexOf(token);
  if (at < 0) return { cue: null, next: from };
  const cue = CUE.exec(sentenceAt(blockText, at).replace(token, ' '));
  return { cue: cue ? (cue[1] ?? '').toLowerCase().replace(/\s+/g, ' ') : null, next: at + token.length };
}

export function referenceRole(input: RoleInput): Role {
  if (input.issueLine) return { role: 'citation', why: "the document's Issue: line" };
  if (input.frontMatterIssue) return { role: 'citation', why: 'the front matter issue' };
  if (input.source === 'gh-loop') return { role: 'dependency', why: 'gh issue view loop' };
  if (input.source === 'gh-view') return { role: 'dependency', why: 'gh issue view in a step' };
  if (input.preconditions !== null) return { role: 'dependency', why: `${input.preconditions} section` };
  if (input.cue !== null) return { role: 'dependency', why: `next to '${input.cue}'` };
  return { role: 'citation', why: 'cited' };
}

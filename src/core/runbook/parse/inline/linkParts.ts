// The pieces of links and definitions: labels `[...]`, destinations `<...>` or raw with
// balanced parentheses, and titles. Each scans forward from an index and stops at the first
// character that ends or breaks it, so every call is bounded by what it covers.

const LABEL_MAX = 999;

/** Characters speculative scans may still look at; shared by all scans of one inline content. */
export class ScanBudget {
  constructor(public left: number) {}
  static unlimited(): ScanBudget {
    return new ScanBudget(Number.POSITIVE_INFINITY);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isLineEnding(c: number): boolean {
  return c === 10 || c === 13;
}

/** A label at `s[i] === '['`: the index after its `]`, or -1. */
export function scanLabel(s: string, i: number, refuseCaret: boolean): number {
  let j = i + 1;
  let seen = false;
  let size = 0;
  if (refuseCaret && s.charCodeAt(j) === 94) return -1;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 91) return -1;
    if (c === 93) return seen ? j + 1 : -1;
    if (++size > LABEL_MAX) return -1;
    if (!isLineEnding(c) && !isSpace(c)) seen = true;
    if (c === 92 && (s.charCodeAt(j + 1) === 91 || s.charCodeAt(j + 1) === 93 || s.charCodeAt(j + 1) === 92)) {
      j += 2;
      size++;
      continue;
    }
    j++;
  }
  return -1;
}

/** A destination at `i`: where it ends and its text (brackets of `<...>` removed), or null. */
export function scanDestination(s: string, i: number, balanceMax: number, budget: ScanBudget): { end: number; raw: string } | null {
  if (s.charCodeAt(i) === 60) {
    let j = i + 1;
    while (j < s.length) {
      if (budget.left-- <= 0) return null;
      const c = s.charCodeAt(j);
      if (c === 62) return { end: j + 1, raw: s.slice(i + 1, j) };
      if (c === 60 || isLineEnding(c)) return null;
      j += c === 92 && (s.charCodeAt(j + 1) === 60 || s.charCodeAt(j + 1) === 62 || s.charCodeAt(j + 1) === 92) ? 2 : 1;
    }
    return null;
  }
  let j = i;
  let balance = 0;
  for (;;) {
    if (budget.left-- <= 0) return null;
    const c = j < s.length ? s.charCodeAt(j) : -1;
    if (balance === 0 && (c === -1 || c === 41 || c === 32 || isLineEnding(c) || c === 9)) {
      return j === i ? null : { end: j, raw: s.slice(i, j) };
    }
    if (c === 40 && balance < balanceMax) balance++;
    else if (c === 41) balance--;
    else if (c === -1 || c === 32 || c === 40 || c < 32 || c === 127) return null;
    else if (c === 92 && (s.charCodeAt(j + 1) === 40 || s.charCodeAt(j + 1) === 41 || s.charCodeAt(j + 1) === 92)) j++;
    j++;
  }
}

/** A title at `i` (`"..."`, `'...'` or `(...)`): where it ends and its text, or null. */
export function scanTitle(s: string, i: number, budget: ScanBudget): { end: number; raw: string } | null {
  const open = s.charCodeAt(i);
  if (open !== 34 && open !== 39 && open !== 40) return null;
  const close = open === 40 ? 41 : open;
  let j = i + 1;
  while (j < s.length) {
    if (budget.left-- <= 0) return null;
    const c = s.charCodeAt(j);
    if (c === close) return { end: j + 1, raw: s.slice(i + 1, j) };
    j += c === 92 && (s.charCodeAt(j + 1) === close || s.charCodeAt(j + 1) === 92) ? 2 : 1;
  }
  return null;
}

/** Index after spaces, tabs and line endings from `i`. */
export function skipWhitespace(s: string, i: number): number {
  while (i < s.length && (isSpace(s.charCodeAt(i)) || isLineEnding(s.charCodeAt(i)))) i++;
  return i;
}

export function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

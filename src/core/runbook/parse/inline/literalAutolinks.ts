// GFM literal autolinks (`https://…`, `www.…`, `a@b.co`) as remark-gfm finds them: first
// micromark's tokenizer while text is scanned, then mdast-util-gfm-autolink-literal's pass
// over the text that is left (it catches URLs inside brackets that never became links).

const TRAIL_CHARS = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]); // ! " ' ) * , . : ; ? _ ~
const PATH_CHECKED = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126]);
const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

function isAsciiAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAsciiAlphanumeric(c: number): boolean {
  return isAsciiAlpha(c) || (c >= 48 && c <= 57);
}
function isAtext(c: number): boolean {
  return c === 43 || c === 45 || c === 46 || c === 95 || isAsciiAlphanumeric(c);
}
function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || (c > 127 && WHITESPACE.test(String.fromCharCode(c)));
}
function isPunctuation(c: number): boolean {
  return c >= 0 && PUNCTUATION.test(String.fromCharCode(c));
}

export interface LiteralLink {
  end: number;
  url: string;
}

export class LiteralAutolinkScanner {
  /** 1 where micromark's "trail" check succeeds from that index (computed once, right to left). */
  private trail: Uint8Array | null = null;
  /** Characters the scans may still look at: keeps adversarial input linear. */
  budget = 0;
  private s = '';

  reset(s: string): void {
    this.s = s;
    this.trail = null;
    this.atSign = -2;
    this.budget = 4 * s.length + 4096;
  }

  private code(i: number): number {
    return i >= 0 && i < this.s.length ? this.s.charCodeAt(i) : -1;
  }

  private trailAt(i: number): boolean {
    if (!this.trail) this.trail = computeTrail(this.s);
    return this.trail[i] === 1;
  }

  /** Whether micromark would try a literal autolink at `i`, judging by the characters around it. */
  mayStart(i: number): boolean {
    const c = this.code(i);
    const previous = this.code(i - 1);
    if ((c === 104 || c === 72) && !isAsciiAlpha(previous)) return true;
    if ((c === 119 || c === 87) && previousWww(previous)) return true;
    return previous !== 47 && !isAtext(previous) && this.hasAtSignFrom(i);
  }

  private atSign = -2;

  private hasAtSignFrom(i: number): boolean {
    if (this.atSign === -2 || (this.atSign >= 0 && this.atSign < i)) this.atSign = this.s.indexOf('@', i);
    return this.atSign >= 0;
  }

  /** A literal autolink starting at `i`, tried as micromark tries them for this character. */
  at(i: number): LiteralLink | null {
    if (this.budget <= 0) return null;
    const c = this.code(i);
    const previous = this.code(i - 1);
    let link: LiteralLink | null = null;
    if (isAtext(c) && previous !== 47 && !isAtext(previous) && this.hasAtSignFrom(i)) link = this.email(i);
    if (!link && (c === 104 || c === 72) && !isAsciiAlpha(previous)) link = this.protocol(i);
    if (!link && (c === 119 || c === 87) && previousWww(previous)) link = this.www(i);
    return link;
  }

  private email(i: number): LiteralLink | null {
    let j = i;
    while (isAtext(this.code(j))) j++;
    this.budget -= j - i;
    if (this.code(j) !== 64) return null;
    j++;
    let dot = false;
    let data = false;
    for (;;) {
      const c = this.code(j);
      if (c === 46) {
        if (!isAsciiAlphanumeric(this.code(j + 1))) break;
        dot = true;
      } else if (c === 45 || c === 95 || isAsciiAlphanumeric(c)) data = true;
      else break;
      j++;
    }
    this.budget -= j - i;
    if (!data || !dot || !isAsciiAlpha(this.code(j - 1))) return null;
    return { end: j, url: `mailto:${this.s.slice(i, j)}` };
  }

  private protocol(i: number): LiteralLink | null {
    const head = /^https?:\/\//i.exec(this.s.slice(i, i + 8));
    if (!head) return null;
    const after = this.code(i + head[0].length);
    if (after < 0 || after < 32 || after === 127 || isWhitespace(after) || isPunctuation(after)) return null;
    const end = this.domainAndPath(i + head[0].length);
    return end < 0 ? null : { end, url: this.s.slice(i, end) };
  }

  private www(i: number): LiteralLink | null {
    if (!/^www\./i.test(this.s.slice(i, i + 4)) || i + 4 >= this.s.length) return null;
    const end = this.domainAndPath(i);
    return end < 0 ? null : { end, url: `http://${this.s.slice(i, end)}` };
  }

  /** Domain then path from `i`: where the link ends, or -1. */
  private domainAndPath(i: number): number {
    let j = i;
    let seen = false;
    let underscoreLast = false;
    let underscoreLastLast = false;
    for (;;) {
      const c = this.code(j);
      if (c === 46 || c === 95) {
        if (this.trailAt(j)) break;
        if (c === 95) underscoreLast = true;
        else {
          underscoreLastLast = underscoreLast;
          underscoreLast = false;
        }
        j++;
        continue;
      }
      if (c < 0 || isWhitespace(c) || (c !== 45 && isPunctuation(c))) break;
      seen = true;
      j++;
    }
    this.budget -= j - i;
    if (underscoreLast || underscoreLastLast || !seen) return -1;
    const pathStart = j;
    let open = 0;
    let close = 0;
    for (;;) {
      const c = this.code(j);
      if (c === 40) open++;
      else if (c === 41 && close < open) close++;
      else if (PATH_CHECKED.has(c)) {
        if (this.trailAt(j)) break;
        if (c === 41) close++;
      } else if (c < 0 || isWhitespace(c)) break;
      j++;
    }
    this.budget -= j - pathStart;
    return j;
  }
}

function previousWww(c: number): boolean {
  return c < 0 || c === 40 || c === 42 || c === 95 || c === 91 || c === 93 || c === 126 || c === 32 || c === 9 || c === 10 || c === 13;
}

/** micromark's trail check at every index: trailing punctuation that ends a URL. */
function computeTrail(s: string): Uint8Array {
  const n = s.length;
  const ok = new Uint8Array(n + 1);
  ok[n] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (TRAIL_CHARS.has(c)) ok[i] = ok[i + 1] ?? 0;
    else if (c === 38) {
      let k = i + 1;
      while (k < n && isAsciiAlpha(s.charCodeAt(k))) k++;
      ok[i] = k > i + 1 && s.charCodeAt(k) === 59 ? (ok[k + 1] ?? 0) : 0;
    } else if (c === 93) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
      ok[i] = next < 0 || next === 40 || next === 91 || isWhitespace(next) ? 1 : (ok[i + 1] ?? 0);
    } else ok[i] = c === 60 || isWhitespace(c) ? 1 : 0;
  }
  return ok;
}

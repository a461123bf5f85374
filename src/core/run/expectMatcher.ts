// Checks, as output streams past, whether it contains the annotation's expected text or
// /regex/. Plain text is found even across chunk boundaries; a regex sees each chunk with a
// bounded carry of what came before (a match longer than the carry may be missed).

const REGEX_CARRY = 4096;

export interface ExpectMatcher {
  push(text: string): void;
  readonly matched: boolean;
}

export function parseExpect(expect: string): RegExp | string {
  const m = /^\/(.+)\/([dgimsuy]*)$/s.exec(expect);
  if (!m) return expect;
  try {
    return new RegExp(m[1]!, m[2]!.replace('g', '').replace('y', ''));
  } catch {
    return expect;
  }
}

export function createExpectMatcher(expect: string): ExpectMatcher {
  const pattern = parseExpect(expect);
  const carryLength = typeof pattern === 'string' ? Math.max(pattern.length - 1, 0) : REGEX_CARRY;
  let carry = '';
  let matched = false;
  return {
    push(text) {
      if (matched || text.length === 0) return;
      const window = carry + text;
      matched = typeof pattern === 'string' ? window.includes(pattern) : pattern.test(window);
      carry = carryLength === 0 ? '' : window.slice(-carryLength);
    },
    get matched() {
      return matched;
    },
  };
}

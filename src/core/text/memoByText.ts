// A pure function of one text, remembered: the parser reads the same texts again on every edit
// (stage lines, gate titles, fence info strings, commands). Bounded: past `limit` texts the
// memo starts over, so a document of unique texts costs a clear now and then, never memory.
// Results are shared between callers and must never be changed by them.
export function memoByText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const cached = known.get(text);
    if (cached !== undefined) return cached;
    if (known.size > limit) known.clear();
    const value = compute(text);
    known.set(text, value);
    return value;
  };
}

// The dependency items a check reads: the issues it names (by the references it holds), each
// once, in the record's order; a check that names none reads them all. Looked up in an index
// made once per list of items: a long runbook has thousands of references and checks.
import type { CheckRecord, DependencyItem, DependencyRecord } from './record';

const places = new WeakMap<readonly DependencyItem[], { length: number; at: Map<string, number> }>();

export function dependencyItemsOf(check: Pick<CheckRecord, 'issueIds'>, deps: DependencyRecord): DependencyItem[] {
  if (check.issueIds.length === 0) return deps.items;
  const at = placeOf(deps.items);
  const found = new Set<number>();
  for (const id of check.issueIds) {
    const n = at.get(id);
    if (n !== undefined) found.add(n);
  }
  return [...found].sort((a, b) => a - b).map((n) => deps.items[n]!);
}

/** Each item's place by its reference (the first, if two share one). */
function placeOf(items: readonly DependencyItem[]): Map<string, number> {
  const known = places.get(items);
  if (known && known.length === items.length) return known.at;
  const at = new Map<string, number>();
  items.forEach((item, n) => {
    if (!at.has(item.refId)) at.set(item.refId, n);
  });
  places.set(items, { length: items.length, at });
  return at;
}

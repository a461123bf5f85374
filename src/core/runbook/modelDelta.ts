// What changed between two models of the same document, list by list: how many items both
// share at the start and at the end (compared as plain data). After a keystroke nearly every
// item is the same, so the worker sends only the items in between and the host keeps the
// rest of the model it already has: its work per edit no longer grows with the document.
import type { Runbook } from './model';
import { LISTS, type ListField } from './modelParts';

export interface ListDelta {
  field: ListField;
  /** Items kept from the start of the previous list. */
  keepPrefix: number;
  /** Items kept from the end of the previous list. */
  keepSuffix: number;
}

/** Deep equality of JSON-like data (what a Runbook is made of). */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlainData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!samePlainData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** For each list, the items `next` shares with `previous` at its start and its end. */
export function modelDelta(previous: Runbook, next: Runbook): ListDelta[] {
  return LISTS.map((field) => {
    const before: unknown[] = previous[field];
    const after: unknown[] = next[field];
    const most = Math.min(before.length, after.length);
    let keepPrefix = 0;
    while (keepPrefix < most && samePlainData(before[keepPrefix], after[keepPrefix])) keepPrefix++;
    let keepSuffix = 0;
    while (keepSuffix < most - keepPrefix && samePlainData(before[before.length - 1 - keepSuffix], after[after.length - 1 - keepSuffix])) keepSuffix++;
    return { field, keepPrefix, keepSuffix };
  });
}

/** `next` with each list cut to the items the deltas do not keep: what has to be sent. */
export function changedPart(next: Runbook, deltas: ListDelta[]): Runbook {
  const cut: Record<string, unknown> = { ...next };
  for (const { field, keepPrefix, keepSuffix } of deltas) {
    const list: unknown[] = next[field];
    cut[field] = list.slice(keepPrefix, list.length - keepSuffix);
  }
  return cut as unknown as Runbook;
}

/** The new model: `base`'s kept ends around the changed items (the head is the changed part's). */
export function applyDelta(base: Runbook, changed: Runbook, deltas: ListDelta[]): Runbook {
  const whole: Record<string, unknown> = { ...changed };
  for (const { field, keepPrefix, keepSuffix } of deltas) {
    const before: unknown[] = base[field];
    if (keepPrefix + keepSuffix > before.length) throw new Error(`the delta keeps ${keepPrefix} + ${keepSuffix} ${field} of ${before.length}`);
    whole[field] = [...before.slice(0, keepPrefix), ...(changed[field] as unknown[]), ...before.slice(before.length - keepSuffix)];
  }
  return whole as unknown as Runbook;
}

// A Runbook cut into parts of a bounded number of items, and put back together. The model
// crosses from the parser's worker thread to the extension host in these parts, so that the
// host can take them in one at a time between other work: a 4 MB runbook's model is about a
// hundred thousand objects, half a second to deserialize in one piece.
import type { Runbook } from './model';

/** The Runbook fields that are lists; everything else travels in the head. */
export const LISTS = ['sections', 'stages', 'checks', 'steps', 'gates', 'issues', 'inputs', 'diagnostics'] as const;
export type ListField = (typeof LISTS)[number];

export type RunbookHead = Omit<Runbook, ListField>;

export interface RunbookPart {
  field: ListField;
  items: unknown[];
  /**
   * Set on a continuation: `items` go on the end of the array `key` of item `index` of the list
   * (an item's long array, such as a stage's 100,000 check ids, travels in parts of its own).
   */
  into?: { index: number; key: string };
}

export interface SplitRunbook {
  head: RunbookHead;
  parts: RunbookPart[];
}

/** An item's arrays longer than this travel apart from it, in continuation parts. */
const INLINE_ARRAY_MAX = 1024;

/**
 * Cuts the lists of `runbook` into parts of at most `itemsPerPart` items, in order; an item's
 * array longer than `inlineArrayMax` follows its item in continuations of `4 * itemsPerPart`.
 */
export function splitRunbook(runbook: Runbook, itemsPerPart: number, inlineArrayMax = INLINE_ARRAY_MAX): SplitRunbook {
  if (!Number.isInteger(itemsPerPart) || itemsPerPart < 1) throw new RangeError(`itemsPerPart must be a positive integer, not ${itemsPerPart}`);
  const head: Record<string, unknown> = { ...runbook };
  const parts: RunbookPart[] = [];
  const continuationSize = 4 * itemsPerPart;
  for (const field of LISTS) {
    delete head[field];
    const list: unknown[] = runbook[field];
    for (let start = 0; start < list.length; start += itemsPerPart) {
      const items = list.slice(start, start + itemsPerPart);
      const continuations: RunbookPart[] = [];
      items.forEach((item, offset) => {
        if (typeof item !== 'object' || item === null) return;
        let light: Record<string, unknown> | null = null;
        for (const [key, value] of Object.entries(item)) {
          if (!Array.isArray(value) || value.length <= inlineArrayMax) continue;
          light ??= { ...item };
          light[key] = [];
          for (let at = 0; at < value.length; at += continuationSize) {
            continuations.push({ field, items: value.slice(at, at + continuationSize), into: { index: start + offset, key } });
          }
        }
        if (light) items[offset] = light;
      });
      parts.push({ field, items }, ...continuations);
    }
  }
  return { head: head as RunbookHead, parts };
}

/** Takes the parts of splitRunbook one at a time, in order (a receiver can stop between any two). */
export class RunbookJoiner {
  private readonly lists: Record<ListField, unknown[]> = {
    sections: [], stages: [], checks: [], steps: [], gates: [], issues: [], inputs: [], diagnostics: [],
  };

  add(part: RunbookPart): void {
    if (!(LISTS as readonly string[]).includes(part.field)) throw new Error(`unknown runbook part "${String(part.field)}"`);
    const list = this.lists[part.field];
    if (part.into) {
      const { index, key } = part.into;
      const target = (list[index] as Record<string, unknown> | undefined)?.[key];
      if (!Array.isArray(target)) throw new Error(`a continuation for ${part.field}[${index}].${key}, which is not a list taken in`);
      for (const item of part.items) target.push(item);
      return;
    }
    for (const item of part.items) list.push(item);
  }

  /** The model (lists no part named come back empty). */
  runbook(head: RunbookHead): Runbook {
    return { ...head, ...this.lists } as Runbook;
  }
}

/** Puts the parts of splitRunbook back together. */
export function joinRunbook(head: RunbookHead, parts: Iterable<RunbookPart>): Runbook {
  const joiner = new RunbookJoiner();
  for (const part of parts) joiner.add(part);
  return joiner.runbook(head);
}

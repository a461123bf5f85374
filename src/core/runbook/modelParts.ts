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
}

export interface SplitRunbook {
  head: RunbookHead;
  parts: RunbookPart[];
}

/** Cuts the lists of `runbook` into parts of at most `itemsPerPart` items, in order. */
export function splitRunbook(runbook: Runbook, itemsPerPart: number): SplitRunbook {
  if (!Number.isInteger(itemsPerPart) || itemsPerPart < 1) throw new RangeError(`itemsPerPart must be a positive integer, not ${itemsPerPart}`);
  const head: Record<string, unknown> = { ...runbook };
  const parts: RunbookPart[] = [];
  for (const field of LISTS) {
    delete head[field];
    const list: unknown[] = runbook[field];
    for (let start = 0; start < list.length; start += itemsPerPart) parts.push({ field, items: list.slice(start, start + itemsPerPart) });
  }
  return { head: head as RunbookHead, parts };
}

/** Takes the parts of splitRunbook one at a time (a receiver can stop between any two). */
export class RunbookJoiner {
  private readonly lists: Record<ListField, unknown[]> = {
    sections: [], stages: [], checks: [], steps: [], gates: [], issues: [], inputs: [], diagnostics: [],
  };

  add(part: RunbookPart): void {
    if (!(LISTS as readonly string[]).includes(part.field)) throw new Error(`unknown runbook part "${String(part.field)}"`);
    const list = this.lists[part.field];
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

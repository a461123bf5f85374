// Which check a fence belongs to by where it is written: the innermost check item it sits in
// ("nested"), or the latest check item it follows with nothing else between them and at most
// one blank line ("adjacent"). Kept for the assembly's walk, one block at a time.
import type { SourceRange } from '../model';
import type { PositionalHow } from '../rules/draft';
import { within } from './ranges';

/** A check item of the walk: its placed range and its index in the draft's checks. */
export interface OpenCheck {
  range: SourceRange;
  index: number;
}

export class CheckPlaces {
  /** Check items enclosing the current block, outermost first. */
  private open: OpenCheck[] = [];
  /** The latest check item, and whether nothing but its own content has come since. */
  private last: OpenCheck | null = null;
  private adjacencyOpen = false;

  /** Whether a fence could still bind to the latest check as adjacent (else `other` has nothing to do). */
  get watching(): boolean {
    return this.adjacencyOpen;
  }

  /** A heading ends every item. */
  reset(): void {
    this.open = [];
    this.adjacencyOpen = false;
  }

  /** Drops the items that do not enclose `range`; the innermost one left, if any. */
  enclosing(range: SourceRange): OpenCheck | null {
    while (this.open.length > 0 && !within(this.open[this.open.length - 1]!.range, range)) this.open.pop();
    return this.open[this.open.length - 1] ?? null;
  }

  /** A new check item: it encloses what follows inside it, and a fence right after may bind to it. */
  opened(check: OpenCheck): void {
    this.open.push(check);
    this.last = check;
    this.adjacencyOpen = true;
  }

  /** Any block that is not part of the latest check closes its chance of an adjacent fence. */
  other(range: SourceRange): void {
    if (this.adjacencyOpen && this.last && !within(this.last.range, range)) this.adjacencyOpen = false;
  }

  /** Where a fence at `range` binds by position, if anywhere; then it counts as another block. */
  fence(range: SourceRange, manual: boolean): { index: number; how: PositionalHow } | null {
    const inside = this.enclosing(range);
    let place: { index: number; how: PositionalHow } | null = null;
    if (inside) place = { index: inside.index, how: 'nested' };
    else if (this.last && this.adjacencyOpen && !manual && range.startLine - this.last.range.endLine <= 2) place = { index: this.last.index, how: 'adjacent' };
    this.other(range);
    return place;
  }
}

// Unique ids for steps, stages and gates.

/** Hands out `base`, `base-2`, `base-3`... without rescanning (ids repeat a lot in big runbooks). */
export class IdPool {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();
  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.taken.add(id);
  }
  has(id: string): boolean {
    return this.taken.has(id);
  }
  add(id: string): void {
    this.taken.add(id);
  }
  claim(base: string): string {
    let id = base;
    if (this.taken.has(id)) {
      let n = this.next.get(base) ?? 2;
      while (this.taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.next.set(base, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}

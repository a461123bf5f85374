// The sections of a document as the assembly walks it: every section in order, the ones still
// open (innermost last), unique ids, and titles without their numbering.
import type { Section } from '../model';
import { stripNumbering } from '../rules/text';

export class SectionStack {
  /** Every section, in document order. */
  readonly all: Section[] = [];
  private readonly open: { section: Section; depth: number }[] = [];
  private readonly slugCounts = new Map<string, number>();
  private readonly plainTitles = new Map<Section, string>();

  push(section: Section, depth: number): void {
    this.all.push(section);
    this.open.push({ section, depth });
  }

  /** Closes the innermost open section and returns it. */
  pop(): Section | undefined {
    return this.open.pop()?.section;
  }

  /** Heading depth of the innermost open section (0 when none is open). */
  innermostDepth(): number {
    return this.open[this.open.length - 1]?.depth ?? 0;
  }

  current(): Section | null {
    return this.open[this.open.length - 1]?.section ?? null;
  }

  /** The innermost open section with this role, if any. */
  withRole(role: Section['role']): Section | null {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const section = this.open[i]?.section;
      if (section?.role === role) return section;
    }
    return null;
  }

  uniqueSlug(slug: string): string {
    const base = slug || 'section';
    const count = this.slugCounts.get(base) ?? 0;
    this.slugCounts.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }

  /** A section's title without its numbering ("4. Monitoring Commands" -> "Monitoring Commands"), read once. */
  plainTitle(section: Section): string {
    let title = this.plainTitles.get(section);
    if (title === undefined) {
      title = stripNumbering(section.title);
      this.plainTitles.set(section, title);
    }
    return title;
  }
}

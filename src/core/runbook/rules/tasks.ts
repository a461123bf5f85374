// Binds each task item to its step, as the document is walked: the step nested in the item
// (unless a nested task comes first), else a fenced step right after the item with at most
// one blank line between. Costs nothing while no task is waiting.
import type { SourceRange, TaskItem } from '../model';

function within(outer: SourceRange, inner: SourceRange): boolean {
  return (inner.startLine > outer.startLine || (inner.startLine === outer.startLine && inner.startColumn >= outer.startColumn)) &&
    (inner.startLine < outer.endLine || (inner.startLine === outer.endLine && inner.startColumn < outer.endColumn));
}

export class TaskBinder {
  private open: TaskItem[] = [];
  /** Task and the index of its step among the walk's steps (ids come later). */
  readonly bound: [TaskItem, number][] = [];

  get waiting(): boolean {
    return this.open.length > 0;
  }

  /** Any block that is neither a task nor a step: prose, headings, other code, plain items. */
  other(range: SourceRange): void {
    if (this.open.length > 0) this.open = this.open.filter((task) => within(task.range, range));
  }

  task(task: TaskItem): void {
    // A nested task takes over: its parent binds nothing.
    if (this.open.length > 0) this.open = [];
    this.open.push(task);
  }

  step(range: SourceRange, stepIndex: number, fenced: boolean): void {
    for (const task of this.open) {
      if (within(task.range, range) || (fenced && range.startLine - task.range.endLine <= 2)) this.bound.push([task, stepIndex]);
    }
    this.open = [];
  }
}

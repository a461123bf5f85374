// Binds each task item to its step: the step nested in the item (unless a nested task comes
// first), else a fenced step right after the item with at most one blank line between.
import type { SourceRange, Step, TaskItem } from './model';

export type BindingKind = 'task' | 'step' | 'manual' | 'other';

/** Tasks, steps and other blocks in document order; `index` points into tasks or steps. */
export interface BindingEntry {
  kind: BindingKind;
  range: SourceRange;
  index: number;
}

export function bindTasks(order: BindingEntry[], tasks: TaskItem[], steps: Step[]): void {
  const within = (outer: SourceRange, inner: SourceRange): boolean =>
    (inner.startLine > outer.startLine || (inner.startLine === outer.startLine && inner.startColumn >= outer.startColumn)) &&
    (inner.startLine < outer.endLine || (inner.startLine === outer.endLine && inner.startColumn < outer.endColumn));
  order.forEach((entry, i) => {
    if (entry.kind !== 'task') return;
    const task = tasks[entry.index];
    if (!task) return;
    for (let j = i + 1; j < order.length; j++) {
      const next = order[j];
      if (!next) break;
      if (within(task.range, next.range)) {
        if (next.kind === 'task') break;
        if (next.kind === 'step' || next.kind === 'manual') {
          task.stepId = steps[next.index]?.id ?? null;
          break;
        }
        continue;
      }
      if (next.kind === 'step' && next.range.startLine - task.range.endLine <= 2) task.stepId = steps[next.index]?.id ?? null;
      break;
    }
  });
}

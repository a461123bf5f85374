// Which task checkboxes a run should tick or untick, and where the mark sits in the line.
// Pure: the editor applies the changes as one undoable edit.
import type { Runbook } from '../runbook/model';
import type { StepStatus } from './model';

export interface CheckboxChange {
  /** 1-based line of the task item. */
  line: number;
  /** 0-based column of the character between the brackets. */
  column: number;
  checked: boolean;
}

// A list marker (after any block-quote prefix), then "[ ]" / "[x]".
const TASK_MARK = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[)([ xX])\]/;

/** Column of the mark inside `[ ]` on a task item's line, or null when the line is not one. */
export function taskMarkColumn(lineText: string): number | null {
  const match = TASK_MARK.exec(lineText);
  return match ? match[1]!.length : null;
}

/** Ticked when its step passed; unticked when a re-run failed, was blocked or interrupted. */
function wantedState(status: StepStatus): boolean | null {
  if (status === 'passed') return true;
  if (status === 'failed' || status === 'blocked' || status === 'interrupted') return false;
  return null;
}

/**
 * The edits that bring the tasks bound to these steps in line with their results.
 * `lineText(line)` reads the current document (1-based), so a stale model cannot misplace a mark.
 */
export function checkboxChangesForSteps(
  runbook: Runbook,
  results: ReadonlyMap<string, StepStatus>,
  lineText: (line: number) => string | undefined,
): CheckboxChange[] {
  const changes: CheckboxChange[] = [];
  for (const task of runbook.tasks) {
    if (!task.stepId) continue;
    const status = results.get(task.stepId);
    const wanted = status ? wantedState(status) : null;
    if (wanted === null || wanted === task.checked) continue;
    const column = taskMarkColumn(lineText(task.line) ?? '');
    if (column !== null) changes.push({ line: task.line, column, checked: wanted });
  }
  return changes;
}

/** "Reset run": every ticked task item is cleared for the next execution. */
export function checkboxResets(runbook: Runbook, lineText: (line: number) => string | undefined): CheckboxChange[] {
  return runbook.tasks.flatMap((task) => {
    const column = task.checked ? taskMarkColumn(lineText(task.line) ?? '') : null;
    return column === null ? [] : [{ line: task.line, column, checked: false }];
  });
}

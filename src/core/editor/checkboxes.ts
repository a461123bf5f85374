// Which GFM task boxes a run should tick or untick, found through the live model: a check is
// looked up by id in the document as it is now (its text must still match what the run
// recorded, else the check with that text in the same stage is used), and the box must
// still sit on that line. Pure: the editor applies the changes as one undoable edit.
import type { Check, Runbook } from '../runbook/model';
import type { CheckStatus, RunRecord } from '../run/record';

export interface CheckboxChange {
  checkId: string;
  /** 1-based line of the task item in the current document. */
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

/** Is the box on this line ticked? null when the line holds no task box. */
export function taskMarkChecked(lineText: string): boolean | null {
  const match = TASK_MARK.exec(lineText);
  return match ? match[2] !== ' ' : null;
}

/** Ticked when its check passed; unticked when it failed, was blocked or interrupted; otherwise left as the user has it. */
export function wantedBox(status: CheckStatus): boolean | null {
  if (status === 'passed') return true;
  if (status === 'failed' || status === 'blocked' || status === 'interrupted') return false;
  return null;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The check of the current document that a recorded check is: the same id when its text
 * still reads the same, else the one check of that stage with that text (items were added
 * or removed above it). Null when the check cannot be found with confidence.
 */
export function locateCheck(runbook: Runbook, recorded: { id: string; stageId: string; text: string }): Check | null {
  const wanted = normalise(recorded.text);
  const byId = runbook.checks.find((c) => c.id === recorded.id);
  if (byId && normalise(byId.text) === wanted) return byId;
  const sameText = runbook.checks.filter((c) => normalise(c.text) === wanted);
  const inStage = sameText.filter((c) => c.stageId === recorded.stageId);
  if (inStage.length === 1) return inStage[0]!;
  return sameText.length === 1 ? sameText[0]! : null;
}

export interface CheckboxPlan {
  changes: CheckboxChange[];
  /** Checks whose box is not on the line the model says (the model is older than the text): try again. */
  unplaced: string[];
}

/**
 * The edits that bring the boxes of the document in line with the run: one per task whose
 * box differs from its check's verdict. `lineText(line)` reads the current document (1-based).
 */
export function planCheckboxes(
  runbook: Runbook,
  record: Pick<RunRecord, 'checks'>,
  lineText: (line: number) => string | undefined,
  only?: ReadonlySet<string>,
): CheckboxPlan {
  const changes: CheckboxChange[] = [];
  const unplaced: string[] = [];
  const seen = new Set<number>();
  for (const recorded of record.checks) {
    if (!recorded.task || (only && !only.has(recorded.id))) continue;
    const wanted = wantedBox(recorded.status);
    if (wanted === null) continue;
    const check = locateCheck(runbook, recorded);
    if (!check?.task || seen.has(check.task.line)) continue;
    if (taskMarkColumn(lineText(check.task.line) ?? '') === null) {
      unplaced.push(recorded.id);
      continue;
    }
    const change = boxChange(check, wanted, lineText);
    if (change) {
      seen.add(change.line);
      changes.push(change);
    }
  }
  return { changes, unplaced };
}

export function checkboxChanges(
  runbook: Runbook,
  record: Pick<RunRecord, 'checks'>,
  lineText: (line: number) => string | undefined,
  only?: ReadonlySet<string>,
): CheckboxChange[] {
  return planCheckboxes(runbook, record, lineText, only).changes;
}

function boxChange(check: Check, wanted: boolean, lineText: (line: number) => string | undefined): CheckboxChange | null {
  const task = check.task!;
  const text = lineText(task.line) ?? '';
  const column = taskMarkColumn(text);
  const current = taskMarkChecked(text);
  if (column === null || current === null || current === wanted) return null;
  return { checkId: check.id, line: task.line, column, checked: wanted };
}

/** "Reset run": every ticked task box of the document is cleared for the next execution. */
export function checkboxResets(runbook: Runbook, lineText: (line: number) => string | undefined): CheckboxChange[] {
  return runbook.checks.flatMap((check) => {
    if (!check.task) return [];
    const change = boxChange(check, false, lineText);
    return change ? [change] : [];
  });
}

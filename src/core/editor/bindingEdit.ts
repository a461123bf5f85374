// "Change binding…" / "Bind to step…": the edit that writes the explicit binding on a checklist
// item, `<!-- runbook: run=STEP -->`, at the end of the item's line (an existing runbook
// comment there gets its `run=` replaced instead). Pure: the editor applies it as one undoable edit.

export interface LineEdit {
  /** 1-based line. */
  line: number;
  /** 0-based columns, end exclusive. */
  startColumn: number;
  endColumn: number;
  newText: string;
}

const COMMENT = /<!--\s*runbook:([^>]*?)-->/;

export function bindingEdit(line: number, lineText: string, stepIds: readonly string[]): LineEdit {
  const run = `run=${stepIds.join(',')}`;
  const comment = COMMENT.exec(lineText);
  if (comment) {
    const body = comment[1]!;
    const rest = body.replace(/(^|\s)run=\S*/g, ' ').replace(/\s+/g, ' ').trim();
    const newText = `<!-- runbook: ${[run, rest].filter(Boolean).join(' ')} -->`;
    return { line, startColumn: comment.index, endColumn: comment.index + comment[0].length, newText };
  }
  // Before a trailing hard break (two spaces) or a backslash break, so the break still works.
  const end = lineText.replace(/(?: {2,}|\\)$/, '').replace(/\s+$/, '').length;
  return { line, startColumn: end, endColumn: end, newText: ` <!-- runbook: ${run} -->` };
}

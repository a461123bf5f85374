// Task boxes follow their checks' verdicts as ordinary editor edits: one WorkspaceEdit (one undo
// step) per change of the run, computed against the document as it is at that moment (the check
// re-located through the live model). VS Code rejects an edit made against a version the user
// has typed past (applyEdit resolves false): it is computed again against the current document
// and retried; if it still cannot be applied, the user is told which boxes were not changed.
import * as vscode from 'vscode';
import type { RunRecord } from '../core/run/record';
import type { CheckboxChange, CheckboxPlan } from '../core/editor/checkboxes';
import type { Runbook } from '../core/runbook/model';
import { editorCore } from './lazy';
import type { RunbookModels } from './models';
import type { Notifier } from './notify';

/** Keep trying this long while the user keeps typing; then report what could not be changed. */
const GIVE_UP_MS = 60_000;
/** After a rejected edit, wait until the document has been still this long… */
const QUIET_MS = 300;
/** …but no longer than this per attempt. */
const QUIET_WAIT_MS = 5000;

export interface CheckboxStats {
  applied: number;
  retried: number;
  lost: number;
}

/**
 * Resolves once the document has not changed for QUIET_MS (at most QUIET_WAIT_MS): while a
 * person types, every edit made against the version the extension host knows is rejected, so
 * the next try waits for a pause in the typing.
 */
function quiet(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, QUIET_MS);
    const deadline = setTimeout(done, QUIET_WAIT_MS);
    const changes = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() !== uri.toString()) return;
      clearTimeout(timer);
      timer = setTimeout(done, QUIET_MS);
    });
    function done(): void {
      clearTimeout(timer);
      clearTimeout(deadline);
      changes.dispose();
      resolve();
    }
  });
}

type Compute = (runbook: Runbook, lineText: (line: number) => string | undefined) => Promise<CheckboxPlan>;

export class CheckboxSync {
  private readonly queues = new Map<string, Promise<void>>();
  readonly stats: CheckboxStats = { applied: 0, retried: 0, lost: 0 };

  constructor(
    private readonly models: RunbookModels,
    private readonly notify: Notifier,
  ) {}

  /** Ticks and unticks the boxes of the checks whose status just changed. */
  follow(uri: vscode.Uri, record: RunRecord, changedChecks: ReadonlySet<string>): Promise<void> {
    const withBoxes = new Set(record.checks.filter((c) => c.task && changedChecks.has(c.id)).map((c) => c.id));
    if (withBoxes.size === 0) return Promise.resolve();
    return this.enqueue(uri, 'tick', async (runbook, lineText) => (await editorCore()).planCheckboxes(runbook, record, lineText, withBoxes));
  }

  /** "Reset run": clears every ticked box. */
  reset(uri: vscode.Uri): Promise<void> {
    return this.enqueue(uri, 'clear', async (runbook, lineText) => ({ changes: (await editorCore()).checkboxResets(runbook, lineText), unplaced: [] }));
  }

  /** Resolves when every queued change of the document was applied (or given up). */
  idle(uri: vscode.Uri): Promise<void> {
    return this.queues.get(uri.toString()) ?? Promise.resolve();
  }

  private enqueue(uri: vscode.Uri, what: string, compute: Compute): Promise<void> {
    const key = uri.toString();
    const next = (this.queues.get(key) ?? Promise.resolve()).then(() => this.apply(uri, what, compute)).catch((error: Error) => {
      this.notify.warn(`Could not update the checkboxes of ${vscode.workspace.asRelativePath(uri)}: ${error.message}`);
    });
    this.queues.set(key, next);
    return next;
  }

  private async apply(uri: vscode.Uri, what: string, compute: Compute): Promise<void> {
    let last: CheckboxChange[] = [];
    let unplaced: string[] = [];
    const giveUpAt = Date.now() + GIVE_UP_MS;
    while (Date.now() < giveUpAt) {
      const document = await vscode.workspace.openTextDocument(uri);
      const version = document.version;
      const runbook = await this.models.get(document);
      const lineText = (line: number) => (line >= 1 && line <= document.lineCount ? document.lineAt(line - 1).text : undefined);
      const plan = await compute(runbook, lineText);
      // The user typed while the model was built: its lines are not the text's any more.
      const stale = document.version !== version;
      last = plan.changes;
      unplaced = plan.unplaced;
      if (stale || unplaced.length > 0) {
        this.stats.retried++;
        await quiet(uri);
        continue;
      }
      if (last.length === 0) return;
      const edit = new vscode.WorkspaceEdit();
      for (const change of last) {
        const at = new vscode.Range(change.line - 1, change.column, change.line - 1, change.column + 1);
        edit.replace(uri, at, change.checked ? 'x' : ' ');
      }
      if (await vscode.workspace.applyEdit(edit)) {
        this.stats.applied += last.length;
        return;
      }
      // The user typed since: let the document settle, then compute again against it.
      this.stats.retried++;
      await quiet(uri);
    }
    const lost = last.length + unplaced.length;
    if (lost === 0) return;
    this.stats.lost += lost;
    const which = [...last.map((c) => c.checkId), ...unplaced].join(', ');
    this.notify.warn(
      `Runbook Gate could not ${what} ${lost} checkbox${lost === 1 ? '' : 'es'} in ${vscode.workspace.asRelativePath(uri)} (${which}): the document kept changing. The run's record has the verdicts.`,
      { label: 'Retry', run: () => void this.enqueue(uri, what, compute) },
    );
  }
}

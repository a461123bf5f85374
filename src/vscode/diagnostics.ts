// The model's diagnostics in the Problems panel, on their own subscription to model changes,
// with the model's fixes as quick fixes. Ordinary Markdown and our own reports get none. At
// most what VS Code shows of a file is made into editor objects (diagnosticsShown).
import * as vscode from 'vscode';
import type { RunbookDiagnostic } from '../core/runbook/model';
import { isRunbookModel } from '../core/runbook/isRunbookModel';
import { diagnosticsShown } from '../core/editor/diagnosticsShown';
import type { RunbookModels } from './models';
import { toRange } from './positions';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/** A diagnostic that remembers the model's fixes for the code action provider. */
class RunbookDiagnosticItem extends vscode.Diagnostic {
  constructor(readonly source_: RunbookDiagnostic) {
    super(toRange(source_.range), source_.message, SEVERITY[source_.severity]);
    this.source = 'Runbook Gate';
    this.code = source_.code;
  }
}

export function registerDiagnostics(models: RunbookModels): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('runbook-gate');
  const actions = vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, {
    provideCodeActions(document, _range, context) {
      const fixes: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (!(diagnostic instanceof RunbookDiagnosticItem)) continue;
        for (const fix of diagnostic.source_.fixes ?? []) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, toRange(fix.range), fix.newText);
          action.isPreferred = (diagnostic.source_.fixes?.length ?? 0) === 1;
          fixes.push(action);
        }
      }
      return fixes;
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
  const changes = models.onDidChangeModel(({ document, runbook }) => {
    if (!isRunbookModel(runbook)) collection.delete(document.uri);
    else {
      const { shown, summary } = diagnosticsShown(runbook.diagnostics);
      const items = shown.map((d) => new RunbookDiagnosticItem(d));
      if (summary) items.push(new RunbookDiagnosticItem(summary));
      collection.set(document.uri, items);
    }
  });
  const closed = vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri));
  return vscode.Disposable.from(collection, actions, changes, closed);
}

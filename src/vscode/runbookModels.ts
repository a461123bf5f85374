import * as vscode from 'vscode';
import { createRunbookModeler } from '../core/runbook/parse/incrementalModel';
import type { Runbook } from '../core/runbook/model';
import { toRange } from './positions';

type Modeler = ReturnType<typeof createRunbookModeler>;

/**
 * Runbook models of open Markdown documents, cached per document version; edits are
 * re-modelled incrementally. Also publishes the model's diagnostics to the Problems panel.
 */
export class RunbookModels implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; runbook: Runbook; modeler: Modeler }>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('runbook-gate');
  private readonly subscriptions: vscode.Disposable[] = [this.diagnostics];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cache.delete(document.uri.toString());
        this.diagnostics.delete(document.uri);
      }),
    );
  }

  get(document: vscode.TextDocument): Runbook {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.runbook;
    const modeler = cached?.modeler ?? createRunbookModeler();
    const runbook = modeler.model(document.getText());
    this.cache.set(key, { version: document.version, runbook, modeler });
    this.publishDiagnostics(document.uri, runbook);
    return runbook;
  }

  async forUri(uri: vscode.Uri): Promise<{ document: vscode.TextDocument; runbook: Runbook }> {
    const document = await vscode.workspace.openTextDocument(uri);
    return { document, runbook: this.get(document) };
  }

  private publishDiagnostics(uri: vscode.Uri, runbook: Runbook): void {
    // Ordinary Markdown (a README with no steps or stages) gets no runbook diagnostics.
    if (!isRunbook(runbook)) {
      this.diagnostics.delete(uri);
      return;
    }
    this.diagnostics.set(
      uri,
      runbook.diagnostics.map((d) => {
        const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
        diagnostic.source = 'Runbook Gate';
        diagnostic.code = d.code;
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.cache.clear();
  }
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/** A Markdown file is treated as a runbook when it has something to run or track. */
export function isRunbook(runbook: Runbook): boolean {
  return runbook.steps.length > 0 || runbook.stages.length > 0;
}

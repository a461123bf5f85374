import * as vscode from 'vscode';
import type { SourceRange } from '../core/runbook/model';
import type { RunController } from './runController';
import type { RunbookModels } from './runbookModels';
import type { RunPanel } from './runPanel';

/** What commands need, built once in activate(). */
export class ExtensionServices {
  constructor(
    readonly extensionUri: vscode.Uri,
    readonly models: RunbookModels,
    readonly runs: RunController,
    readonly panel: RunPanel,
    readonly channel: vscode.OutputChannel,
  ) {}

  /** The runbook a command is about: its argument, else the active Markdown editor. */
  resolveRunbook(uri?: vscode.Uri): vscode.Uri {
    if (uri instanceof vscode.Uri) return uri;
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === 'markdown') return document.uri;
    throw new Error('Open a Markdown runbook first.');
  }

  /** A step from arguments, else the step under the cursor. */
  async resolveStep(uri?: vscode.Uri, stepId?: string): Promise<{ uri: vscode.Uri; stepId: string }> {
    const target = this.resolveRunbook(uri);
    if (stepId) return { uri: target, stepId };
    const { runbook } = await this.models.forUri(target);
    const step = itemAtCursor(runbook.steps);
    if (!step) throw new Error('Put the cursor in a shell block, or use the "Run step" button above it.');
    return { uri: target, stepId: step.id };
  }

  /** A stage from arguments, else the stage containing the cursor. */
  async resolveStage(uri?: vscode.Uri, stageId?: string): Promise<{ uri: vscode.Uri; stageId: string }> {
    const target = this.resolveRunbook(uri);
    if (stageId) return { uri: target, stageId };
    const { runbook } = await this.models.forUri(target);
    const stage = itemAtCursor(runbook.stages);
    if (!stage) throw new Error('Put the cursor in a stage, or use the "Run stage" button above it.');
    return { uri: target, stageId: stage.id };
  }
}

function itemAtCursor<T extends { range: SourceRange }>(items: readonly T[]): T | undefined {
  const line = (vscode.window.activeTextEditor?.selection.active.line ?? -1) + 1;
  return items.find((item) => item.range.startLine <= line && line <= item.range.endLine);
}

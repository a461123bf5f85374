import * as vscode from 'vscode';
import type { SourceRange } from '../core/runbook/model';

/** Core ranges are 1-based with exclusive end columns; VS Code's are 0-based. */
export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(
    Math.max(0, range.startLine - 1),
    Math.max(0, range.startColumn - 1),
    Math.max(0, range.endLine - 1),
    Math.max(0, range.endColumn - 1),
  );
}

/** The first line of a range, for lenses and reveals. */
export function firstLine(range: SourceRange): vscode.Range {
  const line = Math.max(0, range.startLine - 1);
  return new vscode.Range(line, 0, line, 0);
}

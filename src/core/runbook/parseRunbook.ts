// Markdown runbook -> Runbook model. Pure and total: any text gives a model, problems
// become diagnostics. See docs/conventions.md for what is recognised.
import type { Runbook } from './model';
import { modelOnce, type ModelOptions } from './parse/incrementalModel';

export function parseRunbook(text: string, options?: ModelOptions): Runbook {
  return modelOnce(text, options);
}

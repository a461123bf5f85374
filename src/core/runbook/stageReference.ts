// How a person names a stage ("0", "stage-0", "Stage 0", "A", "2+", a title): the CLI's --stage,
// the editor's commands and a step's stage= annotation all read it the same way.
import type { Stage } from './model';

/** Does a stage reference as a user types it name this stage? */
export function stageMatches(stage: Stage, reference: string): boolean {
  const ref = reference.trim().toLowerCase();
  if (ref === '') return false;
  if (ref === stage.id.toLowerCase() || ref === stage.title.toLowerCase() || ref === stage.label.toLowerCase()) return true;
  const key = stage.key?.toLowerCase() ?? null;
  const bare = /^(?:(?:stage|phase|step|wave)[-\s]?)?(.+)$/.exec(ref)?.[1] ?? ref;
  if (key !== null && (bare === key || `stage-${bare}` === stage.id)) return true;
  return stage.number !== null && /^\d+$/.test(bare) && Number(bare) === stage.number && key === String(stage.number);
}

// How a person names a stage ("0", "stage-0", "Stage 0", "A", "2+", a title): the CLI's --stage,
// the editor's commands and a step's stage= annotation all read it the same way.
import type { Stage } from './model';

const PREFIX = /^(?:(?:stage|phase|step|wave)[-\s]?)?(.+)$/;

/** Does a stage reference as a user types it name this stage? */
export function stageMatches(stage: Stage, reference: string): boolean {
  const ref = reference.trim().toLowerCase();
  if (ref === '') return false;
  if (ref === stage.id.toLowerCase() || ref === stage.title.toLowerCase() || ref === stage.label.toLowerCase()) return true;
  const key = stage.key?.toLowerCase() ?? null;
  const bare = PREFIX.exec(ref)?.[1] ?? ref;
  if (key !== null && (bare === key || `stage-${bare}` === stage.id)) return true;
  return stage.number !== null && /^\d+$/.test(bare) && Number(bare) === stage.number && key === String(stage.number);
}

/** More ways a caller accepts to name a stage: `matches` is tried on stages whose id, name, key or `#number` is one of `spellings` (lower case). */
export interface OtherNaming {
  spellings: string[];
  matches: (stage: Stage) => boolean;
}

/**
 * The first stage (in document order) that `reference` names by stageMatches or by `other`.
 * Looks up candidates by their spellings instead of testing every stage: a long runbook has
 * hundreds of stages and a stage= on hundreds of steps.
 */
export function stageFinder(stages: readonly Stage[]): (reference: string, other?: OtherNaming) => Stage | undefined {
  // Built on the first lookup: most runbooks have no stage= at all.
  let bySpelling: Map<string, number[]> | null = null;
  return (reference, other) => {
    const lower = reference.trim().toLowerCase();
    const bare = PREFIX.exec(lower)?.[1] ?? lower;
    const spellings = [lower, bare, `stage-${bare}`, ...(other?.spellings ?? [])];
    if (/^\d+$/.test(bare)) spellings.push(`#${Number(bare)}`);
    bySpelling ??= spellingIndex(stages);
    let first: number | undefined;
    for (const spelling of spellings) {
      for (const at of bySpelling.get(spelling) ?? []) {
        if (first !== undefined && at >= first) break;
        const stage = stages[at]!;
        if (stageMatches(stage, reference) || other?.matches(stage) === true) first = at;
      }
    }
    return first === undefined ? undefined : stages[first];
  };
}

/** What the index reads of each stage, in order: an edit that changes none of it finds the last index again. */
function namings(stages: readonly Stage[]): (string | number | null)[] {
  const out: (string | number | null)[] = [];
  for (const s of stages) out.push(s.id, s.title, s.label, s.key, s.number);
  return out;
}

/** The last index built and the namings it was built from (the parser asks again on every edit). */
let lastIndex: { namings: (string | number | null)[]; map: Map<string, number[]> } | null = null;

/** Stage positions by each lower-case spelling of their id, title, label, key and `#number`. */
function spellingIndex(stages: readonly Stage[]): Map<string, number[]> {
  const now = namings(stages);
  if (lastIndex && lastIndex.namings.length === now.length && lastIndex.namings.every((n, i) => n === now[i])) return lastIndex.map;
  const map = new Map<string, number[]>();
  const add = (spelling: string | null, at: number): void => {
    if (spelling === null) return;
    const list = map.get(spelling);
    if (!list) map.set(spelling, [at]);
    else if (list.at(-1) !== at) list.push(at);
  };
  stages.forEach((stage, at) => {
    add(stage.id.toLowerCase(), at);
    add(stage.title.toLowerCase(), at);
    add(stage.label.toLowerCase(), at);
    add(stage.key?.toLowerCase() ?? null, at);
    if (stage.number !== null) add(`#${stage.number}`, at);
  });
  lastIndex = { namings: now, map };
  return map;
}

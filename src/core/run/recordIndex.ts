// A record's stages, checks, steps and gates by id, made once per record: reports and the gate
// decision look items up by id for every check, and an "all" run of a long runbook has
// thousands of them (a search each time made reports quadratic).
import type { CheckRecord, GateRecord, RunRecord, StageRecord, StepRecord } from './record';

export interface RecordIndex {
  stages: ReadonlyMap<string, StageRecord>;
  checks: ReadonlyMap<string, CheckRecord>;
  steps: ReadonlyMap<string, StepRecord>;
  gates: ReadonlyMap<string, GateRecord>;
}

const indexes = new WeakMap<RunRecord, RecordIndex & { sizes: string }>();

/** First of each id, as `find` would give. Remade if the record's lists changed size since. */
export function recordIndex(record: RunRecord): RecordIndex {
  const sizes = `${record.stages.length}/${record.checks.length}/${record.steps.length}/${record.gates.length}`;
  const known = indexes.get(record);
  if (known && known.sizes === sizes) return known;
  const index = { stages: firstById(record.stages), checks: firstById(record.checks), steps: firstById(record.steps), gates: firstById(record.gates), sizes };
  indexes.set(record, index);
  return index;
}

function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

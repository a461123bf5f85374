// What a run's scope covers: a stage in scope brings all its checks; a check is also in scope
// when one of its steps was asked for by id.
import type { CheckRecord, RunRecord } from './record';

/** Whether a check is in the record's scope, its ids looked up as sets (`--all` lists every stage). */
export function scopeTest(record: RunRecord): (check: CheckRecord) => boolean {
  const stages = new Set(record.scope.stageIds);
  const checks = new Set(record.scope.checkIds);
  const steps = new Set(record.scope.stepIds);
  return (check) => stages.has(check.stageId) || checks.has(check.id) || check.stepIds.some((id) => steps.has(id));
}

export function checksInScope(record: RunRecord): CheckRecord[] {
  return record.checks.filter(scopeTest(record));
}

export function scopeIsEmpty(record: RunRecord): boolean {
  const s = record.scope;
  return s.stageIds.length + s.checkIds.length + s.stepIds.length + s.gateIds.length === 0;
}

// What a run's scope covers: a stage in scope brings all its checks; a check is also in scope
// when one of its steps was asked for by id.
import type { CheckRecord, RunRecord } from './record';

export function checkInScope(record: RunRecord, check: CheckRecord): boolean {
  const scope = record.scope;
  return scope.stageIds.includes(check.stageId)
    || scope.checkIds.includes(check.id)
    || check.stepIds.some((id) => scope.stepIds.includes(id));
}

export function checksInScope(record: RunRecord): CheckRecord[] {
  return record.checks.filter((check) => checkInScope(record, check));
}

export function scopeIsEmpty(record: RunRecord): boolean {
  const s = record.scope;
  return s.stageIds.length + s.checkIds.length + s.stepIds.length + s.gateIds.length === 0;
}

// What a run is about, taken from the runbook model when a session loads it: the stages,
// checks, steps, gates and dependency references, with secrets masked. The record keeps
// these (so reports never need the model), and their evidence survives edits of the runbook.
import type { Hold, ReportContext } from '../runbook/model';
import type { CheckRecord, DependencyItem, GateRecord, StageRecord, StepRecord } from './record';

export type StageDefinition = Omit<StageRecord, 'startedAt' | 'mark'>;
export type CheckDefinition = Omit<CheckRecord, 'status' | 'outcome' | 'updatedAt' | 'mark' | 'extraIds' | 'hold'> & { hold: Hold | null };
export type StepDefinition = Omit<StepRecord, 'status' | 'outcome' | 'attempts' | 'notRun'>;
export type GateDefinition = Omit<GateRecord, 'inScope' | 'status' | 'evidence' | 'observations'>;
export type DependencyDefinition = Omit<DependencyItem, 'state' | 'title' | 'url' | 'error'>;

export interface RunDefinition {
  runbook: { path: string; title: string; sha256: string };
  context: ReportContext;
  onFailure: 'continue' | 'stop';
  stages: StageDefinition[];
  checks: CheckDefinition[];
  steps: StepDefinition[];
  gates: GateDefinition[];
  dependencies: DependencyDefinition[];
  citations: Array<{ label: string; line: number; why: string }>;
}

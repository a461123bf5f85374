// Changes to a run, as data. Every writer (the CLI, an editor window, `mark` from another
// terminal) appends events under the run's lock; applying them to the record on disk means
// two writers never lose each other's changes. The record keeps them as its history.
import type { RunDefinition } from './definition';
import type {
  Attempt, DependencyRecord, ExtraRecord, GateObservation, InputRecord, MarkRecord, NoteRecord, RunScope, SessionRecord,
} from './record';

export type RunEvent =
  | { type: 'session-started'; at: string; session: SessionRecord }
  | { type: 'session-ended'; at: string; session: number; end: NonNullable<SessionRecord['end']>; reaped?: number }
  /** The runbook as this session read it: new checks and steps appear, evidence of known ones stays. */
  | { type: 'runbook-loaded'; at: string; definition: RunDefinition }
  | { type: 'scope-added'; at: string; scope: RunScope }
  | { type: 'stage-started'; at: string; stageId: string }
  | { type: 'attempt-started'; at: string; stepId: string; attempt: Attempt }
  | { type: 'attempt-ended'; at: string; stepId: string; attempt: Attempt }
  /** A step that did not start: skipped by the stage policy, or blocked before it could run. */
  | { type: 'step-not-run'; at: string; stepId: string; status: 'skipped' | 'blocked'; outcome: string }
  | { type: 'check-marked'; at: string; checkId: string; mark: MarkRecord }
  | { type: 'stage-marked'; at: string; stageId: string; mark: MarkRecord }
  | { type: 'gate-observed'; at: string; gateId: string; observation: GateObservation }
  | { type: 'dependencies-checked'; at: string; dependencies: DependencyRecord }
  | { type: 'extra-added'; at: string; extra: ExtraRecord }
  | { type: 'note-added'; at: string; note: NoteRecord }
  | { type: 'inputs-recorded'; at: string; inputs: InputRecord[]; unmaskedSecrets: string[] };

// Reading run.json of any schema: schema 2 as is; schema 1 (the step-centric record of the
// first release) becomes a schema-2 record with one check per step, so older runs still
// regenerate a report.
import { emptyRecord } from './applyEvents';
import { deriveRecord } from './derive';
import type { Attempt, RunRecord, StepRecord, StepStatus } from './record';
import { RUN_RECORD_SCHEMA } from './record';

interface V1Step {
  stepId: string; title: string; stageId: string | null; required: boolean; status: StepStatus; command: string; cwd: string;
  startedAt: string | null; endedAt: string | null; durationMs: number | null; exitCode: number | null; outcome: string;
  logPath: string | null; logSha256: string | null; selected?: boolean; manual?: boolean; note?: string;
}
interface V1Record {
  version: 1; runId: string; runbookPath: string; runbookTitle: string; startedAt: string; endedAt: string | null; strict: boolean;
  scope: { all: boolean; stageIds: string[]; stepIds: string[] };
  environment: { host: string; toolVersion: string; gitCommit: string | null; gitBranch: string | null };
  steps: V1Step[]; unmaskedSecrets?: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function upgradeRecord(data: unknown, where: string): RunRecord {
  if (isObject(data) && data.schema === RUN_RECORD_SCHEMA && Array.isArray(data.checks) && Array.isArray(data.steps)) return data as unknown as RunRecord;
  if (isObject(data) && data.version === 1 && Array.isArray(data.steps)) return fromV1(data as unknown as V1Record);
  const schema = isObject(data) ? String(data.schema ?? data.version ?? 'none') : typeof data;
  throw new Error(`run.json in ${where} has schema ${schema}; this version of Runbook Gate reads schemas 1 and ${RUN_RECORD_SCHEMA}`);
}

function fromV1(v1: V1Record): RunRecord {
  const record = emptyRecord({ runId: v1.runId, cookie: '', at: v1.startedAt, strict: v1.strict });
  record.runbook = { path: v1.runbookPath, title: v1.runbookTitle, sha256: '' };
  record.context.title = v1.runbookTitle;
  record.updatedAt = v1.endedAt ?? v1.startedAt;
  record.environment = { ...v1.environment, gitDirty: null, shell: '', shellFlags: [] };
  record.sessions = [{ n: 1, host: 'cli', command: 'run (schema 1)', startedAt: v1.startedAt, endedAt: v1.endedAt, pid: 0, environment: record.environment, end: v1.endedAt ? 'finished' : 'interrupted' }];
  const groups = new Map<string, string[]>();
  for (const step of v1.steps) {
    const stageId = step.stageId ?? 'steps';
    const checkIds = groups.get(stageId) ?? [];
    const checkId = `${stageId}.${checkIds.length + 1}`;
    checkIds.push(checkId);
    groups.set(stageId, checkIds);
    const ran = step.startedAt !== null;
    const attempt: Attempt = {
      n: 1, session: 1, status: step.status === 'running' ? 'interrupted' : step.status, outcome: step.outcome, command: step.command, cwd: step.cwd,
      shell: '', shellFlags: [], startedAt: step.startedAt, endedAt: step.endedAt, durationMs: step.durationMs, exitCode: step.exitCode,
      signal: null, logPath: step.logPath, logSha256: step.logSha256, logBytes: 0, results: null, values: [],
    };
    const stepRecord: StepRecord = {
      id: step.stepId, title: step.title, language: step.manual ? 'manual' : 'bash', command: step.command, cwd: step.cwd, stageId: step.stageId,
      sectionTitle: null, checkIds: [checkId], required: step.required, destructive: false, destructiveReason: null, line: 0, inputs: [],
      status: step.status, outcome: step.outcome, attempts: ran && !step.manual ? [attempt] : [], notRun: null,
    };
    record.steps.push(stepRecord);
    record.checks.push({
      id: checkId, stageId, ordinal: checkIds.length, text: step.title, detail: [], kind: step.manual ? 'manual' : 'command', required: step.required,
      line: 0, task: false, stepIds: step.manual ? [] : [step.stepId], binding: null, gateIds: [], issueIds: [], hold: null, status: 'pending',
      outcome: '', updatedAt: null,
      mark: step.manual && step.status !== 'pending' ? { status: step.status === 'passed' ? 'passed' : step.status === 'failed' ? 'failed' : 'blocked', note: step.note ?? '', by: null, at: step.endedAt ?? v1.startedAt } : null,
      extraIds: [],
    });
    if (step.selected || ran) record.scope.checkIds.push(checkId);
  }
  for (const [stageId, checkIds] of groups) {
    record.stages.push({ id: stageId, kind: stageId === 'steps' ? 'checklist' : 'stage', key: null, number: null, marker: '', title: stageId, label: stageId === 'steps' ? 'Steps' : `Stage (${stageId})`, line: 0, checkIds, startedAt: null, mark: null });
  }
  record.unmaskedSecrets = v1.unmaskedSecrets ?? [];
  return deriveRecord(record);
}

// The report writer and GitHub publishing, in their own bundle (dist/reports.js), loaded on the
// first "Generate gate report". Interim: src/app/outputs.ts (the lead's report writer) has not
// landed, so these say so instead of writing; they become re-exports of the app layer then.
import type { GateService } from '../../app/gateService';
import type { RunHandle } from '../../app/runHandle';
import type { GateDecision } from '../../core/gate/types';
import type { RunRecord } from '../../core/run/record';

export interface WrittenOutputs { record: RunRecord; decision: GateDecision; reportFile: string; reportPath: string; runDirRelative: string }
export async function writeRunOutputs(_service: GateService, handle: RunHandle, _options: { report: string | null; template: string | null; cwd: string }): Promise<WrittenOutputs> {
  void handle;
  throw new Error('writing the gate report from the editor is not available in this build yet (src/app/outputs.ts has not landed); use `runbook-gate report RUN_DIR`');
}
export interface Plan { repo: string; commentOn: number | null; issues: Array<{ title: string; body: string; labels: string[] }> }
export async function planReportPublish(_s: GateService, _h: RunHandle, _o: { cwd: string; template: string | null }): Promise<{ plan: Plan }> {
  throw new Error('posting on GitHub from the editor is not available in this build yet (src/app/outputs.ts has not landed)');
}
export async function publishReportPlan(_s: GateService, _h: RunHandle, _p: { plan: Plan }): Promise<{ comment: { url: string; created: boolean } | null; issues: Array<{ title: string; url: string; existed: boolean }> }> {
  throw new Error('posting on GitHub from the editor is not available in this build yet (src/app/outputs.ts has not landed)');
}

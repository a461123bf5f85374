// The report writer (LiquidJS templates, report data) and GitHub publishing (Octokit), in their
// own bundle (dist/reports.js) loaded on the first "Generate gate report". The use cases are the
// app layer's (src/app/outputs.ts, src/app/publish.ts), the same ones the CLI runs.
import type { GateService } from '../../app/gateService';
import type { RunHandle } from '../../app/runHandle';
import { writeRunOutputs, type WrittenOutputs } from '../../app/outputs';
import { planPublish, publish, type PublishPlan, type PublishRequest, type PublishResult } from '../../app/publish';

export { writeRunOutputs };

export interface PreparedPublish {
  plan: PublishPlan;
  request: PublishRequest;
  written: WrittenOutputs;
}

/** Writes the report again (so what is posted is what is in the repository) and plans what GitHub gets. */
export async function planReportPublish(service: GateService, handle: RunHandle, options: { cwd: string; template: string | null }): Promise<PreparedPublish> {
  const written = await writeRunOutputs(service, handle, { report: null, template: options.template, cwd: options.cwd });
  const request: PublishRequest = {
    record: written.record, decision: written.decision, data: written.data, reportMarkdown: written.markdown, reportPath: written.reportPath,
    postComment: written.record.context.issue?.number != null, openIssues: true, githubRepo: null,
  };
  return { plan: await planPublish(service.ports, request), request, written };
}

export function publishReportPlan(service: GateService, handle: RunHandle, prepared: PreparedPublish): Promise<PublishResult> {
  // The masker of what GitHub answers: the run's secrets (prompted ones included) and the token (added by publish).
  return publish(service.ports, handle.inputs, prepared.request, prepared.plan);
}

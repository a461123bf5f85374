// Under GitHub Actions (GITHUB_ACTIONS=true): each step's output in a collapsible group, the
// report appended to the job summary, and an ::error annotation at the runbook line of every
// failed or blocked check. Elsewhere, nothing.
import type { WrittenOutputs } from '../app/outputs';
import type { GateDecision } from '../core/gate/types';
import type { RunRecord } from '../core/run/record';
import { annotationLines, appendStepSummary, inGithubActions, StepGroups } from '../node/ci/githubActions';
import type { CliContext } from './context';

export interface ActionsOutputs {
  startGroup(stepId: string, title: string): void;
  endGroup(stepId: string): void;
  finish(record: RunRecord, decision: GateDecision, written: WrittenOutputs): Promise<void>;
}

export function actionsOutputs(ctx: CliContext): ActionsOutputs {
  if (!inGithubActions(ctx.env)) return { startGroup: () => undefined, endGroup: () => undefined, finish: async () => undefined };
  // Output streams to stderr; the group markers go there too so they bracket it in order.
  const groups = new StepGroups((text) => ctx.stderr.write(text));
  return {
    startGroup: (stepId, title) => groups.begin(`${stepId}: ${title}`),
    endGroup: () => groups.end(),
    async finish(_record, _decision, written) {
      groups.end();
      for (const line of annotationLines(written.data)) ctx.stdout.write(`${line}\n`);
      await appendStepSummary(ctx.env, written.markdown, written.reportPath);
    },
  };
}

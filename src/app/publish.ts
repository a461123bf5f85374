// Putting a report on GitHub (opt-in, issue 10): the report as a comment on the gate issue —
// updating the tool's own earlier comment for the same run rather than adding another — and
// one remediation issue per blocker, never duplicating an open one with the same title. The
// host shows the plan and asks before anything is created.
import type { GateDecision } from '../core/gate/types';
import type { ReportData } from '../core/report/data';
import type { RunRecord } from '../core/run/record';
import { githubBlobBase, renderRunComment, runCommentMarker } from '../core/report/runComment';
import { remediationIssues, type RemediationIssue } from '../core/report/remediationIssues';
import { wordRemedy, wordingContext } from '../core/gate/wording';
import type { RunInputs } from './inputs';
import type { HostPorts } from './ports';
import { chooseRepository } from './dependencies';
import { UsageProblem } from './problems';

export interface PublishRequest {
  record: RunRecord;
  decision: GateDecision;
  data: ReportData;
  reportMarkdown: string;
  /** Workspace-relative path of the written report. */
  reportPath: string;
  postComment: boolean;
  openIssues: boolean;
  githubRepo: string | null;
}

export interface PublishPlan {
  repo: string;
  /** The gate issue the comment goes to, when one is named (front matter `issue`, or the runbook's `Issue:` line). */
  commentOn: number | null;
  /** The repository of that issue (its own, when the runbook writes `owner/name#N`). */
  commentRepo: string;
  issues: RemediationIssue[];
}

export interface PublishResult {
  comment: { url: string; created: boolean } | null;
  issues: Array<{ title: string; url: string; existed: boolean }>;
}

export async function planPublish(ports: HostPorts, request: PublishRequest): Promise<PublishPlan> {
  // The repository the run's dependency gate used (front matter `repo` included) unless named now.
  const choice = await chooseRepository(ports, request.githubRepo ?? request.record.dependencies.repo, null);
  if (!choice.repo) throw new UsageProblem('no GitHub repository to publish to: pass --github-repo OWNER/NAME, set `repo` in the runbook front matter, or add a GitHub origin remote');
  const commentOn = request.postComment ? request.record.context.issue?.number ?? null : null;
  if (request.postComment && commentOn === null) {
    throw new UsageProblem('the runbook names no gate issue to comment on: set `issue: <number>` in its front matter or an `Issue: #<number>` line');
  }
  const commit = request.record.environment.gitCommit;
  const issues = request.openIssues && !request.decision.go
    ? remediationIssues(request.data, request.decision.reasons, {
      labels: ports.settings.github.remediationLabels,
      reportPath: request.reportPath,
      blobBase: commit ? githubBlobBase(choice.repo, commit) : null,
      wordRemedy: (remedy) => wordRemedy(remedy, 'report', { context: wordingContext(request.record) }),
    })
    : [];
  // An `Issue: owner/other#12` line names its own repository: the comment goes there.
  const commentRepo = request.record.context.issue?.repo ?? choice.repo;
  return { repo: choice.repo, commentRepo, commentOn, issues };
}

/** Carries out a plan the user agreed to. */
export async function publish(ports: HostPorts, inputs: RunInputs, request: PublishRequest, plan: PublishPlan): Promise<PublishResult> {
  const token = await ports.github.token();
  if (!token) throw new UsageProblem('publishing to GitHub needs a token: set GITHUB_TOKEN (CLI) or sign in to GitHub (editor)');
  inputs.addSecret(token);
  const { createGithubClient } = await import('../node/github/githubClient'); // Octokit loads on the first GitHub call
  const client = createGithubClient({ baseUrl: ports.settings.github.apiUrl || null, token, masker: inputs.masker });
  const result: PublishResult = { comment: null, issues: [] };
  if (plan.commentOn !== null) {
    const commit = request.record.environment.gitCommit;
    const body = renderRunComment({
      runId: request.record.runId, data: request.data, reportMarkdown: request.reportMarkdown, reportPath: request.reportPath,
      blobBase: commit ? githubBlobBase(plan.repo, commit) : null,
    });
    result.comment = await client.upsertComment(plan.commentRepo, plan.commentOn, runCommentMarker(request.record.runId), body);
  }
  for (const issue of plan.issues) {
    const existing = await client.findOpenIssue(plan.repo, issue.title);
    if (existing) {
      result.issues.push({ title: issue.title, url: existing.url, existed: true });
      continue;
    }
    const created = await client.createIssue(plan.repo, { title: issue.title, body: issue.body, labels: issue.labels });
    result.issues.push({ title: issue.title, url: created.url, existed: false });
  }
  return result;
}

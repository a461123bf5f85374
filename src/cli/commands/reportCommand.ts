// `runbook-gate report RUN_DIR... [--report FILE] [--template NAME|FILE] [--post-comment]
// [--open-issues] [--yes]`: regenerate a report from run.json alone (one run, or several in one
// report), optionally put it on GitHub after showing what will be created. Exit by the decision.
import { GateService } from '../../app/gateService';
import { writeReports } from '../../app/outputs';
import { planPublish, publish, type PublishPlan } from '../../app/publish';
import { RunInputs } from '../../app/inputs';
import { UsageProblem } from '../../app/problems';
import { terminalLine } from '../../core/text/controlChars';
import type { ReportCommand } from '../args';
import type { CliContext } from '../context';
import { cliHostPorts } from '../hostPorts';
import { formatDecision, formatResults } from '../resultTable';
import { actionsOutputs } from '../actionsOutputs';

function describePlan(plan: PublishPlan): string {
  const lines = [`On ${plan.repo}:`];
  if (plan.commentOn !== null) lines.push(`  - comment the report on ${plan.commentRepo}#${plan.commentOn} (updating this run's earlier comment if there is one)`);
  for (const issue of plan.issues) lines.push(`  - open an issue "${terminalLine(issue.title)}" unless an open one has that title`);
  if (plan.commentOn === null && plan.issues.length === 0) lines.push('  - nothing (a Go report opens no remediation issues)');
  return lines.join('\n');
}

export async function reportCommand(command: ReportCommand, ctx: CliContext): Promise<number> {
  const ports = await cliHostPorts(ctx, { anchor: command.runDirs[0]!, githubApi: command.githubApi, yes: command.yes });
  const service = new GateService(ports);
  const runs = [];
  for (const dir of command.runDirs) runs.push(await service.readRun(dir, ctx.cwd));
  const written = await writeReports(service, runs, { report: command.report, template: command.template, cwd: ctx.cwd });
  ctx.stdout.write(`${formatResults(written.record, written.decisions[0]!)}\n\n${formatDecision(written.record, written.decisions[0]!, written.runDirRelative)}\n`);
  if (runs.length > 1) ctx.stdout.write(`Over ${runs.length} runs: ${written.decision.decision}\n`);
  ctx.stdout.write(`Report: ${terminalLine(written.reportPath)}\n`);
  await actionsOutputs(ctx).finish(written.record, written.decision, written);

  if (command.postComment || command.openIssues) {
    const request = {
      record: written.record, decision: written.decisions[0]!, data: written.data, reportMarkdown: written.markdown, reportPath: written.reportPath,
      postComment: command.postComment, openIssues: command.openIssues, githubRepo: command.githubRepo,
    };
    const plan = await planPublish(ports, request);
    ctx.stdout.write(`${describePlan(plan)}\n`);
    if (!command.yes) {
      if (!ctx.interactive || !ctx.ask) throw new UsageProblem('publishing to GitHub asks first: pass --yes to go ahead without a prompt');
      const answer = await ctx.ask('Go ahead? [y/N] ');
      if (!/^y(es)?$/i.test(answer.trim())) {
        ctx.stdout.write('Nothing was published.\n');
        return written.decision.go ? 0 : 1;
      }
    }
    const result = await publish(ports, new RunInputs(ports.env, null), request, plan);
    if (result.comment) ctx.stdout.write(`${result.comment.created ? 'Commented' : 'Updated the comment'}: ${result.comment.url}\n`);
    for (const issue of result.issues) ctx.stdout.write(`${issue.existed ? 'Already open' : 'Opened'}: ${terminalLine(issue.title)} ${issue.url}\n`);
  }
  return written.decision.go ? 0 : 1;
}

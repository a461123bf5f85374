// What a run leaves beside its record (PRODUCT.md, "What a run leaves behind"): SUMMARY.md and
// results.tsv in the run directory, the report in the folder the runbook names (never
// replacing another run's report), and gate.json — the report's data — in the run directory.
// Everything is derived from run.json: writing it again gives the same files.
import { relative } from 'node:path';
import { decideRun } from '../core/gate/decide';
import type { GateDecision } from '../core/gate/types';
import { buildReportData } from '../core/report/buildReportData';
import type { ReportData } from '../core/report/data';
import { renderResultsTsv, renderRunSummary } from '../core/report/artifacts';
import { renderReport } from '../core/report/render';
import type { RunStore } from '../core/ports';
import type { RunRecord } from '../core/run/record';
import { resolveReportTemplate, writeReport } from '../node/reportFile';
import type { GateService } from './gateService';
import type { RunHandle } from './runHandle';
import { UsageProblem } from './problems';

export interface OutputOptions {
  /** `--report FILE|DIR` as typed (trusted: may be absolute, must be inside the workspace). */
  report: string | null;
  /** `--template NAME|FILE` as typed; else front matter `template`, else the setting. */
  template: string | null;
  cwd?: string;
}

export interface WrittenOutputs {
  record: RunRecord;
  /** The first run's decision; `go` is true only when every run reported on is Go. */
  decision: GateDecision;
  decisions: GateDecision[];
  data: ReportData;
  markdown: string;
  reportFile: string;
  /** Workspace-relative. */
  reportPath: string;
  /** Workspace-relative run directory (the first, for several runs). */
  runDirRelative: string;
}

/** SUMMARY.md and results.tsv: rewritten whole after every session, so the run directory always says what run.json says. */
export async function writeRunArtifacts(store: RunStore, record: RunRecord, decision: GateDecision): Promise<void> {
  await store.writeText('results.tsv', renderResultsTsv(record, decision));
  await store.writeText('SUMMARY.md', renderRunSummary(record, decision));
}

export async function writeRunOutputs(service: GateService, handle: RunHandle, options: OutputOptions): Promise<WrittenOutputs> {
  const record = await handle.refresh();
  return writeReports(service, [{ record, store: handle.store }], options);
}

/** One report over one or more runs (seed 004 was one report over three documents' checks). */
export async function writeReports(service: GateService, runs: Array<{ record: RunRecord; store: RunStore }>, options: OutputOptions): Promise<WrittenOutputs> {
  if (runs.length === 0) throw new UsageProblem('no run to report on');
  const guard = await service.guard();
  const first = runs[0]!.record;
  const decided = runs.map((run) => ({ ...run, decision: decideRun(run.record), runDir: guard.relative(run.store.dir) }));
  for (const run of decided) await writeRunArtifacts(run.store, run.record, run.decision);

  const wanted = options.template ?? first.context.template ?? service.ports.settings.template;
  const template = await resolveReportTemplate(guard, wanted, {
    trusted: options.template !== null, ...(options.cwd ? { cwd: options.cwd } : {}),
    what: options.template !== null ? '--template' : first.context.template ? 'The runbook\'s template' : 'The report template setting',
  }).catch((error: Error) => {
    throw new UsageProblem(error.message);
  });
  const templateName = typeof template === 'string' ? template : template.name;
  let data: ReportData | null = null;
  let markdown = '';
  const written = await writeReport(guard, {
    runbookPath: first.runbook.path,
    runIds: runs.map((r) => r.record.runId),
    date: first.startedAt.slice(0, 10),
    reportFolder: first.context.reportFolder,
    settingFolder: service.ports.settings.reportFolder,
    explicit: options.report,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  }, (reportPath) => {
    data = buildReportData(decided.map(({ record, decision, runDir }) => ({ record, decision, runDir })), { reportPath, template: templateName, toolVersion: service.ports.toolVersion });
    markdown = renderReport(data, template);
    return markdown;
  }).catch((error: Error) => {
    throw error.name === 'OutsideWorkspaceError' || error.name === 'ReportTemplateError' ? new UsageProblem(error.message) : error;
  });
  const reportData = data as ReportData | null;
  if (!reportData) throw new Error('the report was not rendered');
  for (const run of decided) await run.store.writeText('gate.json', `${JSON.stringify(reportData, null, 2)}\n`);
  return {
    record: first,
    decision: { ...decided[0]!.decision, go: decided.every((d) => d.decision.go), decision: decided.every((d) => d.decision.go) ? 'Go' : 'No-Go' },
    decisions: decided.map((d) => d.decision),
    data: reportData,
    markdown,
    reportFile: written.absolute,
    reportPath: written.path,
    runDirRelative: relative(guard.root, runs[0]!.store.dir).split('\\').join('/') || '.',
  };
}

// Annotations for a report's failed and blocked checks, at their runbook lines (pure): required
// checks are errors, optional ones warnings; a stage a person marked failed or blocked is an
// error at the stage's line when none of its checks is.
import type { ReportData } from '../../core/report/data';
import type { Annotation } from './workflowCommands';

const BAD = new Set(['failed', 'blocked']);

export function checkAnnotations(data: ReportData): Annotation[] {
  const out: Annotation[] = [];
  for (const stage of data.stages) {
    const bad = stage.checks.filter((c) => BAD.has(c.status));
    for (const check of bad) {
      const why = [check.outcome, check.note && !check.outcome.includes(check.note) ? check.note : null].filter((t): t is string => Boolean(t));
      out.push({
        level: check.required ? 'error' : 'warning',
        file: stage.runbook,
        line: check.line,
        title: `${stage.label}: ${check.statusText}${check.required ? '' : ' (optional)'}`,
        message: `${check.label}${why.length > 0 ? ` — ${why.join(' — ')}` : ''}`,
      });
    }
    if (bad.length === 0 && (stage.verdict === 'FAIL' || stage.verdict === 'BLOCKED')) {
      out.push({ level: 'error', file: stage.runbook, line: stage.line, title: `${stage.label}: ${stage.verdict}`, message: stage.note ?? `${stage.label} is ${stage.verdict}` });
    }
  }
  return out;
}

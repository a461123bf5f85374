// A readable projection of a runbook model for golden files: stages -> checks (kind, binding,
// hold, gates, task) -> steps, gates with thresholds, references with roles, inputs, context
// and diagnostics, one line each, so that a change reads as a small diff.
import type { Check, Hold, Runbook, Threshold } from '../../../../src/core/runbook/model';

export function holdText(hold: Hold): string {
  if (hold.businessDays !== null) return `${hold.businessDays} business day${hold.businessDays === 1 ? '' : 's'}`;
  if (hold.durationMs === null) return 'no duration';
  const ms = hold.durationMs;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms / 1000}s`;
}

export function thresholdText(t: Threshold): string {
  return `${t.metric ? `${t.metric} ` : ''}${t.comparator} ${t.value}${t.unit ? (t.unit === '%' ? '%' : ` ${t.unit}`) : ''}${t.window ? ` over ${t.window} (${t.windowMs} ms)` : ''}`;
}

export function checkLine(c: Check): string {
  const parts = [c.id, c.kind];
  if (!c.required) parts.push('optional');
  if (c.task) parts.push(`task ${c.task.checked ? '[x]' : '[ ]'} ${c.task.line}:${c.task.column}`);
  if (c.binding) parts.push(`${c.binding.how}${c.binding.how === 'inferred' ? ` ${c.binding.confidence.toFixed(2)}` : ''} -> ${c.binding.stepIds.join(', ')}`);
  if (c.hold) parts.push(`hold "${c.hold.text}" = ${holdText(c.hold)}`);
  if (c.gateIds.length > 0) parts.push(`gates ${c.gateIds.join(', ')}`);
  if (c.issueIds.length > 0) parts.push(`issues ${c.issueIds.join(', ')}`);
  return `${parts.join(' | ')} :: ${c.text}`;
}

export function projectRunbook(m: Runbook): string {
  const lines: string[] = [`title: ${m.title}`];
  const ctx = m.context;
  lines.push(`context: title=${ctx.title}; owner=${ctx.owner ?? '-'}; issue=${ctx.issue ? `${ctx.issue.text} (#${ctx.issue.number ?? '?'}${ctx.issue.repo ? ` in ${ctx.issue.repo}` : ''})` : '-'}; scope=${ctx.scope ?? '-'}; report=${ctx.reportFolder ?? '-'}; template=${ctx.template ?? '-'}`);
  if (Object.keys(m.frontMatter).length > 0) lines.push(`front matter: ${JSON.stringify(m.frontMatter)}`);
  if (m.generated) lines.push('generated: true');
  const checks = new Map(m.checks.map((c) => [c.id, c]));
  for (const s of m.stages) {
    lines.push(`${s.id} ${s.kind} key=${s.key ?? '-'} "${s.label}" L${s.range.startLine}-${s.range.endLine}`);
    for (const id of s.checkIds) {
      const c = checks.get(id);
      lines.push(c ? `  ${checkLine(c)}` : `  ${id} MISSING`);
      for (const d of c?.detail ?? []) lines.push(`    - ${d}`);
    }
  }
  for (const s of m.steps) {
    const facts = [
      s.stageId ? `stage ${s.stageId}` : `section ${s.sectionId ?? '-'}`,
      s.checkIds.length > 0 ? `-> ${s.checkIds.join(', ')}` : 'unbound',
      s.required ? '' : 'optional',
      s.rollback ? 'rollback' : '',
      s.destructive ? `destructive (${s.destructiveReason})` : '',
      s.cwd ? `cwd ${s.cwd}` : '',
      s.placeholders.length > 0 ? `fill in ${s.placeholders.join(' ')}` : '',
    ].filter((f) => f.length > 0);
    lines.push(`step ${s.id} ${s.language} L${s.range.startLine}-${s.range.endLine} "${s.title}" | ${facts.join(' | ')} :: ${s.command.split('\n')[0] ?? ''}`);
  }
  for (const g of m.gates) {
    const extra = [g.status !== undefined ? `status "${g.status}"` : '', g.evidence !== undefined ? `evidence "${g.evidence}"` : ''].filter((x) => x.length > 0);
    lines.push(`gate ${g.id} #${g.number ?? '-'} L${g.line} "${g.title}"${extra.length > 0 ? ` ${extra.join(' ')}` : ''}`);
    for (const t of g.thresholds) lines.push(`  threshold ${thresholdText(t)} <- "${t.text}"`);
    for (const d of g.detail) lines.push(`  - ${d}`);
  }
  for (const r of m.issues) lines.push(`${r.id} ${r.repo ? `${r.repo}#` : '#'}${r.number} L${r.line} ${r.role} (${r.why})${r.checkId ? ` -> ${r.checkId}` : ''}`);
  for (const i of m.inputs) lines.push(`input ${i.name} ${i.kind}${i.secret ? ' secret' : ''} <- ${i.stepIds.join(', ')}`);
  for (const d of m.diagnostics) lines.push(`diagnostic L${d.range.startLine} ${d.severity} ${d.code}${d.fixes ? ` (fix: ${d.fixes.map((f) => f.newText.trim()).join(' | ')})` : ''}`);
  return `${lines.join('\n')}\n`;
}

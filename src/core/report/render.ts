// A report is gate.json rendered by a LiquidJS template: a built-in one (gate, validation,
// drill, load) or a team's own `.liquid` file. Liquid runs no code, reads no files (partials
// come from memory) and, configured here, escapes every `{{ }}` output as Markdown; the first
// line is always the report marker, which the runbook parser reads as "not a runbook".
import { Liquid } from 'liquidjs';
import type { ReportData } from './data';
import { REPORT_FILTERS, escapeOutput } from './filters';
import { BUILTIN_TEMPLATES, PARTIALS, isBuiltinTemplate } from './templates/index';
import { reportMarker } from './marker';

export { parseReportMarker, reportMarker } from './marker';

export interface ReportTemplate {
  /** A built-in name, or the workspace-relative file it was read from (for error messages and the marker). */
  name: string;
  source: string;
}

export class ReportTemplateError extends Error {
  override name = 'ReportTemplateError';
  constructor(readonly template: string, readonly line: number | null, readonly column: number | null, readonly reason: string) {
    super(`report template ${template}${line !== null ? `:${line}${column !== null ? `:${column}` : ''}` : ''}: ${reason}`);
  }
}

/** A built-in template by name; anything else must come with its source (the host reads the file). */
export function builtinTemplate(name: string): ReportTemplate {
  if (!isBuiltinTemplate(name)) {
    throw new ReportTemplateError(name, null, null, `no built-in template of that name (built-in: ${Object.keys(BUILTIN_TEMPLATES).join(', ')}); a team template is a workspace-relative .liquid file`);
  }
  return { name, source: BUILTIN_TEMPLATES[name] };
}

function engine(): Liquid {
  const liquid = new Liquid({
    templates: { ...PARTIALS },
    outputEscape: escapeOutput,
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    ownPropertyOnly: true,
    timezoneOffset: 0,
    parseLimit: 1_000_000,
    memoryLimit: 100_000_000,
  });
  for (const [name, filter] of Object.entries(REPORT_FILTERS)) liquid.registerFilter(name, filter);
  return liquid;
}

interface LiquidFailure {
  message: string;
  token?: { file?: string; getPosition?: () => [number, number] };
}

function templateError(template: ReportTemplate, error: unknown): ReportTemplateError {
  const failure = error as LiquidFailure;
  const position = typeof failure.token?.getPosition === 'function' ? failure.token.getPosition() : null;
  const reason = String(failure.message ?? error).split('\n')[0]!.replace(/(?:, file:[^,]*)?, line:\d+, col:\d+(?:, file:.*)?$/, '');
  const file = failure.token?.file && failure.token.file !== template.name ? `${template.name} (included ${failure.token.file})` : template.name;
  return new ReportTemplateError(file, position?.[0] ?? null, position?.[1] ?? null, reason);
}

/** Blank-line runs become one blank line outside fenced code (templates need not count newlines). */
export function tidyMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && opener) fence = opener;
    else if (fence !== null && opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = null;
    else if (fence === null && line.trim() === '' && (out.length === 0 || out[out.length - 1]!.trim() === '')) continue;
    out.push(fence === null && line.trim() === '' ? '' : line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** The report: its marker line, then the template rendered over the data. */
export function renderReport(data: ReportData, template: string | ReportTemplate): string {
  const chosen = typeof template === 'string' ? builtinTemplate(template) : template;
  const liquid = engine();
  let body: string;
  try {
    body = liquid.renderSync(liquid.parse(chosen.source, chosen.name), data);
  } catch (error) {
    throw templateError(chosen, error);
  }
  return tidyMarkdown(`${reportMarker(data.runs.map((r) => r.id), chosen.name)}\n${body}`);
}

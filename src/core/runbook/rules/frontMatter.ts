// YAML front matter: report, owner, issue, repo, cwd, shell, template, on-failure, title.
// Unknown keys are info, a broken block is an error diagnostic; neither stops the parse.
import { parse } from 'yaml';
import type { FrontMatter, RunbookDiagnostic, SourceRange } from '../model';
import type { FrontMatterBlock } from '../parse/chunks';

const KEYS = ['report', 'owner', 'issue', 'repo', 'cwd', 'shell', 'template'] as const;
/** Keys other tools (Runme, static site generators) put there: accepted silently. */
const FOREIGN = new Set(['title', 'runme', 'tags', 'description', 'date', 'category', 'terminalrows', 'skipprompts', 'layout', 'sidebar_position', 'slug', 'author', 'authors', 'draft']);

export interface FrontMatterResult {
  frontMatter: FrontMatter;
  title: string | null;
  diagnostics: RunbookDiagnostic[];
}

export function readFrontMatter(block: FrontMatterBlock | null): FrontMatterResult {
  const result: FrontMatterResult = { frontMatter: {}, title: null, diagnostics: [] };
  if (!block) return result;
  const whole: SourceRange = { startLine: 1, startColumn: 1, endLine: block.lineCount, endColumn: block.closingLength + 1 };
  let data: unknown;
  try {
    data = parse(block.yaml);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'invalid YAML';
    result.diagnostics.push({ range: whole, severity: 'error', code: 'malformed-front-matter', message: `Front matter is not valid YAML (${message}); it is ignored.` });
    return result;
  }
  if (data === null || data === undefined) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    result.diagnostics.push({ range: whole, severity: 'error', code: 'malformed-front-matter', message: 'Front matter must be a YAML mapping (key: value lines); it is ignored.' });
    return result;
  }
  const lineOf = (key: string): SourceRange => {
    const lines = block.yaml.split('\n');
    const index = lines.findIndex((l) => l.startsWith(`${key}:`));
    return index >= 0 ? { startLine: index + 2, startColumn: 1, endLine: index + 2, endColumn: (lines[index] ?? '').length + 1 } : whole;
  };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if ((KEYS as readonly string[]).includes(key)) {
      if (typeof value === 'string' || typeof value === 'number') {
        const text = String(value).trim();
        result.frontMatter[key as (typeof KEYS)[number]] = text;
        if (key === 'repo' && !/^[\w.-]+\/[\w.-]+$/.test(text)) {
          result.diagnostics.push({ range: lineOf(key), severity: 'warning', code: 'invalid-front-matter-value', message: `repo: "${text}" should read owner/name.` });
        }
      } else {
        result.diagnostics.push({ range: lineOf(key), severity: 'warning', code: 'invalid-front-matter-value', message: `Front matter ${key} should be a text value; it is ignored.` });
      }
    } else if (key === 'title' && (typeof value === 'string' || typeof value === 'number')) {
      result.title = String(value).trim();
      result.frontMatter.title = result.title;
    } else if (key === 'on-failure' || key === 'onFailure') {
      const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (v === 'stop' || v === 'continue') result.frontMatter.onFailure = v;
      else result.diagnostics.push({ range: lineOf(key), severity: 'warning', code: 'invalid-front-matter-value', message: `${key}: should be stop or continue; it is ignored.` });
    } else if (!FOREIGN.has(key.toLowerCase())) {
      result.diagnostics.push({ range: lineOf(key), severity: 'info', code: 'unknown-front-matter-key', message: `Front matter key "${key}" is not used by Runbook Gate (known: ${[...KEYS, 'on-failure', 'title'].join(', ')}).` });
    }
  }
  return result;
}

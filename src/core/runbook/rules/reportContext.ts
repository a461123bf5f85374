// The report's context, read from the runbook: the title, `Owner:` / `Owner lane:`, `Issue:`
// and `Scope:` lines of the document's header (before its first section heading), and the
// report folder a "Required artifacts" section names (001: `docs/sync/status/`). Front
// matter overrides each field.
import type { FrontMatter, ReportContext } from '../model';

export type MetaKey = 'owner' | 'issue' | 'scope';

export interface MetaLine {
  key: MetaKey;
  /** As written after the colon (inline code kept): "Khala lane (`apps/runtime`)". */
  text: string;
}

const META = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(owner(?:\s+lane)?|owners|owning\s+team|operator\s+lane|issue|tracking\s+issue|gate\s+issue|scope)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*(.*?)\s*$/i;

/** A header line such as `Owner: Khala lane (\`apps/runtime\`)`, or null. */
export function readMetaLine(raw: string): MetaLine | null {
  const m = META.exec(raw);
  if (!m) return null;
  const text = (m[2] ?? '').replace(/\\$/, '').trim();
  if (text.length === 0) return null;
  const word = (m[1] ?? '').toLowerCase();
  const key: MetaKey = word.includes('issue') ? 'issue' : word === 'scope' ? 'scope' : 'owner';
  return { key, text };
}

/** "OA-RUST-110 (`#1935`)", "#12", "acme/api#12", an issue URL, or a bare number. */
export function parseIssueText(text: string, defaultRepo: string | null): NonNullable<ReportContext['issue']> {
  const url = /github\.com\/([\w.-]+\/[\w.-]+)\/issues\/(\d+)/.exec(text);
  if (url) return { text, number: Number(url[2]), repo: url[1] ?? null };
  const qualified = /([\w.-]+\/[\w.-]+)#(\d+)/.exec(text);
  if (qualified) return { text, number: Number(qualified[2]), repo: qualified[1] ?? null };
  const hash = /(?:^|[^\w&])#(\d+)\b/.exec(text) ?? /^\s*(\d+)\s*$/.exec(text);
  return { text, number: hash ? Number(hash[1]) : null, repo: hash ? defaultRepo : null };
}

/** A report folder or .md file among an artifacts item's code spans: `docs/sync/status/`. */
export function reportPathIn(itemText: string, codeSpans: string[]): string | null {
  const paths = codeSpans.map((c) => c.trim()).filter((c) => !/\s/.test(c) && (c.endsWith('/') || /\.md$/i.test(c)) && !/^[a-z]+:\/\//i.test(c));
  if (paths.length === 0) return null;
  return /\breports?\b/i.test(itemText) ? (paths[0] ?? null) : null;
}

export interface ContextInput {
  title: string;
  meta: MetaLine[];
  reportFolder: string | null;
  frontMatter: FrontMatter;
  defaultRepo: string | null;
}

export function buildReportContext(input: ContextInput): ReportContext {
  const first = (key: MetaKey): string | null => input.meta.find((m) => m.key === key)?.text ?? null;
  const fm = input.frontMatter;
  const issueText = fm.issue ?? first('issue');
  const repo = fm.repo ?? input.defaultRepo;
  return {
    title: fm.title ?? input.title,
    owner: fm.owner ?? first('owner'),
    issue: issueText === null ? null : parseIssueText(issueText, repo),
    scope: first('scope'),
    reportFolder: fm.report ?? input.reportFolder,
    template: fm.template ?? null,
  };
}

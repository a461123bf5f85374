// The comment a run's report becomes on the gate issue: a marker that lets the next post of
// the same run find and update it (GithubClient.upsertComment), the decision line, links to
// the report and the run, then the report itself with its relative links made absolute
// (a comment has no folder for `../` to start from).
import type { ReportData } from './data';
import { escapeText as plainText, inlineCode, linkTarget as safeLinkTarget } from './markdown';

/** Unsafe destinations (javascript: and the like) become an empty link. */
const linkTarget = (url: string): string => safeLinkTarget(url) ?? '<>';

/** GitHub refuses longer comment and issue bodies. */
export const COMMENT_BODY_LIMIT = 65_536;

/** `<!-- runbook-gate:run=<runId> -->`; the id is reduced to characters that cannot end the comment. */
export function runCommentMarker(runId: string): string {
  const safe = runId.replace(/[^A-Za-z0-9._:-]/g, '_').replace(/-{2,}/g, '-');
  return `<!-- runbook-gate:run=${safe} -->`;
}

/** Web address of files at a commit: `https://github.com/o/r/blob/<ref>` (GitHub Enterprise: its web root). */
export function githubBlobBase(repo: string, ref: string, webRoot = 'https://github.com'): string {
  return `${webRoot.replace(/\/+$/, '')}/${repo}/blob/${ref.split('/').map(encodeURIComponent).join('/')}`;
}

/** `dir/../x/./y` -> `x/y`; null when it climbs out of the repository. */
export function normalizeRepoPath(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** A path relative to the report file -> the same file relative to the repository root. */
export function repoPathFromReport(reportPath: string, relative: string): string | null {
  const folder = reportPath.includes('/') ? reportPath.slice(0, reportPath.lastIndexOf('/')) : '';
  return normalizeRepoPath(relative.startsWith('/') ? relative : `${folder}/${relative}`);
}

/** A Markdown link to a repository file: absolute under `blobBase`, else the path as it is. */
export function repoFileLink(repoPath: string, blobBase: string | null): string {
  const shown = inlineCode(repoPath);
  if (blobBase === null) return shown;
  const url = `${blobBase}/${repoPath.split('/').map(encodeURIComponent).join('/')}`;
  return `[${shown}](${linkTarget(url)})`;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Rewrites `](relative)` link targets of the report to absolute ones; leaves URLs and anchors alone. */
function absoluteLinks(markdown: string, reportPath: string, blobBase: string): string {
  return markdown.replace(/(?<!\\)\]\((<[^>\n]*>|[^)\s]+)((?:\s+"[^"\n]*")?)\)/g, (whole, rawTarget: string, title: string) => {
    const target = rawTarget.startsWith('<') ? rawTarget.slice(1, -1) : rawTarget;
    if (target === '' || target.startsWith('#') || SCHEME.test(target)) return whole;
    const [path, anchor] = target.split('#', 2) as [string, string | undefined];
    let decoded = path;
    try {
      decoded = decodeURI(path);
    } catch {
      // keep it as written
    }
    const repoPath = repoPathFromReport(reportPath, decoded);
    if (repoPath === null) return whole;
    const url = `${blobBase}/${repoPath.split('/').map(encodeURIComponent).join('/')}${anchor !== undefined ? `#${anchor}` : ''}`;
    return `](${linkTarget(url)}${title})`;
  });
}

export interface RunCommentInput {
  runId: string;
  data: ReportData;
  /** The rendered report. */
  reportMarkdown: string;
  /** Where the report was written, relative to the repository root. */
  reportPath: string;
  /** See githubBlobBase; null leaves links as paths (they then only work in the repository). */
  blobBase: string | null;
}

/** Cut at a line so the comment fits GitHub's limit, saying so. */
function fitted(head: string, report: string, tail: (truncated: boolean) => string): string {
  const whole = `${head}${report}${tail(false)}`;
  if (whole.length <= COMMENT_BODY_LIMIT) return whole;
  const room = COMMENT_BODY_LIMIT - head.length - tail(true).length;
  const cut = report.slice(0, Math.max(0, room));
  const atLine = cut.lastIndexOf('\n');
  return `${head}${atLine > 0 ? cut.slice(0, atLine) : cut}${tail(true)}`;
}

export function renderRunComment(input: RunCommentInput): string {
  const { data, reportPath, blobBase } = input;
  const decision = data.decision;
  const commit = data.integrity.gitCommit;
  const facts = [
    `Report: ${repoFileLink(reportPath, blobBase)}`,
    `run ${inlineCode(input.runId)}`,
    ...(commit ? [`commit ${inlineCode(commit.slice(0, 12))}`] : []),
  ];
  const head = [
    runCommentMarker(input.runId),
    `**${decision.value}** — ${plainText(decision.statement)}`,
    '',
    facts.join(' · '),
    '',
    '---',
    '',
    '',
  ].join('\n');
  const report = blobBase === null ? input.reportMarkdown : absoluteLinks(input.reportMarkdown, reportPath, blobBase);
  const tail = (truncated: boolean) => (truncated
    ? `\n\n_The report is longer than a GitHub comment allows; the rest is in ${repoFileLink(reportPath, blobBase)}._\n`
    : '\n');
  return fitted(head, report.trimEnd(), tail);
}

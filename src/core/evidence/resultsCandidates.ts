// Results files a step's output says it wrote: "wrote docs/reports/x/20260221T192746Z/results.tsv",
// "Results: out/results.tsv", "JUnit report written to out/junit.xml", "- `docs/.../results.tsv`",
// pytest's "generated xml file: /w/report.xml". Only paths ending in .tsv, .csv, .xml, .tap or
// .md (.markdown); no spaces in them. The caller keeps those created or modified during the
// step and inside the workspace, and tries them in the order given here.
import { stripAnsi } from './outputLines';

const PATH = /(?:^|[\s`'"(<[=:,])((?:\.{0,2}\/|~\/)?[\w@%+~.-]+(?:\/[\w@%+~.-]+)*\.(?:tsv|csv|xml|tap|md|markdown))(?=$|[\s`'")\]>,;:!?]|\.(?:\s|$))/gim;
// A line that speaks of writing or of results (a list item counts: an artifacts list).
const WROTE = /\b(?:wrot[e]|written|writing|saved?|generated|created|results?|reports?|artifacts?|output)\b|^\s*[-*]\s/i;

/**
 * Paths in the order to try them: tables, XML and TAP before Markdown (seed 002 prints SUMMARY.md
 * before results.tsv), then lines that say they wrote or list results before other lines, then
 * in the order printed. Each path once.
 */
export function resultsFileCandidates(outputText: string): string[] {
  const found: Array<{ path: string; markdown: boolean; wrote: boolean; order: number }> = [];
  const seen = new Set<string>();
  for (const line of stripAnsi(outputText).split(/\r?\n|\r/)) {
    const wrote = WROTE.test(line);
    for (const m of line.matchAll(PATH)) {
      const path = m[1]!;
      // "docs/.../results.tsv" abbreviates a path; it names no file.
      if (seen.has(path) || /(?:^|\/)\.{3,}(?:\/|$)/.test(path)) continue;
      seen.add(path);
      found.push({ path, markdown: /\.(?:md|markdown)$/i.test(path), wrote, order: found.length });
    }
  }
  return found
    .sort((a, b) => Number(a.markdown) - Number(b.markdown) || Number(b.wrote) - Number(a.wrote) || a.order - b.order)
    .map((c) => c.path);
}

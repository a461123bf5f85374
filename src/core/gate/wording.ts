// A decision's reasons and remedies are data (types.ts); this file words them for each host:
// 'cli' names `runbook-gate` commands and flags, 'editor' names commands and lenses, 'report'
// writes neutral sentences (seed 000's "Required Remediation Before Re-Run"). Values from the
// run go through a style: plain for a terminal or panel, Markdown escaping for a report.
import type { RunRecord } from '../run/record';
import type { Problem, Reason, Subject } from './types';
import type { Vocabulary, WordingContext, WordingOptions } from './wordingStyle';
import { shortTime } from '../run/holds';
import { checkText, commandLine, sentence, stageShort, words, type Words } from './wordingParts';

export { PLAIN_STYLE, type Vocabulary, type WordingContext, type WordingOptions, type WordingStyle } from './wordingStyle';
export { wordReasonRemedy, wordRemedy } from './remedyWording';

export function wordingContext(record: RunRecord, runDir?: string | null): WordingContext {
  return {
    runbookPath: record.runbook.path,
    runDir: runDir ?? null,
    stages: record.stages,
    checks: record.checks,
    gates: record.gates,
    dependencies: record.dependencies.items.map((item) => item.label),
    extraIds: record.extra.map((extra) => extra.id),
  };
}

export function wordSubject(subject: Subject, vocabulary: Vocabulary, options?: WordingOptions): string {
  return subjectWords(words(vocabulary, options), subject);
}

function subjectWords(w: Words, subject: Subject): string {
  switch (subject.kind) {
    case 'stage':
      return w.text(subject.label);
    case 'check': {
      const text = w.text(`"${checkText(w, subject.checkId, subject.text)}"`);
      return w.vocabulary === 'cli' ? `${w.code(subject.checkId)} ${text}` : `${text} (${stageShort(w, subject.stageId)})`;
    }
    case 'gate':
      return w.vocabulary === 'cli' ? `${w.text(subject.title)} (${w.code(subject.gateId)})` : w.text(subject.title);
    case 'dependency':
      return w.text(subject.label);
    case 'dependency-gate':
      return w.text('the dependency gate');
    case 'scope':
      return w.text('the run');
  }
}

// ---- problems ---------------------------------------------------------------------------

function withCommand(w: Words, command: string | null, detail: string): string {
  const what = detail.trim() === '' ? '' : w.text(detail.trim());
  if (command) return `: ${w.code(commandLine(command))}${what ? ` => ${what}` : ''}`;
  return what ? `: ${what}` : '';
}

export function wordProblem(problem: Problem, vocabulary: Vocabulary, options?: WordingOptions): string {
  return problemWords(words(vocabulary, options), problem);
}

function problemWords(w: Words, problem: Problem): string {
  switch (problem.kind) {
    case 'failed':
      return `failed${withCommand(w, problem.command, problem.detail)}`;
    case 'blocked':
      return `is blocked${withCommand(w, problem.command, problem.detail)}`;
    case 'holding':
      return `is holding until ${w.text(shortTime(problem.until))}${problem.text ? ` (${w.text(problem.text)})` : ''}`;
    case 'awaiting-verdict':
      return 'needs a verdict';
    case 'not-run':
      return 'was not run';
    case 'cancelled':
      return `was cancelled${problem.command ? ` (${w.code(commandLine(problem.command))})` : ''}`;
    case 'interrupted':
      return `was interrupted${problem.command ? ` (${w.code(commandLine(problem.command))})` : ''}`;
    case 'not-observed':
      return 'was not observed in this run';
    case 'gate-red':
      return `is red${problem.detail ? `: ${w.text(problem.detail)}` : ''}`;
    case 'gate-blocked':
      return `is blocked${problem.detail ? `: ${w.text(problem.detail)}` : ''}`;
    case 'issue-open':
      return `is still open${problem.title ? ` (${w.text(problem.title)})` : ''}`;
    case 'lookup-failed':
      return `could not be looked up: ${w.text(problem.error)}`;
    case 'not-checked':
      return `was not checked: ${w.text(problem.reason)}`;
    case 'nothing-in-scope':
      return 'has nothing in scope';
  }
}

/** "Stage 2 (External canary) is blocked: `./check.sh` => Cannot find service". */
export function wordReason(reason: Reason, vocabulary: Vocabulary, options?: WordingOptions): string {
  const w = words(vocabulary, options);
  return sentence(w, `${subjectWords(w, reason.subject)} ${problemWords(w, reason.problem)}`);
}

// ---- what passed ------------------------------------------------------------------------

/** "Stage 0 (Gate preflight) passed", "Dependency gate is green (#1858, #1859)". */
export function wordPassed(subject: Subject, vocabulary: Vocabulary, options?: WordingOptions): string {
  const w = words(vocabulary, options);
  switch (subject.kind) {
    case 'dependency-gate': {
      const labels = w.context.dependencies ?? [];
      return sentence(w, `Dependency gate is green${labels.length > 0 ? ` (${labels.map((l) => w.text(l)).join(', ')})` : ''}`);
    }
    case 'gate':
      return sentence(w, `${subjectWords(w, subject)} is green`);
    case 'dependency':
      return sentence(w, `${subjectWords(w, subject)} is closed`);
    default:
      return sentence(w, `${subjectWords(w, subject)} passed`);
  }
}

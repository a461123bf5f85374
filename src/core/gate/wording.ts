// A decision's reasons and remedies are data (types.ts); this file words them for each host:
// 'cli' names `runbook-gate` commands and flags, 'editor' names commands and lenses, 'report'
// writes neutral sentences (seed 000's "Required Remediation Before Re-Run"). Values from the
// run go through a style: plain for a terminal or panel, Markdown escaping for a report.
import type { RunRecord } from '../run/record';
import { shortTime } from '../run/holds';
import type { Problem, Reason, Remedy, Subject } from './types';

export type Vocabulary = 'cli' | 'editor' | 'report';

/** How values from the run are set into a sentence. */
export interface WordingStyle {
  /** A command, path, id, flag or variable name. */
  code(text: string): string;
  /** Anything else from the run: labels, outcomes, issue titles, notes. */
  text(text: string): string;
}

/** Backticks around code (a longer fence when the code holds backticks), text as it is. */
export const PLAIN_STYLE: WordingStyle = {
  code: (text) => {
    const flat = text.replace(/\s*\r?\n\s*/g, ' ');
    const fence = '`'.repeat((flat.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0) + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
  },
  text: (text) => text,
};

/** What the words may name: the record's stages, checks and gates, and how to reach the run. */
export interface WordingContext {
  /** Workspace-relative runbook path, for CLI commands (default `RUNBOOK.md`). */
  runbookPath?: string | null;
  /** The run directory, for `mark`/`exec` (default `RUN_DIR`). */
  runDir?: string | null;
  stages?: ReadonlyArray<{ id: string; label: string; marker: string; key: string | null }>;
  checks?: ReadonlyArray<{ id: string; text: string; stageId: string }>;
  gates?: ReadonlyArray<{ id: string; title: string }>;
  /** Labels of the dependency gate's issues ("#1858"), for "Dependency gate is green (#1858, …)". */
  dependencies?: readonly string[];
  /** Ids of `exec` evidence (re-run with `exec`, not `run`). */
  extraIds?: readonly string[];
}

export interface WordingOptions {
  context?: WordingContext;
  style?: WordingStyle;
}

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

interface Words {
  vocabulary: Vocabulary;
  context: WordingContext;
  code: (text: string) => string;
  text: (text: string) => string;
}

function words(vocabulary: Vocabulary, options: WordingOptions = {}): Words {
  const style = options.style ?? PLAIN_STYLE;
  return { vocabulary, context: options.context ?? {}, code: (t) => style.code(t), text: (t) => style.text(t) };
}

/** A command's first line ("for i in …; do …" stays readable in a sentence). */
function commandLine(command: string): string {
  const lines = command.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const first = (lines[0] ?? '').replace(/\s*\\$/, '');
  return lines.length > 1 ? `${first} …` : first;
}

function unsentence(text: string): string {
  return text.trim().replace(/[.:;]+$/, '');
}

function sentence(w: Words, text: string): string {
  if (w.vocabulary !== 'report') return text;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

// ---- names ------------------------------------------------------------------------------

function stageOf(w: Words, stageId: string) {
  return byId(w.context.stages).get(stageId);
}

/** "Stage 2" (marker and key) where the runbook numbers it, else its label, else its id. */
function stageShort(w: Words, stageId: string | null, key: string | null = null): string {
  if (stageId === null) return w.text('the run');
  const stage = stageOf(w, stageId);
  if (stage?.marker && stage.key) return w.text(`${stage.marker} ${stage.key}`);
  if (stage) return w.text(stage.label);
  return key ? w.text(`Stage ${key}`) : w.code(stageId);
}

/** What `--stage` takes: the number as written when there is one, else the id. */
function stageArg(w: Words, stageId: string | null, key: string | null): string {
  return stageOf(w, stageId ?? '')?.key ?? key ?? stageId ?? '';
}

function checkText(w: Words, checkId: string, fallback?: string): string {
  return unsentence(fallback ?? byId(w.context.checks).get(checkId)?.text ?? checkId);
}

function gateTitle(w: Words, gateId: string, fallback?: string): string {
  return fallback ?? byId(w.context.gates).get(gateId)?.title ?? gateId;
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

// ---- remedies ---------------------------------------------------------------------------

/** The problem's detail, for "fix what made `cmd` fail (detail)". */
function problemDetail(problem: Problem | undefined): string {
  if (!problem) return '';
  if (problem.kind === 'failed' || problem.kind === 'blocked') return problem.detail.trim();
  return '';
}

/**
 * What to do about a reason. The problem (when given) adds its detail to "fix what made … fail";
 * a remedy alone words the same without it.
 */
export function wordRemedy(remedy: Remedy, vocabulary: Vocabulary, options?: WordingOptions & { problem?: Problem }): string {
  const w = words(vocabulary, options);
  const text = w.vocabulary === 'cli' ? cliRemedy(w, remedy, options?.problem)
    : w.vocabulary === 'editor' ? editorRemedy(w, remedy, options?.problem) : reportRemedy(w, remedy, options?.problem);
  return sentence(w, text);
}

/** Remedy of a reason, with the reason's problem for detail. */
export function wordReasonRemedy(reason: Reason, vocabulary: Vocabulary, options?: WordingOptions): string {
  return wordRemedy(reason.remedy, vocabulary, { ...options, problem: reason.problem });
}

function detailSuffix(w: Words, problem: Problem | undefined): string {
  const detail = problemDetail(problem);
  return detail ? ` (${w.text(detail)})` : '';
}

function reportRemedy(w: Words, remedy: Remedy, problem: Problem | undefined): string {
  switch (remedy.kind) {
    case 'rerun-stage':
      return `re-run ${stageShort(w, remedy.stageId, remedy.stageKey)}`;
    case 'rerun-check': {
      const check = byId(w.context.checks).get(remedy.checkId);
      return check ? `re-run the check ${w.text(`"${unsentence(check.text)}"`)} (${stageShort(w, check.stageId)})` : `re-run the check ${w.code(remedy.checkId)}`;
    }
    case 'fix-and-rerun': {
      const again = remedy.stageId ? stageShort(w, remedy.stageId, remedy.stageKey) : `step ${w.code(remedy.stepId)}`;
      return `fix what made ${w.code(commandLine(remedy.command))} fail${detailSuffix(w, problem)} and re-run ${again}`;
    }
    case 'provide-input':
      return `provide the input ${w.code(remedy.name)} and re-run step ${w.code(remedy.stepId)}`;
    case 'fill-placeholder':
      return `fill in ${w.code(remedy.name)} and re-run step ${w.code(remedy.stepId)}`;
    case 'confirm-destructive':
      return `run the destructive step ${w.code(remedy.stepId)} deliberately, with confirmation`;
    case 'wait-hold':
      return `wait until ${w.text(shortTime(remedy.until))} and re-run ${stageShort(w, remedy.stageId, remedy.stageKey)}`;
    case 'mark-check': {
      const check = byId(w.context.checks).get(remedy.checkId);
      const name = check ? `${w.text(`"${unsentence(check.text)}"`)} (${stageShort(w, check.stageId)})` : w.code(remedy.checkId);
      return `record a verdict for ${name}: passed, failed or blocked, with a note`;
    }
    case 'observe-gate':
      return `observe ${w.text(gateTitle(w, remedy.gateId))} with a step bound to it, or record its status with a note`;
    case 'restore-gate':
      return `bring ${w.code(remedy.gateId)} back within its threshold (${w.code(commandLine(remedy.command))} measures it) and re-run step ${w.code(remedy.stepId)}`;
    case 'close-issue': {
      const title = problem?.kind === 'issue-open' && problem.title ? ` (${w.text(problem.title)})` : '';
      return `close ${w.text(remedy.label)}${title}, or take it out of the runbook's dependencies`;
    }
    case 'configure-github':
      return githubReport(remedy);
    case 'select-scope':
      return 'choose the stages or checks to run';
  }
}

function githubReport(remedy: Extract<Remedy, { kind: 'configure-github' }>): string {
  switch (remedy.need) {
    case 'repository': return 'name the GitHub repository that holds the dependency issues';
    case 'token': return 'provide a GitHub token that can read the dependency issues';
    case 'access': return 'give the GitHub token read access to the dependency issues';
    case 'network': return 'look the dependency issues up again once GitHub answers';
  }
}

/** A path as a shell word (the CLI's remedies are commands to paste). */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function cliRemedy(w: Words, remedy: Remedy, problem: Problem | undefined): string {
  const runbook = shellWord(w.context.runbookPath ?? 'RUNBOOK.md');
  const runDir = w.context.runDir ? shellWord(w.context.runDir) : 'RUN_DIR';
  const run = (args: string) => w.code(`runbook-gate run ${runbook} --resume${args ? ` ${args}` : ''}`);
  switch (remedy.kind) {
    case 'rerun-stage':
      return `re-run ${run(`--stage ${shellWord(stageArg(w, remedy.stageId, remedy.stageKey))}`)}`;
    case 'rerun-check':
      return `re-run ${run(`--check ${shellWord(remedy.checkId)}`)}`;
    case 'fix-and-rerun': {
      const fix = `fix what made ${w.code(commandLine(remedy.command))} fail${detailSuffix(w, problem)}`;
      if (w.context.extraIds?.includes(remedy.stepId)) {
        const target = remedy.stageId ? `--stage ${shellWord(remedy.stageId)} ` : '';
        return `${fix}, then record it again with ${w.code(`runbook-gate exec ${runDir} ${target}-- COMMAND`)}`;
      }
      const again = remedy.stageId ? `--stage ${shellWord(stageArg(w, remedy.stageId, remedy.stageKey))}` : `--step ${shellWord(remedy.stepId)}`;
      return `${fix}, then re-run ${run(again)}`;
    }
    case 'provide-input':
      return `set ${w.code(remedy.name)} in the environment (or --env-file FILE, or --input ${remedy.name}=VALUE), then re-run ${run(`--step ${shellWord(remedy.stepId)}`)}`;
    case 'fill-placeholder':
      return `fill in ${w.code(remedy.name)} with ${w.code(`--input '${remedy.name}=VALUE'`)}, then re-run ${run(`--step ${shellWord(remedy.stepId)}`)}`;
    case 'confirm-destructive':
      return `run it deliberately: ${run(`--step ${shellWord(remedy.stepId)} --yes`)}`;
    case 'wait-hold':
      return `wait until ${w.text(shortTime(remedy.until))}, then ${run(`--stage ${shellWord(stageArg(w, remedy.stageId, remedy.stageKey))}`)}`;
    case 'mark-check':
      return `${w.code(`runbook-gate mark ${runDir} ${shellWord(remedy.checkId)} passed --note …`)} (or failed / blocked)`;
    case 'observe-gate':
      return `bind a step to it (${w.code(`gate=${remedy.gateId}`)}), or ${w.code(`runbook-gate mark ${runDir} ${shellWord(remedy.gateId)} green --note …`)} (or red / blocked)`;
    case 'restore-gate': {
      const restore = `bring ${w.code(remedy.gateId)} back within its threshold (${w.code(commandLine(remedy.command))} measures it)`;
      if (w.context.extraIds?.includes(remedy.stepId)) return `${restore}, then record it again with ${w.code(`runbook-gate exec ${runDir} -- COMMAND`)}`;
      return `${restore}, then re-run ${run(`--step ${shellWord(remedy.stepId)}`)}`;
    }
    case 'close-issue':
      return `close ${w.text(remedy.label)}${remedy.url ? ` (${w.text(remedy.url)})` : ''}, then re-run ${run('')}`;
    case 'configure-github':
      switch (remedy.need) {
        case 'repository': return `set --github-repo OWNER/NAME (or ${w.code('repo:')} in the front matter)`;
        case 'token': return 'set GITHUB_TOKEN to a token that can read the dependency issues';
        case 'access': return 'give GITHUB_TOKEN read access to the dependency issues';
        case 'network': return 'check the connection to GitHub (--github-api URL for GitHub Enterprise) and re-run';
      }
      break;
    case 'select-scope':
      return 'choose what to run: --stage ID, --check ID, --step ID or --all';
  }
  return '';
}

function editorRemedy(w: Words, remedy: Remedy, problem: Problem | undefined): string {
  const checkName = (checkId: string) => w.text(`"${checkText(w, checkId)}"`);
  switch (remedy.kind) {
    case 'rerun-stage':
      return `Run stage from its lens (${stageShort(w, remedy.stageId, remedy.stageKey)})`;
    case 'rerun-check':
      return `run ${checkName(remedy.checkId)} again from its lens`;
    case 'fix-and-rerun': {
      const fix = `fix what made ${w.code(commandLine(remedy.command))} fail${detailSuffix(w, problem)}`;
      if (w.context.extraIds?.includes(remedy.stepId)) return `${fix}, then record it again as evidence`;
      return remedy.stageId ? `${fix}, then Run stage from its lens (${stageShort(w, remedy.stageId, remedy.stageKey)})` : `${fix}, then Run step from its lens`;
    }
    case 'provide-input':
      return `provide ${w.code(remedy.name)} when Runbook Gate asks for it (or set it in the environment), then Run step from its lens (${w.code(remedy.stepId)})`;
    case 'fill-placeholder':
      return `replace ${w.code(remedy.name)} in the runbook, then Run step from its lens (${w.code(remedy.stepId)})`;
    case 'confirm-destructive':
      return `Run step from its lens (${w.code(remedy.stepId)}) and confirm`;
    case 'wait-hold':
      return `wait until ${w.text(shortTime(remedy.until))}, then Run stage from its lens (${stageShort(w, remedy.stageId, remedy.stageKey)})`;
    case 'mark-check':
      return `Runbook Gate: Mark Check… on ${checkName(remedy.checkId)}`;
    case 'observe-gate':
      return `Runbook Gate: Mark Check… on ${w.text(gateTitle(w, remedy.gateId))} (green, red or blocked, with a note), or bind a step to it with ${w.code(`gate=${remedy.gateId}`)}`;
    case 'restore-gate': {
      const restore = `bring ${w.code(remedy.gateId)} back within its threshold (${w.code(commandLine(remedy.command))} measures it)`;
      return w.context.extraIds?.includes(remedy.stepId) ? `${restore}, then record it again as evidence` : `${restore}, then Run step from its lens (${w.code(remedy.stepId)})`;
    }
    case 'close-issue':
      return `close ${w.text(remedy.label)}, then Run stage again`;
    case 'configure-github':
      switch (remedy.need) {
        case 'repository': return `set the runbookGate.github.repository setting (or ${w.code('repo:')} in the front matter)`;
        case 'token': return 'sign in to GitHub when Runbook Gate asks, or set GITHUB_TOKEN';
        case 'access': return 'give your GitHub account read access to the dependency issues';
        case 'network': return 'check the runbookGate.github.apiUrl setting and the connection to GitHub';
      }
      break;
    case 'select-scope':
      return "Run stage from a stage's lens, or Runbook Gate: Run All Steps";
  }
  return '';
}

const indexes = new WeakMap<ReadonlyArray<{ id: string }>, { length: number; map: Map<string, unknown> }>();
const NO_ITEMS = new Map<string, never>();

/**
 * A context list by id (the first of each, as find gives), made once per list and again if
 * it grew: a No-Go run of a long runbook has a reason for each of thousands of checks and gates.
 */
function byId<T extends { id: string }>(items: ReadonlyArray<T> | undefined): ReadonlyMap<string, T> {
  if (!items) return NO_ITEMS;
  const known = indexes.get(items);
  if (known && known.length === items.length) return known.map as Map<string, T>;
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  indexes.set(items, { length: items.length, map });
  return map;
}

// What to do about each reason, worded for each host (wording.ts words the reasons themselves):
// 'cli' gives the commands to paste, 'editor' the lenses and commands, 'report' sentences.
import { shortTime } from '../run/holds';
import type { Problem, Reason, Remedy } from './types';
import type { Vocabulary, WordingOptions } from './wordingStyle';
import { byId, checkText, commandLine, gateTitle, sentence, stageArg, stageShort, unsentence, words, type Words } from './wordingParts';

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

/** The same words in every vocabulary: the gate, and the command that measures it. */
function restoreGate(w: Words, remedy: Extract<Remedy, { kind: 'restore-gate' }>): string {
  return `bring ${w.code(remedy.gateId)} back within its threshold (${w.code(commandLine(remedy.command))} measures it)`;
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
      return `${restoreGate(w, remedy)} and re-run step ${w.code(remedy.stepId)}`;
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
    case 'restore-gate':
      if (w.context.extraIds?.includes(remedy.stepId)) return `${restoreGate(w, remedy)}, then record it again with ${w.code(`runbook-gate exec ${runDir} -- COMMAND`)}`;
      return `${restoreGate(w, remedy)}, then re-run ${run(`--step ${shellWord(remedy.stepId)}`)}`;
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
    case 'restore-gate':
      return w.context.extraIds?.includes(remedy.stepId)
        ? `${restoreGate(w, remedy)}, then record it again as evidence`
        : `${restoreGate(w, remedy)}, then Run step from its lens (${w.code(remedy.stepId)})`;
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

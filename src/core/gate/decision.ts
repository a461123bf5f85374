// The Go/No-Go decision: Go only when every stage/section and gate in scope is PASS/green.
import type { Gate, IssueReference, Runbook } from '../runbook/model';
import type { RunRecord, StepEvidence } from '../run/model';
import type { IssueState } from '../ports';
import { groupResults, type GroupResult } from './verdicts';
import { remediationFor, summariseCommand } from './remediation';
import { plainText } from './markdown';

export interface DependencyCheck {
  reference: IssueReference;
  state: IssueState | null;
  /** Why the state could not be fetched; a lookup error blocks the gate. */
  error: string | null;
}

export type DependencyStatus = 'green' | 'red' | 'blocked' | 'not checked';

export type GateStatus = 'green' | 'red' | 'blocked' | 'not observed';

export interface GateResult {
  gate: Gate;
  /** In scope when the gate sits in a section or stage the run covered. */
  inScope: boolean;
  status: GateStatus;
}

export interface GateReason {
  /** What it is about: "Stage 2 (External canary)", "#1858", "Error budget gate". */
  subject: string;
  /** "Stage 2 (External canary) is BLOCKED: `check.sh` exit 1: Cannot find service". */
  message: string;
  /** What to do before re-running. */
  remediation: string;
  /** The same two texts for Markdown: command output escaped so it stays text. */
  messageMarkdown: string;
  remediationMarkdown: string;
}

export interface GateDecision {
  go: boolean;
  decision: 'Go' | 'No-Go';
  /** When the decision was taken: the run's end (or start when it never ended). */
  decidedAt: string;
  strict: boolean;
  groups: GroupResult[];
  dependencyStatus: DependencyStatus;
  dependencies: DependencyCheck[];
  gates: GateResult[];
  /** Blocking reasons, in report order; empty for Go. */
  reasons: GateReason[];
  /** What passed, for the report's reason list ("Stage 0 (Preflight) passed"). */
  passed: string[];
}

export function dependencyStatusOf(dependencies: readonly DependencyCheck[]): DependencyStatus {
  if (dependencies.length === 0) return 'not checked';
  if (dependencies.some((d) => d.error !== null || d.state === null)) return 'blocked';
  return dependencies.every((d) => d.state?.state === 'closed') ? 'green' : 'red';
}

export function issueLabel(reference: IssueReference): string {
  return reference.repo ? `${reference.repo}#${reference.number}` : `#${reference.number}`;
}

function firstBadItem(group: GroupResult): StepEvidence | undefined {
  const required = new Set(group.requiredIds);
  const wanted = group.verdict === 'FAIL' ? 'failed' : group.verdict === 'BLOCKED' ? 'blocked' : null;
  if (wanted) return group.items.find((i) => required.has(i.stepId) && i.status === wanted);
  return group.items.find((i) => required.has(i.stepId) && i.status !== 'passed');
}

function groupReason(group: GroupResult, runbookPath: string): GateReason {
  const item = firstBadItem(group);
  const outcome = item ? (item.status === 'pending' ? 'not run' : item.outcome || item.status) : '';
  const detail = (escape: (text: string) => string) => (item ? `: ${summariseCommand(item.command)} ${escape(outcome)}` : '');
  return {
    subject: group.label,
    message: `${group.label} is ${group.verdict}${detail((t) => t)}`,
    remediation: remediationFor(group, item, (t) => t, runbookPath),
    messageMarkdown: `${group.label} is ${group.verdict}${detail(plainText)}`,
    remediationMarkdown: remediationFor(group, item, plainText, runbookPath),
  };
}

/** A reason whose texts hold no command output: the Markdown forms only escape the names. */
function reason(subject: string, message: string, remediation: string): GateReason {
  return { subject, message, remediation, messageMarkdown: plainText(message), remediationMarkdown: plainText(remediation) };
}

function dependencyReasons(dependencies: readonly DependencyCheck[]): GateReason[] {
  return dependencies.flatMap((d): GateReason[] => {
    const label = issueLabel(d.reference);
    if (d.error !== null || d.state === null) {
      const error = d.error ?? 'no state returned';
      return [reason(label, `Dependency ${label} could not be checked: ${error}`,
        `Make ${label} readable (GITHUB_TOKEN, --github-api, --github-repo) and re-run the gate.`)];
    }
    if (d.state.state === 'closed') return [];
    return [reason(label, `Dependency ${label} ${d.state.title} is OPEN`,
      `Close ${label} (${d.state.url}) or wait until it is done, then re-run the gate.`)];
  });
}

/**
 * Gates are in scope only when they sit inside a stage/section the run covered; a KPI list
 * under its own heading is reported as "Not observed" but does not block on its own.
 */
function gateResults(runbook: Runbook, groups: readonly GroupResult[]): GateResult[] {
  const coveredSections = new Set<string>();
  for (const group of groups) {
    if (group.kind === 'section') coveredSections.add(group.id);
    if (group.kind === 'stage') {
      const stage = runbook.stages.find((s) => s.id === group.id);
      if (stage?.sectionId) coveredSections.add(stage.sectionId);
    }
  }
  return runbook.gates.map((gate) => ({
    gate,
    inScope: gate.sectionId !== null && coveredSections.has(gate.sectionId),
    status: 'not observed' as const,
  }));
}

export function decideGate(
  runbook: Runbook,
  record: RunRecord,
  dependencies: readonly DependencyCheck[],
  options: { strict: boolean },
): GateDecision {
  const strict = options.strict || record.strict;
  const groups = groupResults(runbook, record, strict);
  const gates = gateResults(runbook, groups);
  const reasons: GateReason[] = [];
  const passed: string[] = [];
  if (groups.length === 0) {
    reasons.push(reason('Scope', 'No step was in scope for this run',
      'Select stages or steps that contain commands (--all, --stage ID, --step ID).'));
  }
  for (const group of groups) {
    if (group.verdict === 'PASS') passed.push(`${group.label} passed`);
    else reasons.push(groupReason(group, record.runbookPath));
  }
  const dependencyStatus = dependencyStatusOf(dependencies);
  if (dependencyStatus === 'green') passed.push(`Dependency gate is green (${dependencies.map((d) => issueLabel(d.reference)).join(', ')} closed)`);
  reasons.push(...dependencyReasons(dependencies));
  for (const result of gates) {
    if (!result.inScope || result.status === 'green') continue;
    reasons.push(reason(result.gate.title, `Gate "${result.gate.title}" was not observed in this run`,
      `Capture evidence for "${result.gate.title}" (a step in its stage) and re-run.`));
  }
  const go = reasons.length === 0;
  return {
    go,
    decision: go ? 'Go' : 'No-Go',
    decidedAt: record.endedAt ?? record.startedAt,
    strict,
    groups,
    dependencyStatus,
    dependencies: [...dependencies],
    gates,
    reasons,
    passed,
  };
}

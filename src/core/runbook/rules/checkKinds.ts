// A check's kind, in order of precedence:
//   command     it runs a step (bound by comment, annotation, position or inference);
//   dependency  it says dependencies/issues must be closed, or holds a dependency reference;
//   hold        it names a duration to wait (business days skip weekends);
//   gate        it follows the KPI/SLO gates ("if SLOs remain green": every gate; "Replay gate
//               green": that gate), or it is a gate item itself, or it carries gate=ID;
//   manual      anything else (a hold word with no duration stays manual, its hold kept).
// gateIds are kept on any kind (001's "Hold … one business day if SLOs remain green" is a hold
// that follows all five gates). Required unless "(optional)" or an annotation says otherwise.
import type { Gate, IssueReference, RunbookDiagnostic, Stage, Step } from '../model';
import type { DraftCheck } from './draft';
import { truncate } from './text';

/** A gate's title up to its colon, lower-cased ("Replay gate"), and whether it says gate/SLO/KPI itself. */
interface GateName {
  id: string;
  head: string;
  saysGate: boolean;
}

function gateNames(gates: Gate[]): GateName[] {
  return gates
    .map((g) => {
      const head = (/^([^:]{3,}):\s/.exec(g.title)?.[1] ?? g.title).toLowerCase().replace(/[.:]$/, '').trim();
      return { id: g.id, head, saysGate: /\b(?:gate|slo|kpi|sli)s?\b/.test(head) };
    })
    .filter((g) => g.head.length >= 4);
}

/**
 * Gates a check names by their title (the part before a colon): "Replay gate is green". A
 * title without the word gate/SLO/KPI ("Latency") counts only when the check speaks of gates.
 */
function gatesNamed(text: string, names: GateName[], speaksOfGates: boolean): string[] {
  if (!speaksOfGates && !/gate|slo|kpi|sli/i.test(text)) return [];
  const lower = text.toLowerCase();
  return names.filter((g) => (speaksOfGates || g.saysGate) && lower.includes(g.head)).map((g) => g.id);
}

export function decideKinds(
  checks: DraftCheck[], steps: ReadonlyMap<string, Step>, gates: Gate[], references: IssueReference[], stages: Stage[], diagnostics: RunbookDiagnostic[],
): void {
  const checklists = new Set<string>();
  for (const stage of stages) if (stage.kind === 'checklist') checklists.add(stage.id);
  const dependenciesOf = new Map<string, string[]>();
  for (const ref of references) {
    if (ref.role !== 'dependency' || ref.checkId === null) continue;
    const list = dependenciesOf.get(ref.checkId);
    if (list) list.push(ref.id);
    else dependenciesOf.set(ref.checkId, [ref.id]);
  }
  const gateIds = new Set(gates.map((g) => g.id));
  const names = gateNames(gates);
  const allGates = gates.map((g) => g.id);
  for (const d of checks) {
    const { check, facts } = d;
    const annotations = d.comment?.parsed.annotations;
    if (annotations?.required !== undefined) check.required = annotations.required;
    else if (facts.optional) check.required = false;
    const wanted = annotations?.gate;
    if (wanted || d.gate !== null || facts.refersToGates || /gate|slo|kpi|sli/i.test(check.text)) {
      for (const id of (wanted ?? []).filter((g) => !gateIds.has(g))) {
        diagnostics.push({ range: d.comment!.range, severity: 'warning', code: 'unknown-gate', message: `gate=${id} names no gate in this runbook (gates: ${allGates.join(', ') || 'none'}).` });
      }
      const named = gatesNamed(check.text, names, facts.refersToGates);
      const own = d.gate !== null && gates[d.gate] ? [gates[d.gate]!.id] : [];
      check.gateIds = [...new Set([...own, ...(wanted ?? []).filter((g) => gateIds.has(g)), ...(named.length > 0 ? named : facts.refersToGates ? allGates : [])])];
    }
    const dependencies = dependenciesOf.get(check.id);
    if (dependencies) check.issueIds = dependencies;
    const runs = check.stepIds.length > 0 && check.stepIds.some((id) => steps.get(id)?.language !== 'manual');
    const timed = facts.hold !== null && (facts.hold.durationMs !== null || facts.hold.businessDays !== null);
    if (runs) check.kind = 'command';
    else if (facts.dependenciesClosed || check.issueIds.length > 0) check.kind = 'dependency';
    else if (timed) check.kind = 'hold';
    else if (check.gateIds.length > 0) check.kind = 'gate';
    else check.kind = 'manual';
    // A copy: the facts are shared by every model of the same text.
    check.hold = facts.hold !== null && (check.kind === 'hold' || check.kind === 'manual') ? { ...facts.hold } : null;
    if (check.kind === 'hold' && checklists.has(check.stageId)) {
      diagnostics.push({
        range: check.range, severity: 'warning', code: 'hold-without-stage',
        message: `${check.id} "${truncate(check.text, 60)}" is a hold (${check.hold?.text}), but it is not in a stage, so nothing starts its clock: put it under a stage heading or item.`,
      });
    }
  }
}

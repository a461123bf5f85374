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
import { idList, truncate } from './text';

/** Gates that share a title up to its colon, lower-cased ("replay gate"), in document order. */
interface GateName {
  head: string;
  /** Whether the title says gate/SLO/KPI itself. */
  saysGate: boolean;
  indexes: number[];
}

/** Gate names by the first four characters of their head: a check is read once, not once per gate. */
type GateNames = Map<string, GateName[]>;

const HEAD_KEY = 4;

export function gateNames(gates: Gate[]): GateNames {
  const byHead = new Map<string, GateName>();
  gates.forEach((g, index) => {
    const head = (/^([^:]{3,}):\s/.exec(g.title)?.[1] ?? g.title).toLowerCase().replace(/[.:]$/, '').trim();
    if (head.length < HEAD_KEY) return;
    const known = byHead.get(head);
    if (known) known.indexes.push(index);
    else byHead.set(head, { head, saysGate: /\b(?:gate|slo|kpi|sli)s?\b/.test(head), indexes: [index] });
  });
  const names: GateNames = new Map();
  for (const name of byHead.values()) {
    const key = name.head.slice(0, HEAD_KEY);
    const bucket = names.get(key);
    if (bucket) bucket.push(name);
    else names.set(key, [name]);
  }
  return names;
}

/**
 * Gates a check names by their title (the part before a colon): "Replay gate is green". A
 * title without the word gate/SLO/KPI ("Latency") counts only when the check speaks of gates.
 * In document order.
 */
export function gatesNamed(text: string, names: GateNames, gates: Gate[], speaksOfGates: boolean): string[] {
  if (!speaksOfGates && !/gate|slo|kpi|sli/i.test(text)) return [];
  const lower = text.toLowerCase();
  const found = new Set<GateName>();
  for (let i = 0; i + HEAD_KEY <= lower.length; i++) {
    const bucket = names.get(lower.slice(i, i + HEAD_KEY));
    if (!bucket) continue;
    for (const name of bucket) if ((speaksOfGates || name.saysGate) && lower.startsWith(name.head, i)) found.add(name);
  }
  const indexes: number[] = [];
  for (const name of found) indexes.push(...name.indexes);
  if (found.size > 1) indexes.sort((a, b) => a - b);
  return indexes.map((i) => gates[i]!.id);
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
        diagnostics.push({ range: d.comment!.range, severity: 'warning', code: 'unknown-gate', message: `gate=${id} names no gate in this runbook (gates: ${idList(allGates, (id) => id)}).` });
      }
      const named = gatesNamed(check.text, names, gates, facts.refersToGates);
      const own = d.gate !== null && gates[d.gate] ? [gates[d.gate]!.id] : [];
      const written = [...own, ...(wanted ?? []).filter((g) => gateIds.has(g))];
      const followed = named.length > 0 ? named : facts.refersToGates ? allGates : [];
      // Each list is free of repeats; only written ids can repeat what follows.
      check.gateIds = written.length === 0 ? followed.slice() : [...new Set([...written, ...followed])];
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

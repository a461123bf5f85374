// What a check item's text says about the check, before any binding: optional, a hold, a
// reference to the KPI/SLO gates, that dependencies must be closed, or that it means to run
// something. Pure text rules; kinds are decided in checkKinds.ts.
import { memoByText } from '../../text/memoByText';
import type { Hold } from '../model';
import { findHold } from './holds';

export interface CheckTextFacts {
  /** "(optional)", "[optional]" or a leading "Optional:". */
  optional: boolean;
  hold: Hold | null;
  /** "if SLOs remain green", "all gates green", "KPIs within budget". */
  refersToGates: boolean;
  /** "Validate dependency issues are closed", "OA-RUST-043 … are closed". */
  dependenciesClosed: boolean;
  /** "Run …", "Execute …", "… tests pass": a command check if a step can be found for it. */
  readsAsCommand: boolean;
}

const OPTIONAL = /\((?:optional|nice to have)\)|\[optional\]|^\s*optional\s*[:—–-]/i;
const GATES = /\b(?:slos?|slis?|kpis?|error budgets?)\b|\b(?:all|the|kpi|slo)\s+gates?\b|\bgates?\s+(?:are|is|remain|stay)\s+green\b/i;
const CLOSED = /\b(?:closed|resolved|merged|landed|done|fixed)\b/i;
const DEPENDENCY_WORDS = /\b(?:dependenc(?:y|ies)|issues?|blockers?|prerequisites?|tickets?|prs?|pull requests?|upstream)\b/i;
const TRACKER_KEYS = /\b[A-Z][A-Z0-9]+-(?:[A-Z0-9]+-)*\d+\b.*\b(?:is|are)\s+(?:closed|resolved|merged|done)\b/;
const COMMAND_VERB = /^\s*(?:run|re-?run|execute|invoke|trigger|launch|kick\s+off)\b/i;
const COMMAND_NOUN = /\b(?:tests?|test\s+suite|smoke\s+tests?|contract\s+tests?|health\s*checks?|probes?|script|harness)\s+(?:pass(?:es)?|succeeds?|is\s+green|are\s+green|passing)\b/i;

/** What `text` says (memoised: stage lines are read again on every edit). */
export const readCheckText = memoByText(checkTextFacts);

/** The same without the memo, for a fragment's items (a fragment is built once per chunk text). */
export function checkTextFacts(text: string): CheckTextFacts {
  return {
    optional: OPTIONAL.test(text),
    hold: findHold(text),
    refersToGates: GATES.test(text),
    dependenciesClosed: (CLOSED.test(text) && DEPENDENCY_WORDS.test(text)) || TRACKER_KEYS.test(text),
    readsAsCommand: COMMAND_VERB.test(text) || COMMAND_NOUN.test(text),
  };
}

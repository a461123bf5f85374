// Holds: a check that names how long to wait ("at least 60 minutes", "one business day",
// "soak 1800 s", "after 48h green", "for 24 hours"). A duration counts as a hold when a hold
// word leads to it (for, after, at least, soak, hold, wait, bake, keep …) and it is not a
// threshold's window ("> 1% for 10m"), a deadline or a validity ("within 30 days", "valid
// for 90 days", "every 5 minutes"). A hold word with no duration ("a required hold period")
// is a hold without a duration: the check stays manual. "Wait for approval" is no hold at all.
import type { Hold } from '../model';
import { findDurations, type DurationMatch } from './durations';
import { scanThresholds } from './thresholds';

/** Words right before a duration that make it something other than a wait. */
const NOT_A_WAIT = /\b(?:within|every|each|per|in|than|last|past|of|valid(?:\s+for)?|expires?(?:\s+in)?|expiring(?:\s+in)?|expiry|ttl|retention|retained\s+for|retain(?:\s+for)?|timeout|up\s+to|by|before|older|under|over|around|about|takes?|took)\s*$/i;
/** Words right before a duration that make it a wait. */
const LEADS_TO_WAIT = /\b(?:for(?:\s+(?:at\s+least|a\s+minimum\s+of|a\s+full|another|the\s+next))?|after|at\s+least|minimum(?:\s+of)?|soak(?:ed|ing)?(?:\s+for)?|hold(?:ing)?(?:\s+for)?|wait(?:ing)?(?:\s+for)?|bake(?:\s+for)?|sit\s+for|then)\s*$/i;
/** A duration followed by one of these is a wait too: "a 30-minute soak". */
const FOLLOWED_BY_WAIT = /^\s*(?:soak|hold|bake|wait|observation|burn-in)/i;
const HOLD_WORD = /\b(?:(?:required|mandatory|minimum)\s+)?(?:hold|soak|bake|burn-in)(?:\s+(?:period|window|time))?\b/i;
const QUALIFIER = /\b(at\s+least|a\s+minimum\s+of|after|soak(?:\s+for)?)\s+$/i;

function isThresholdWindow(duration: DurationMatch, windows: { index: number; length: number }[]): boolean {
  return windows.some((w) => duration.index >= w.index && duration.index < w.index + w.length);
}

/** The hold a check's text names, or null. */
export function findHold(text: string): Hold | null {
  const durations = findDurations(text);
  const windows = durations.length > 0 ? scanThresholds(text).windows : [];
  for (const duration of durations) {
    if (isThresholdWindow(duration, windows)) continue;
    const before = text.slice(0, duration.index);
    const after = text.slice(duration.index + duration.text.length);
    if (NOT_A_WAIT.test(before)) continue;
    if (!LEADS_TO_WAIT.test(before) && !FOLLOWED_BY_WAIT.test(after)) continue;
    const qualifier = QUALIFIER.exec(before)?.[1] ?? '';
    const green = /^\s+green\b/i.test(after) ? ' green' : '';
    const written = `${qualifier ? qualifier.replace(/\s+/g, ' ') + ' ' : ''}${duration.text}${green}`;
    return { text: written, durationMs: duration.ms, businessDays: duration.businessDays };
  }
  const word = HOLD_WORD.exec(text);
  if (!word) return null;
  // "Hold the release" (a verb with an object and no time) is not a wait either.
  if (/^\s*hold\s+(?:the|a|an|off)\b/i.test(text.slice(word.index)) && !/\b(?:period|window|time)\b/i.test(word[0])) return null;
  return { text: word[0], durationMs: null, businessDays: null };
}

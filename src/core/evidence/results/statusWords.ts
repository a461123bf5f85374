// The words a harness writes in a status column, and in a required/optional column.
import type { SubResult } from '../../run/record';

const STATUS: Record<string, SubResult['status']> = {
  pass: 'passed', passed: 'passed', ok: 'passed', success: 'passed', succeeded: 'passed', successful: 'passed', green: 'passed',
  '✅': 'passed', '✔': 'passed', '✔️': 'passed', '✓': 'passed',
  fail: 'failed', failed: 'failed', failure: 'failed', error: 'failed', errored: 'failed', red: 'failed',
  '❌': 'failed', '✗': 'failed', '✘': 'failed',
  skip: 'skipped', skipped: 'skipped', 'n/a': 'skipped', na: 'skipped',
  blocked: 'blocked',
};

/**
 * "PASS", "**failed**", "`skipped`", "✅ ok", "FAIL (404)", "Red (blocked)". Case-insensitive;
 * "blocked" anywhere in the cell wins (seed 000 writes "Red (blocked)"); otherwise the first
 * word that is a status word. Null when no word is one.
 */
export function statusOf(cell: string): SubResult['status'] | null {
  const words = cell.toLowerCase().replace(/[`*_]/g, ' ').split(/[\s()[\],;:.!-]+/).filter((w) => w.length > 0);
  if (words.includes('blocked')) return 'blocked';
  for (const word of words) {
    const status = STATUS[word];
    if (status) return status;
  }
  return null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'required', 'req', 'must', 'x', '✓', '✔', '✅']);
const NO = new Set(['no', 'n', 'false', '0', 'optional', 'opt', '-']);
// Severity-like columns: these words make a row optional; every other word (required, blocker,
// critical, high, must, medium...) and an empty cell keep it required, failing safe.
const OPTIONAL_SEVERITY = /\b(?:optional|advisory|info|informational|warn|warning|low|minor|nice[ -]to[ -]have|non[ -]?blocking|should)\b/i;

export type RequirednessColumn = 'required' | 'optional' | 'severity';

/** Whether a row is required, read from the kind of column that says it. Unknown words: required. */
export function requiredOf(cell: string, column: RequirednessColumn): boolean {
  const word = cell.toLowerCase().replace(/[`*_]/g, '').trim();
  if (word === '') return true;
  if (column === 'required') return !NO.has(word);
  if (column === 'optional') return !YES.has(word) && word !== 'optional';
  return !OPTIONAL_SEVERITY.test(word);
}

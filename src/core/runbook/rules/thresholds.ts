// Thresholds written in KPI/SLO gates: "5xx below 1%", "p95 <= 600 ms", "> 25 events for 10m",
// "write failures > 1% for 10m", "any replay error over 15m" (> 0 over 15m). Words with no
// number after them ("under agreed incident thresholds", "within budget") are not thresholds;
// a symbol with no number after it ("p95 <= fast") is malformed.
import { memoByText } from '../../text/memoByText';
import type { Comparator, Threshold } from '../model';
import { durationMs, findDurations } from './durations';

export interface ThresholdScan {
  thresholds: Threshold[];
  /** Where each window duration sits in the text (holds skip these). */
  windows: { index: number; length: number }[];
  /** Malformed thresholds, worded for a diagnostic. */
  problems: string[];
}

const WORD_COMPARATORS: [RegExp, Comparator][] = [
  [/^(?:below|under|less than|fewer than|lower than)$/i, '<'],
  [/^(?:at most|no more than|not more than|not above|within|up to)$/i, '<='],
  [/^(?:above|over|more than|greater than|higher than|exceeds?|exceeding)$/i, '>'],
  [/^(?:at least|no less than|not below)$/i, '>='],
];
const SYMBOLS: Record<string, Comparator> = { '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=', '=': '=', '==': '=', '!=': '!=', '≠': '!=' };

const COMPARATOR = /(?<![-=<>!\w])(<=|>=|!=|==|≤|≥|≠|<(?![-\w])|>|=)(?![=>])|\b(below|under|less than|fewer than|lower than|at most|no more than|not more than|not above|within|up to|above|over|more than|greater than|higher than|exceeds?|exceeding|at least|no less than|not below)\b/gi;
const NUMBER = /^\s*(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/;
const UNIT_STOP = new Set(['for', 'over', 'in', 'within', 'during', 'and', 'or', 'per', 'across', 'on', 'at', 'with', 'when', 'if', 'than']);
const WINDOW = /^\s*(?:for|over|in|within|during|across)\s+(?:the\s+(?:last|past)\s+|a\s+|any\s+)?/i;
const ANY = /\bany\s+([\w\s/-]{1,40}?)\s+(?=(?:over|in|within|during|for)\s)/gi;
const CLAUSE_START = /[:;,(]|\band\b|\bor\b|\bif\b|\bwhen\b|\.\s/gi;
const METRIC_FILLER = /\s+(?:remains?|stays?|is|are|must be|should be|stays?|kept|keeps?|to be|not)\s*$/i;

function comparatorOf(symbol: string | undefined, word: string | undefined): Comparator | null {
  if (symbol !== undefined) return SYMBOLS[symbol] ?? null;
  const w = (word ?? '').toLowerCase().replace(/\s+/g, ' ');
  for (const [re, c] of WORD_COMPARATORS) if (re.test(w)) return c;
  return null;
}

/** The words before a comparator, back to the start of its clause (at most five words). */
function metricBefore(text: string, end: number): { metric: string | null; start: number } {
  const head = text.slice(0, end);
  let start = 0;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(head); m; m = CLAUSE_START.exec(head)) start = m.index + m[0].length;
  let metric = head.slice(start).replace(/[`*_]/g, '').replace(METRIC_FILLER, '').trim();
  const words = metric.split(/\s+/).filter((w) => w.length > 0);
  if (words.length > 5) metric = words.slice(-5).join(' ');
  const offset = metric.length > 0 ? head.lastIndexOf(metric.split(/\s+/)[0] ?? '', end) : end;
  return { metric: metric.length > 0 ? metric : null, start: metric.length > 0 && offset >= 0 ? offset : end };
}

/** A unit after the number: "%", "ms", "events", "drift incidents" (up to two words). */
function unitAfter(text: string, from: number): { unit: string | null; end: number } {
  const rest = text.slice(from);
  const symbol = /^\s*(%|‰)/.exec(rest);
  if (symbol) return { unit: symbol[1] ?? null, end: from + symbol[0].length };
  const words = /^(\s*[A-Za-zµ][\w/µ-]*)(\s+[A-Za-z][\w/-]*)?/.exec(rest);
  if (!words) return { unit: null, end: from };
  const first = (words[1] ?? '').trim();
  if (UNIT_STOP.has(first.toLowerCase())) return { unit: null, end: from };
  const second = (words[2] ?? '').trim();
  if (second && !UNIT_STOP.has(second.toLowerCase()) && durationMs(`1 ${second}`) === null) {
    return { unit: `${first} ${second}`, end: from + (words[0] ?? '').length };
  }
  return { unit: first, end: from + (words[1] ?? '').length };
}

/** "for 10m", "over 15 minutes", "in the last 5m" right after `from`. */
function windowAfter(text: string, from: number): { window: string; windowMs: number | null; index: number; end: number } | null {
  const rest = text.slice(from);
  const lead = WINDOW.exec(rest);
  if (!lead) return null;
  const [duration] = findDurations(rest.slice(lead[0].length));
  if (!duration || duration.index !== 0) return null;
  const index = from + lead[0].length;
  return { window: duration.text, windowMs: duration.ms, index, end: index + duration.text.length };
}

function clean(text: string): string {
  return text.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim().replace(/[.;,]$/, '');
}

/** The thresholds written in `text` (memoised by text: the assembly asks again on every edit). */
export const scanThresholds = memoByText(computeScan);

function computeScan(text: string): ThresholdScan {
  const scan: ThresholdScan = { thresholds: [], windows: [], problems: [] };
  const found: { at: number; threshold: Threshold }[] = [];
  const taken: [number, number][] = [];
  const free = (at: number): boolean => taken.every(([a, b]) => at < a || at >= b);
  // "any replay error over 15m": more than none in the window.
  ANY.lastIndex = 0;
  for (let m = ANY.exec(text); m; m = ANY.exec(text)) {
    const window = windowAfter(text, m.index + m[0].length);
    if (!window) continue;
    found.push({
      at: m.index,
      threshold: {
        text: clean(text.slice(m.index, window.end)), metric: clean(m[1] ?? '') || null, comparator: '>', value: 0, unit: null,
        window: window.window, windowMs: window.windowMs,
      },
    });
    scan.windows.push({ index: window.index, length: window.end - window.index });
    taken.push([m.index, window.end]);
  }
  COMPARATOR.lastIndex = 0;
  for (let m = COMPARATOR.exec(text); m; m = COMPARATOR.exec(text)) {
    if (!free(m.index)) continue;
    const comparator = comparatorOf(m[1], m[2]);
    if (!comparator) continue;
    const afterComparator = m.index + m[0].length;
    const number = NUMBER.exec(text.slice(afterComparator));
    if (!number) {
      // A word ("under agreed thresholds") is prose; a bare symbol is a threshold we cannot read.
      if (m[1] !== undefined && m[1] !== '=') {
        const rest = text.slice(afterComparator).trim().split(/\s+/)[0] ?? '';
        scan.problems.push(`"${clean(text.slice(Math.max(0, m.index - 20), afterComparator + rest.length + 1))}": no number after "${m[1]}"`);
      }
      continue;
    }
    const valueEnd = afterComparator + number[0].length;
    const value = Number((number[1] ?? '').replace(/,/g, ''));
    const { unit, end: unitEnd } = unitAfter(text, valueEnd);
    // A duration right after "over"/"within" is a window of a rule without a value, not a value.
    const window = windowAfter(text, unitEnd);
    const { metric, start } = metricBefore(text, m.index);
    const end = window ? window.end : unitEnd;
    found.push({
      at: m.index,
      threshold: {
        text: clean(text.slice(metric ? start : m.index, end)), metric, comparator, value, unit,
        window: window?.window ?? null, windowMs: window?.windowMs ?? null,
      },
    });
    if (window) scan.windows.push({ index: window.index, length: window.end - window.index });
    taken.push([m.index, end]);
  }
  scan.thresholds = found.sort((a, b) => a.at - b.at).map((f) => f.threshold);
  return scan;
}

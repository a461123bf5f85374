// Durations as runbooks write them: "60 minutes", "one business day", "48h", "soak 1800 s",
// "a 30-minute window". Shared by holds and threshold windows.

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'businessDay';

export interface DurationMatch {
  /** As written: "60 minutes", "one business day", "48h". */
  text: string;
  /** Offset of the match in the scanned text. */
  index: number;
  amount: number;
  unit: DurationUnit;
  /** Calendar milliseconds; null for business days. */
  ms: number | null;
  businessDays: number | null;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};

const UNIT_MS: Record<Exclude<DurationUnit, 'businessDay'>, number> = {
  second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000,
};

// Words for numbers need a spelled-out unit ("two days", not "two d"); digits take either.
const WORD = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
const LONG_UNIT = '(?:business|working)[ -]days?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?';
const SHORT_UNIT = 's|m|h|d|w';
const DURATION = new RegExp(
  `(?<![\\w.])(?:(\\d+(?:\\.\\d+)?)(?:\\s*|-)(${LONG_UNIT}|${SHORT_UNIT})|(${WORD})(?:\\s+|-)(${LONG_UNIT}))(?![\\w%])`,
  'gi',
);

function unitOf(written: string): DurationUnit {
  const u = written.toLowerCase();
  if (/^(business|working)/.test(u)) return 'businessDay';
  if (u.startsWith('s')) return 'second';
  if (u.startsWith('m')) return 'minute';
  if (u.startsWith('h')) return 'hour';
  if (u.startsWith('d')) return 'day';
  return 'week';
}

/** Every duration in `text`, in order. */
export function findDurations(text: string): DurationMatch[] {
  const found: DurationMatch[] = [];
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(text); m; m = DURATION.exec(text)) {
    const amount = m[1] !== undefined ? Number(m[1]) : NUMBER_WORDS[(m[3] ?? '').toLowerCase()];
    const unit = unitOf(m[2] ?? m[4] ?? '');
    if (amount === undefined || !Number.isFinite(amount) || amount <= 0) continue;
    found.push({
      text: m[0], index: m.index, amount, unit,
      ms: unit === 'businessDay' ? null : Math.round(amount * UNIT_MS[unit]),
      businessDays: unit === 'businessDay' ? amount : null,
    });
  }
  return found;
}

/** The whole of `text` read as one calendar duration ("10m", "15 minutes"); null otherwise. */
export function durationMs(text: string): number | null {
  const [only] = findDurations(text.trim());
  return only && only.index === 0 && only.text.length === text.trim().length ? only.ms : null;
}

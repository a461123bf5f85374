// When a hold elapses. Calendar holds add their duration; business-day holds count whole
// days Monday to Friday in UTC (a hold started on a weekend starts counting on Monday 00:00 UTC).
import type { Hold } from '../runbook/model';

const DAY_MS = 24 * 60 * 60 * 1000;

function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

export function addBusinessDays(start: Date, days: number): Date {
  let at = new Date(start.getTime());
  if (isWeekend(at)) {
    while (isWeekend(at)) at = new Date(at.getTime() + DAY_MS);
    at.setUTCHours(0, 0, 0, 0);
  }
  let left = days;
  while (left > 0) {
    at = new Date(at.getTime() + DAY_MS);
    if (!isWeekend(at)) left--;
  }
  return at;
}

/** ISO time the hold elapses, or null when it has no duration. */
export function holdUntil(hold: Pick<Hold, 'durationMs' | 'businessDays'>, startedAt: string): string | null {
  const start = new Date(startedAt);
  if (hold.businessDays !== null) return addBusinessDays(start, hold.businessDays).toISOString();
  if (hold.durationMs !== null) return new Date(start.getTime() + hold.durationMs).toISOString();
  return null;
}

/** "37 min", "90 min", "2h05m", "1 day 3h" — time left, for lenses, the panel and outcomes (minutes up to two hours). */
export function describeRemaining(ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  if (minutes <= 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ${hours % 24}h`;
}

/** "2026-02-21 11:02 UTC". */
export function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

import type { Clock } from '../../../src/core/ports';

/** A clock that moves only when told to (or by `stepMs` on every read). */
export class FakeClock implements Clock {
  private time: number;
  constructor(start = '2026-02-21T19:27:46.000Z', private readonly stepMs = 0) {
    this.time = Date.parse(start);
  }
  now(): Date {
    const date = new Date(this.time);
    this.time += this.stepMs;
    return date;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

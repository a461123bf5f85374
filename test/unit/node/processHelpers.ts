// Helpers for tests against real processes: fixture scripts on PATH, and /proc checks that
// nothing a step started is left behind.
import { mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { liveGroupMembers } from '../../../src/node/processGroup';

export const FIXTURE_BIN = resolve('test/fixtures/bin');

export function fixtureEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: `${FIXTURE_BIN}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: process.env.HOME ?? '/tmp', ...extra };
}

export function tempWorkspace(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'runbook-gate-test-')));
}

/** Running (not zombie) per /proc. */
export function pidAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export function groupMembers(pgid: number): number[] {
  return liveGroupMembers(pgid) ?? [];
}

/** Reads "<label> <number>" from collected output. */
export function numberAfter(output: string, label: string): number {
  const m = new RegExp(`${label} (\\d+)`).exec(output);
  if (!m) throw new Error(`no "${label} N" in output: ${output}`);
  return Number(m[1]);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

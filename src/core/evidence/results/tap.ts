// TAP (13 and 14) through tap-parser, top-level test points only (a subtest is summed up by
// the test point that closes it). `not ok` failed, `ok` passed; `# SKIP` is an optional skipped
// row and `# TODO` an optional row (TAP does not count either as a failure). A stream that
// breaks its plan (fewer tests than planned, no plan) or bails out gets a required failed row
// saying so: the harness did not finish.
import { Parser } from 'tap-parser';
import type { SubResult } from '../../run/record';
import { errorMessage, oneLine, parsed, refused, uniqueIds, type ParsedRows } from './rows';

interface TestPoint {
  ok: boolean;
  id: number;
  name: string;
  skip: boolean | string;
  todo: boolean | string;
  diag: unknown;
}

interface Completion {
  count: number;
  bailout: boolean | string;
  plan: { start: number | null; end: number | null };
  failures: Array<{ tapError?: string | null }>;
}

function diagMessage(diag: unknown): string {
  if (typeof diag !== 'object' || diag === null) return '';
  const record = diag as Record<string, unknown>;
  for (const key of ['message', 'error', 'reason']) {
    const value = record[key];
    if (typeof value === 'string') return value;
  }
  return '';
}

function directiveText(value: boolean | string): string {
  return typeof value === 'string' ? value : '';
}

function rowOf(point: TestPoint): SubResult {
  const id = String(point.id);
  const title = oneLine(point.name) || `test ${id}`;
  if (point.skip !== false) return { id, title, required: false, status: 'skipped', detail: oneLine(directiveText(point.skip)) };
  if (point.todo !== false) {
    return { id, title, required: false, status: point.ok ? 'passed' : 'failed', detail: oneLine(`TODO ${directiveText(point.todo)}`) };
  }
  return { id, title, required: true, status: point.ok ? 'passed' : 'failed', detail: point.ok ? '' : oneLine(diagMessage(point.diag)) };
}

/** Rows for what went wrong with the stream itself. */
function streamProblems(done: Completion | null): SubResult[] {
  if (!done) return [];
  const problems: SubResult[] = [];
  if (done.bailout !== false) {
    problems.push({ id: 'bail-out', title: 'Bail out!', required: true, status: 'failed', detail: oneLine(directiveText(done.bailout)) });
  }
  const planned = done.plan.end !== null && done.plan.start !== null ? done.plan.end - done.plan.start + 1 : null;
  for (const failure of done.failures) {
    if (failure.tapError === 'no plan') {
      problems.push({ id: 'plan', title: 'TAP plan', required: true, status: 'failed', detail: `no plan: ${done.count} tests ran, the stream may be incomplete` });
    } else if (failure.tapError === 'incorrect number of tests') {
      problems.push({ id: 'plan', title: 'TAP plan', required: true, status: 'failed', detail: `planned ${planned ?? '?'} tests, ${done.count} ran` });
    }
  }
  return problems;
}

export function parseTap(text: string): ParsedRows {
  let events: unknown[][];
  try {
    events = Parser.parse(text) as unknown[][];
  } catch (error) {
    return refused(`TAP could not be read: ${errorMessage(error)}`);
  }
  const points = events.filter((e) => e[0] === 'assert').map((e) => e[1] as TestPoint);
  const done = (events.find((e) => e[0] === 'complete')?.[1] as Completion | undefined) ?? null;
  const problems = streamProblems(done);
  if (points.length === 0 && problems.length === 0) return refused('not TAP: no test points ("ok N", "not ok N") found');
  return parsed(uniqueIds([...points.map(rowOf), ...problems]));
}

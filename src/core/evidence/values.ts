// KPI gates from evidence: a value read from a step's JSON output with a JMESPath expression
// (annotation `value=…`) held against the gate's thresholds, or a step's own verdict.
//
// Numbers only: the value must be a JSON number or a numeric string ("3", "0.25"); units are not
// converted, so the expression must yield the threshold's unit — a "below 1%" threshold compares
// the value against 1, so a ratio of 0.004 needs `ratio * \`100\`` to read as 0.4 (%).
// A gate with several thresholds is green only when every one holds.
import { compile, search } from '@jmespath-community/jmespath';
import type { JSONValue } from '@jmespath-community/jmespath';
import type { Comparator, Threshold } from '../runbook/model';
import type { StepStatus, ValueReading } from '../run/record';
import { lastJsonValue } from './jsonInOutput';
import { errorMessage } from './results/rows';

export type JsonScalar = string | number | boolean;
export type JsonValueRead = { ok: true; value: JsonScalar } | { ok: false; error: string };

/**
 * The scalar `expression` selects in the last complete JSON value of the output (see
 * jsonInOutput.ts). Errors say what to fix: a bad expression, no JSON, nothing selected (null),
 * an object or array where one value was needed.
 */
export function readJsonValue(outputText: string, expression: string): JsonValueRead {
  const name = `\`${expression}\``;
  try {
    compile(expression);
  } catch (error) {
    return { ok: false, error: `invalid JMESPath expression ${name}: ${errorMessage(error)}` };
  }
  const found = lastJsonValue(outputText);
  if (!found.ok) return { ok: false, error: `${name}: ${found.error}` };
  let value: JSONValue;
  try {
    value = search(found.value as JSONValue, expression);
  } catch (error) {
    return { ok: false, error: `${name}: ${errorMessage(error)}` };
  }
  if (value === null) return { ok: false, error: `${name} selects nothing in the JSON output (null)` };
  if (typeof value === 'object') {
    const what = Array.isArray(value) ? 'an array' : 'an object';
    return { ok: false, error: `${name} selects ${what}, not one value (try length(…), max(…) or an index)` };
  }
  return { ok: true, value };
}

/** A JSON number, or a string that is exactly a decimal number. */
export function numericValue(value: ValueReading['value']): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

const HOLDS: Record<Comparator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** "< 10", "< 1%", "<= 600 ms", "> 25 events". */
export function thresholdText(threshold: Threshold): string {
  const unit = threshold.unit === null ? '' : /^[%‰]$/.test(threshold.unit) ? threshold.unit : ` ${threshold.unit}`;
  return `${threshold.comparator} ${threshold.value}${unit}`;
}

function shown(value: ValueReading['value']): string {
  return typeof value === 'string' && numericValue(value) === null ? JSON.stringify(value) : String(value);
}

export interface ThresholdResult {
  status: ValueReading['status'];
  /** "`slow_consumer_evicted` = 3, threshold < 10: green". */
  detail: string;
}

/** One threshold: green when the value meets it, red when not, blocked when the value is not a number. */
export function evaluateThreshold(value: ValueReading['value'], threshold: Threshold, expression = threshold.metric ?? 'value'): ThresholdResult {
  const head = `\`${expression}\` = ${shown(value)}, threshold ${thresholdText(threshold)}`;
  const n = numericValue(value);
  if (n === null) return { status: 'blocked', detail: `${head}: blocked (not a number)` };
  const status = HOLDS[threshold.comparator](n, threshold.value) ? 'green' : 'red';
  return { status, detail: `${head}: ${status}` };
}

/**
 * The reading a gate records from a step: blocked when the value could not be read, is not a
 * number, or the gate has no threshold; green when every threshold holds; red otherwise (the
 * reading names the first threshold not met).
 */
export function evaluateThresholds(gateId: string, expression: string, read: JsonValueRead, thresholds: readonly Threshold[]): ValueReading {
  const reading = (value: ValueReading['value'], status: ValueReading['status'], detail: string, threshold: Threshold | null): ValueReading => ({
    gateId, expression, value, comparator: threshold?.comparator ?? null, threshold, status, detail,
  });
  if (!read.ok) return reading(null, 'blocked', `${read.error}: blocked`, thresholds[0] ?? null);
  const head = `\`${expression}\` = ${shown(read.value)}`;
  if (thresholds.length === 0) return reading(read.value, 'blocked', `${head}, but the gate has no threshold to hold it against: blocked`, null);
  const n = numericValue(read.value);
  const list = thresholds.map(thresholdText).join(' and ');
  const label = thresholds.length === 1 ? 'threshold' : 'thresholds';
  if (n === null) return reading(read.value, 'blocked', `${head}, ${label} ${list}: blocked (not a number)`, thresholds[0]!);
  const unmet = thresholds.filter((t) => !HOLDS[t.comparator](n, t.value));
  if (unmet.length === 0) return reading(n, 'green', `${head}, ${label} ${list}: green`, thresholds[0]!);
  const which = thresholds.length === 1 ? '' : ` (not met: ${unmet.map(thresholdText).join(' and ')})`;
  return reading(n, 'red', `${head}, ${label} ${list}: red${which}`, unmet[0]!);
}

/** A gate bound to a step without `value`: the step's verdict. Anything but passed or failed means the step could not observe it. */
export function evaluateOutcomeForGate(stepStatus: StepStatus): 'green' | 'red' | 'blocked' {
  if (stepStatus === 'passed') return 'green';
  if (stepStatus === 'failed') return 'red';
  return 'blocked';
}

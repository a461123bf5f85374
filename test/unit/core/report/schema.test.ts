// docs/gate-report.schema.json describes what buildReportData builds: every seed case's data
// validates, and a field the schema does not know (or one it requires but is missing) does not.
// A small validator for the subset the schema uses (no dependency): $ref, type, const, enum,
// pattern, properties, required, additionalProperties: false, items, oneOf.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildReportData } from '../../../../src/core/report/buildReportData';
import { REPORT_DATA_SCHEMA } from '../../../../src/core/report/data';
import { SEED_CASES, TOOL_VERSION } from './fixtures/cases';

type Schema = {
  $ref?: string; type?: string | string[]; const?: unknown; enum?: unknown[]; pattern?: string; oneOf?: Schema[];
  properties?: Record<string, Schema>; required?: string[]; additionalProperties?: boolean; items?: Schema;
  $defs?: Record<string, Schema>; $schema?: string;
};

const schema = JSON.parse(readFileSync(new URL('../../../../docs/gate-report.schema.json', import.meta.url), 'utf8')) as Schema;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function validate(value: unknown, s: Schema, path = '$'): string[] {
  if (s.$ref) return validate(value, schema.$defs![s.$ref.replace('#/$defs/', '')]!, path);
  const errors: string[] = [];
  if (s.oneOf) {
    const matching = s.oneOf.filter((option) => validate(value, option, path).length === 0).length;
    return matching === 1 ? [] : [`${path}: matches ${matching} of oneOf`];
  }
  if (s.type) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${path}: ${actual}, expected ${types.join('|')}`];
  }
  if ('const' in s && value !== s.const) errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(s.const)}`);
  if (s.enum && !s.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (s.pattern && typeof value === 'string' && !new RegExp(s.pattern).test(value)) errors.push(`${path}: "${value}" !~ ${s.pattern}`);
  if (s.items && Array.isArray(value)) value.forEach((item, i) => errors.push(...validate(item, s.items!, `${path}[${i}]`)));
  if (s.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in record)) errors.push(`${path}.${key}: required`);
    for (const [key, child] of Object.entries(record)) {
      const sub = s.properties[key];
      if (sub) errors.push(...validate(child, sub, `${path}.${key}`));
      else if (s.additionalProperties === false) errors.push(`${path}.${key}: not in the schema`);
    }
  }
  return errors;
}

test('the schema is draft 2020-12 and versioned like the data', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(schema.properties?.schema, { const: REPORT_DATA_SCHEMA });
});

for (const c of SEED_CASES) {
  test(`gate.json of the ${c.template} case validates against docs/gate-report.schema.json`, () => {
    const data = JSON.parse(JSON.stringify(buildReportData(c.runs, { reportPath: c.reportPath, template: c.template, toolVersion: TOOL_VERSION })));
    assert.deepEqual(validate(data, schema), []);
  });
}

test('the validator can fail: an unknown field, a missing one, a wrong enum', () => {
  const c = SEED_CASES[0]!;
  const data = JSON.parse(JSON.stringify(buildReportData(c.runs, { reportPath: c.reportPath, template: c.template, toolVersion: TOOL_VERSION })));
  data.stages[0].checks[0].surprise = 1;
  delete data.integrity.host;
  data.decision.value = 'Maybe';
  assert.deepEqual(validate(data, schema).sort(), [
    '$.decision.value: "Maybe" not in enum',
    '$.integrity.host: required',
    '$.stages[0].checks[0].surprise: not in the schema',
  ]);
});

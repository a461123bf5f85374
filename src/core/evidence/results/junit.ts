// JUnit XML (the de-facto schema of Ant/Surefire/pytest/jest-junit/cargo-nextest): testcase
// elements under testsuite, under an optional testsuites (suites may nest). A testcase with
// <failure> or <error> failed, with <skipped> was skipped, otherwise passed.
//
// Required or optional: every test case is required unless it says otherwise, by
//   - a property `optional` = true/yes/1 or `required` = false/no/0, on the testcase or on an
//     enclosing testsuite (`<properties><property name="optional" value="true"/></properties>`);
//   - a name or classname marker: "[optional]", "(optional)" or "@optional".
// A skipped test case is optional: the runner chose not to run it (JUnit does not count a skip as
// a failure), so a skip never makes the harness "not run".
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SubResult } from '../../run/record';
import { errorMessage, oneLine, parsed, refused, uniqueIds, type ParsedRows } from './rows';

type XmlNode = { [key: string]: unknown };

const ARRAYS = new Set(['testsuites', 'testsuite', 'testcase', 'failure', 'error', 'skipped', 'properties', 'property']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  if (!Array.isArray(value)) return [];
  // An empty element (<skipped/>) parses as "": it still counts.
  return value.map((child) => (isNode(child) ? child : { '#text': String(child ?? '') }));
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The property values a node declares, by name (lower case). */
function properties(node: XmlNode): Map<string, string> {
  const found = new Map<string, string>();
  for (const group of children(node, 'properties')) {
    for (const p of children(group, 'property')) {
      found.set(text(p['@name']).toLowerCase(), text(p['@value'] ?? p['#text']).toLowerCase());
    }
  }
  return found;
}

/** true = optional, false = required, null = the node does not say. */
function optionalByProperty(node: XmlNode): boolean | null {
  const props = properties(node);
  const optional = props.get('optional');
  if (optional !== undefined) return ['true', 'yes', '1'].includes(optional);
  const required = props.get('required');
  if (required !== undefined) return ['false', 'no', '0'].includes(required);
  return null;
}

const OPTIONAL_MARKER = /\[optional\]|\(optional\)|@optional\b/i;

/** The message of a failure, error or skipped element: its message attribute, else its first text line. */
function messageOf(elements: XmlNode[]): string {
  const first = elements[0];
  if (!first) return '';
  const message = text(first['@message']);
  const body = text(first['#text']).split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return oneLine(message || body || text(first['@type']));
}

function testcaseRow(testcase: XmlNode, inheritedOptional: boolean): SubResult {
  const name = text(testcase['@name']) || 'unnamed test';
  const classname = text(testcase['@classname']);
  const failures = [...children(testcase, 'failure'), ...children(testcase, 'error')];
  const skipped = children(testcase, 'skipped');
  const status: SubResult['status'] = failures.length > 0 ? 'failed' : skipped.length > 0 ? 'skipped' : 'passed';
  const marked = OPTIONAL_MARKER.test(name) || OPTIONAL_MARKER.test(classname);
  const optional = status === 'skipped' || (optionalByProperty(testcase) ?? (marked || inheritedOptional));
  return {
    id: classname ? `${classname}.${name}` : name,
    title: name,
    required: !optional,
    status,
    detail: status === 'failed' ? messageOf(failures) : status === 'skipped' ? messageOf(skipped) : '',
  };
}

function rowsOfSuite(suite: XmlNode, inheritedOptional: boolean): SubResult[] {
  const optional = optionalByProperty(suite) ?? inheritedOptional;
  return [
    ...children(suite, 'testcase').map((testcase) => testcaseRow(testcase, optional)),
    ...children(suite, 'testsuite').flatMap((inner) => rowsOfSuite(inner, optional)),
  ];
}

export function parseJunit(xml: string): ParsedRows {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return refused(`JUnit XML is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    return refused(`JUnit XML could not be read: ${errorMessage(error)}`);
  }
  const roots = [...children(document, 'testsuites'), ...children(document, 'testsuite').map((s) => ({ testsuite: [s] }))];
  if (roots.length === 0) return refused('not a JUnit report: no <testsuites> or <testsuite> element');
  const rows = roots.flatMap((root) => children(root, 'testsuite').flatMap((suite) => rowsOfSuite(suite, false)));
  if (rows.length === 0) return refused('JUnit report has no <testcase> elements');
  return parsed(uniqueIds(rows));
}

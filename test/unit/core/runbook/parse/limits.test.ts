// Nesting is capped (block quotes and list items 32 deep, links and emphasis 32 deep): deeper
// markers are text, a nesting-too-deep warning points at the first one, and the rest of the
// document is modelled as usual. No input makes the parser (or whoever walks its tree)
// recurse without bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Nodes, Root } from 'mdast';
import { parseMarkdown, parseMarkdownWithLimits } from '../../../../../src/core/runbook/parse/markdown';
import { parseRunbook } from '../../../../../src/core/runbook/parseRunbook';
import { MAX_CONTAINER_DEPTH, MAX_INLINE_DEPTH } from '../../../../../src/core/runbook/parse/limits';

/** Deepest chain of nodes of the given types, walked without recursion. */
function depthOf(root: Root, types: Set<string>): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Nodes, number];
    const here = depth + (types.has(node.type) ? 1 : 0);
    deepest = Math.max(deepest, here);
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push([child, here]);
  }
  return deepest;
}

const CONTAINERS = new Set(['blockquote', 'listItem']);
const INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

test('a block quote 5,000 deep under ## Notes: capped, warned, and the steps around it are kept', () => {
  const text = '# Runbook\n\n## Stage 1: Deploy\n\n```bash\necho one\n```\n\n## Notes\n\n' + '>'.repeat(5000) + ' deep\n\n## Stage 2: Verify\n\n```bash\necho two\n```\n';
  const { root, nestingLimit } = parseMarkdownWithLimits(text);
  assert.equal(depthOf(root, CONTAINERS), MAX_CONTAINER_DEPTH);
  assert.deepEqual(nestingLimit, { line: 11, column: MAX_CONTAINER_DEPTH + 1, lineLength: 5005 });
  const model = parseRunbook(text);
  assert.deepEqual(model.steps.map((s) => s.command.trim()), ['echo one', 'echo two']);
  const warning = model.diagnostics.find((d) => d.code === 'nesting-too-deep');
  assert.equal(warning?.severity, 'warning');
  assert.deepEqual(warning?.range, { startLine: 11, startColumn: 33, endLine: 11, endColumn: 5006 });
  assert.equal(model.diagnostics.filter((d) => d.code === 'internal-error').length, 0);
});

test("'- ' x 10,000 + 'x': 32 nested items, the rest is the innermost item's text", () => {
  const { root, nestingLimit } = parseMarkdownWithLimits('- '.repeat(10000) + 'x');
  assert.equal(depthOf(root, CONTAINERS), MAX_CONTAINER_DEPTH);
  assert.equal(nestingLimit?.column, 2 * MAX_CONTAINER_DEPTH + 1);
  let node: Nodes = root;
  while ('children' in node && node.children.length > 0) node = node.children[0] as Nodes;
  assert.equal(node.type, 'text');
  assert.equal((node as { value: string }).value, '- '.repeat(10000 - MAX_CONTAINER_DEPTH) + 'x');
});

test('lists nested by indentation and quotes inside items share the one cap', () => {
  const indented = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
  assert.equal(depthOf(parseMarkdown(indented), CONTAINERS), MAX_CONTAINER_DEPTH);
  const mixed = Array.from({ length: 100 }, () => '- > ').join('') + 'x';
  assert.equal(depthOf(parseMarkdown(mixed), CONTAINERS), MAX_CONTAINER_DEPTH);
  assert.equal(parseMarkdownWithLimits('> > x\n- - y').nestingLimit, null);
});

test('emphasis, links and images nested 20,000 deep stay within the inline cap', () => {
  const n = 20000;
  const cases = [
    '*a '.repeat(n) + 'b' + ' c*'.repeat(n),
    '**'.repeat(n) + 'x' + '**'.repeat(n),
    '!['.repeat(n) + 'x' + '](u)'.repeat(n),
    '[a '.repeat(n) + '[x](u)' + ']'.repeat(n),
    '~a '.repeat(n) + 'b' + ' c~'.repeat(n),
  ];
  for (const text of cases) {
    const root = parseMarkdown(text);
    assert.ok(depthOf(root, INLINE) <= MAX_INLINE_DEPTH, text.slice(0, 20));
    // Whatever walks the tree recursively (plainText in the fragment builder) gets to the end.
    assert.deepEqual(parseRunbook(text).diagnostics.filter((d) => d.code === 'internal-error'), [], text.slice(0, 20));
  }
});

test('ordinary nesting is untouched: a quote in a list in a quote, emphasis in a link in emphasis', () => {
  const { root, nestingLimit } = parseMarkdownWithLimits('> - > *a [b **c**](u) d*');
  assert.equal(nestingLimit, null);
  assert.equal(depthOf(root, CONTAINERS), 3);
  assert.equal(depthOf(root, INLINE), 3);
});

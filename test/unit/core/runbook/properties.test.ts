// Properties on random and mutated Markdown: the model is total, its ranges lie inside the
// document, the incremental modeler equals a fresh parse, and cutting the document into
// chunks changes nothing (compared with modelling the whole body as one chunk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRunbook } from '../../../../src/core/runbook/parseRunbook';
import { createRunbookModeler } from '../../../../src/core/runbook/parse/incrementalModel';
import { resplitDocument, splitDocument } from '../../../../src/core/runbook/parse/chunks';
import { lineTable } from '../../../../src/core/runbook/parse/cutLines';
import { buildFragment } from '../../../../src/core/runbook/parse/fragment';
import { readFrontMatter } from '../../../../src/core/runbook/rules/frontMatter';
import { assembleRunbook } from '../../../../src/core/runbook/parse/assemble';
import type { Runbook, SourceRange } from '../../../../src/core/runbook/model';
import { anyDocument, applyEdit, edit, randomDocument, seeds } from './documents';

// Link reference definitions apply only within their chunk (docs/conventions.md, Known limits):
// a `[ref]` in one chunk does not see `[ref]: url` in another. The cut-equivalence properties
// hold for documents without definitions; what chunking does to definitions is pinned below.
const DEFINITION_LINE = /^ {0,3}\[[^\]\n]+\]:.*$/gm;
const documentWithoutDefinitions = anyDocument.map((text) => text.replace(DEFINITION_LINE, 'no definition here'));

function rangesOf(model: Runbook): [string, SourceRange][] {
  return [
    ...model.sections.map((s) => [`section ${s.id}`, s.range] as [string, SourceRange]),
    ...model.stages.map((s) => [`stage ${s.id}`, s.range] as [string, SourceRange]),
    ...model.checks.map((c) => [`check ${c.id}`, c.range] as [string, SourceRange]),
    ...model.steps.map((s) => [`step ${s.id}`, s.range] as [string, SourceRange]),
    ...model.gates.map((g) => [`gate ${g.id}`, g.range] as [string, SourceRange]),
    ...model.issues.map((i) => [`issue ${i.number}`, i.range] as [string, SourceRange]),
    ...model.diagnostics.map((d) => [`diagnostic ${d.code}`, d.range] as [string, SourceRange]),
  ];
}

function assertInside(text: string, model: Runbook): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { lengths } = lineTable(body);
  assert.ok(model.lineCount <= lengths.length);
  for (const [what, r] of rangesOf(model)) {
    const where = `${what} ${JSON.stringify(r)}`;
    assert.ok(r.startLine >= 1 && r.endLine <= Math.max(model.lineCount, 1), `${where} is outside lines 1..${model.lineCount}`);
    assert.ok(r.startLine < r.endLine || (r.startLine === r.endLine && r.startColumn <= r.endColumn), `${where} ends before it starts`);
    assert.ok(r.startColumn >= 1 && r.startColumn <= (lengths[r.startLine - 1] ?? 0) + 1, `${where} starts past its line`);
    assert.ok(r.endColumn >= 1 && r.endColumn <= (lengths[r.endLine - 1] ?? 0) + 1, `${where} ends past its line`);
  }
  for (const check of model.checks) if (check.task) assert.equal(check.task.line, check.range.startLine);
  for (const gate of model.gates) assert.equal(gate.line, gate.range.startLine);
}

/** The document cut at every point the splitter allows, each piece parsed on its own. */
function modelCutEverywhere(text: string): Runbook {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const split = splitDocument(source, { maxChunk: 0 });
  return assembleRunbook({
    fragments: split.chunks.map((c) => ({ fragment: buildFragment(c.text), lineOffset: c.startLine - 1 })),
    frontMatter: readFrontMatter(split.frontMatter),
    lineLengths: split.lineLengths,
    lineCount: split.lineCount,
    defaultRepo: null,
  });
}

/** The same document modelled as a single chunk: what a plain whole-document parse gives. */
function modelAsOneChunk(text: string): Runbook {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const split = splitDocument(source);
  const bodyStart = split.chunks[0]?.startLine ?? 1;
  const body = split.chunks.map((c) => c.text).join('');
  return assembleRunbook({
    fragments: body.length > 0 ? [{ fragment: buildFragment(body), lineOffset: bodyStart - 1 }] : [],
    frontMatter: readFrontMatter(split.frontMatter),
    lineLengths: split.lineLengths,
    lineCount: split.lineCount,
    defaultRepo: null,
  });
}

test('parseRunbook is total: 10,000 random and mutated documents give a model, never an internal error', () => {
  fc.assert(
    fc.property(anyDocument, (text) => {
      const model = parseRunbook(text);
      assert.deepEqual(model.diagnostics.filter((d) => d.code === 'internal-error'), []);
    }),
    { numRuns: 10000 },
  );
});

/** Deep nesting spliced into a random or mutated document at a random line. */
const DEEP = [
  '>'.repeat(3000) + ' x', '- '.repeat(3000) + 'x', '1. '.repeat(2000) + 'x', '> - '.repeat(1000) + 'x',
  '*a '.repeat(3000) + 'b' + ' c*'.repeat(3000), '!['.repeat(2000) + 'x' + '](u)'.repeat(2000), '`'.repeat(5000), '[' .repeat(5000) + ']'.repeat(5000),
];
const deeplyNested = fc.tuple(anyDocument, fc.constantFrom(...DEEP), fc.nat()).map(([text, deep, at]) => {
  const lines = text.split('\n');
  lines.splice(at % (lines.length + 1), 0, '', deep, '');
  return lines.join('\n');
});

test('deep nesting anywhere: a model with its ranges inside the document, never an internal error', () => {
  fc.assert(
    fc.property(deeplyNested, (text) => {
      const model = parseRunbook(text);
      assert.deepEqual(model.diagnostics.filter((d) => d.code === 'internal-error'), []);
      assertInside(text, model);
    }),
    { numRuns: 200 },
  );
});

test('a 4 MB runbook of fixtures with varied text: a non-empty model with every range inside it', () => {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 4 * 1024 * 1024; i++) {
    // Numbers changed per copy, so that no chunk repeats (the fragment cache cannot dedupe).
    const part = `\n## Stage ${i}: Part ${i}\n\n` + (seeds[i % seeds.length] ?? '').replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\d+/g, (d) => `${d}${i}`);
    parts.push(part);
    size += part.length;
  }
  const text = `# Large runbook\n${parts.join('')}`;
  const model = parseRunbook(text);
  assert.ok(model.stages.length >= 1000, `${model.stages.length} stages`);
  assert.ok(model.steps.length >= 1000, `${model.steps.length} steps`);
  assert.deepEqual(model.diagnostics.filter((d) => d.code === 'internal-error'), []);
  assertInside(text, model);
});

test('every range lies inside the document', () => {
  fc.assert(fc.property(anyDocument, (text) => assertInside(text, parseRunbook(text))), { numRuns: 300 });
});

test('incremental re-modelling through a series of edits equals a fresh parse of each version', () => {
  fc.assert(
    fc.property(fc.oneof(randomDocument, fc.constantFrom(...seeds)), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
      const modeler = createRunbookModeler();
      let text = start;
      assert.deepEqual(modeler.model(text, { defaultRepo: 'o/r' }), parseRunbook(text, { defaultRepo: 'o/r' }));
      for (const e of edits) {
        text = applyEdit(text, e);
        assert.deepEqual(modeler.model(text, { defaultRepo: 'o/r' }), parseRunbook(text, { defaultRepo: 'o/r' }));
      }
    }),
    { numRuns: 150 },
  );
});

test('re-splitting after edits equals splitting afresh (default and cut-everywhere sizes)', () => {
  fc.assert(
    fc.property(fc.oneof(randomDocument, fc.constantFrom(...seeds)), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), (start, edits, everywhere) => {
      const options = everywhere ? { maxChunk: 0 } : {};
      const strip = (t: string): string => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
      let text = strip(start);
      let split = splitDocument(text, options);
      for (const e of edits) {
        const next = strip(applyEdit(text, e));
        const again = resplitDocument(next, { text, split }, options);
        assert.deepEqual(again, splitDocument(next, options));
        text = next;
        split = again;
      }
    }),
    { numRuns: 300 },
  );
});

test('cutting a document into chunks gives the same model as parsing it whole', () => {
  fc.assert(fc.property(documentWithoutDefinitions, (text) => assert.deepEqual(parseRunbook(text), modelAsOneChunk(text))), { numRuns: 300 });
});

test('cutting at every allowed point still gives the model of the whole document', () => {
  fc.assert(fc.property(documentWithoutDefinitions, (text) => assert.deepEqual(modelCutEverywhere(text), modelAsOneChunk(text))), { numRuns: 300 });
});

// Cuts between the items of a tight list (no blank line before the item) are the newest kind:
// lists made of item lines, nested lines, fences, HTML, indented code and lazy text, cut at
// every point the splitter allows, must model as the whole list does.
const tightListLine = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('- [ ] item', '- item `kubectl get pods`', '* other bullet', '+ plus', '1. one', '2. two', '3) three', '10. ten', '- [x] done') },
  { weight: 3, arbitrary: fc.constantFrom('  - nested', '   - [ ] nested task', '    deeper text', '  ```bash', '  ```', '```', '~~~', '        code', '  > quoted', '  1. nested one', '   - Backups:', '     1. Take the snapshot:', '        ```', '          ```') },
  { weight: 2, arbitrary: fc.constantFrom('lazy text', '<div>', '</script>', '<!-- c -->', '    indented code', '## Stage 2: Next', '---', '> quote', '| a | b |', '') },
);
const tightList = fc.array(tightListLine, { minLength: 1, maxLength: 24 }).map((lines) => `# Runbook\n\n## Checklist\n\n${lines.join('\n')}\n`);

test('cuts between the items of a tight list give the model of the whole list (property)', () => {
  fc.assert(fc.property(tightList, (text) => assert.deepEqual(modelCutEverywhere(text), modelAsOneChunk(text))), { numRuns: 1500 });
});

test('cuts between the items of a tight list: the traps found so far, each modelled as the whole list', () => {
  const traps = [
    // An HTML block that runs to the next blank line swallows what looks like items.
    '</script>\n- item\n- [x] Done\ntail',
    // After a lazy line of the item before, an item of another kind starts a list of its own
    // (micromark reads it so, though "2." could not interrupt a paragraph outside a list).
    '- [ ] item\nlazy text\n2. two\n',
    // After indented code micromark reads "2." as a paragraph, and "3)" continues it.
    '    deeper text\n2. two\n3) three\n3) three\n',
    // "  > quoted" ends the list (the splitter does not follow that); after it, indented
    // code, and micromark reads "10." after indented code as text.
    '3) three\n  > quoted\n\n     1. Take the snapshot:\n10. ten\n',
    // A fence opened deep in the item before ends on the next item's line (micromark).
    '- Phase 1: Prepare\n  - Backups:\n    1. Take the snapshot:\n       ./snapshot.sh --all\n       ```\n    2. Verify it:\n       - [ ] Snapshot listed\n\n         ./snapshot.sh --list\n         ```\n- Phase 2: Switch\n  - [x] Traffic drained\n',
  ];
  for (const trap of traps) {
    const text = `# Runbook\n\n## Checklist\n\n${trap}`;
    assert.deepEqual(modelCutEverywhere(text), modelAsOneChunk(text), trap);
  }
});

test('known limit: a link definition serves references in its own chunk only', () => {
  // The heading starts a chunk of its own once what comes before it holds 256 bytes.
  const text = `[ref]: https://example.com\n# Runbook\n\n${'Words before the stages. '.repeat(11)}\n\n## Stage 1\n\n- [ ] Read [ref] first\n`;
  const check = (model: Runbook): string => model.checks.map((c) => c.text).join('|');
  assert.equal(check(modelAsOneChunk(text)), 'Read ref first', 'one chunk: the reference resolves');
  assert.equal(check(parseRunbook(text)), 'Read [ref] first', 'chunked: the definition is in another chunk');
});

test('the chunk cuts are real: every fixture gives the same model parsed whole, or cut everywhere', () => {
  for (const seed of seeds) {
    const whole = modelAsOneChunk(seed);
    assert.deepEqual(parseRunbook(seed), whole);
    assert.deepEqual(modelCutEverywhere(seed), whole);
  }
});

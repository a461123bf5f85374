// Parser speed, against baselines measured in the same run:
//  1. full model vs bare remark+gfm parse of the same ~330 KB runbook (goal <= 1.2x);
//  2. incremental re-model after a one-line edit vs a full parse (goal >= 30x faster).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Benchmark, Measure } from './measure';
import { median } from './measure';
import { parseRunbook } from '../src/core/runbook/parseRunbook';
import { createRunbookModeler } from '../src/core/runbook/parse/incrementalModel';

const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

/** A large runbook built from the fixture runbooks: each repeated under its own stage heading. */
export function syntheticRunbook(minBytes: number): string {
  const bodies = readdirSync(fixtures)
    .filter((name) => existsSync(join(fixtures, name, 'input.md')) && !name.includes('unterminated'))
    .sort()
    .map((name) => readFileSync(join(fixtures, name, 'input.md'), 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/^(#{1,5}) /gm, '#$1 '));
  const parts = ['# Synthetic release runbook\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < minBytes; i++) {
    const body = bodies[i % bodies.length]!;
    const part = `\n## Stage ${i}: Part ${i}\n\nOwner notes for part ${i}: see #${1000 + i} and acme/ops#${i + 1}.\n\n${body}\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const bench: Benchmark = async () => {
  const text = syntheticRunbook(330 * 1024);
  const processor = unified().use(remarkParse).use(remarkGfm).freeze();
  // Warm up both paths (JIT), then interleave the runs so machine noise hits both alike.
  processor.parse(text);
  parseRunbook(text);
  const bare: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 7; i++) {
    bare.push(time(() => processor.parse(text)));
    full.push(time(() => parseRunbook(text)));
  }
  const bareMs = median(bare);
  const fullMs = median(full);

  const lines = text.split('\n');
  const editable = lines.map((line, index) => ({ line, index })).filter(({ line }) => /^[A-Z][a-z].*\w$/.test(line));
  const modeler = createRunbookModeler();
  modeler.model(text);
  // Build every edited version first, so that making 330 KB strings is not timed (nor its garbage).
  const EDITS = 51;
  const versions = Array.from({ length: EDITS }, (_, i) => {
    const target = editable[Math.floor(((i + 0.5) / EDITS) * editable.length)]!;
    const edited = [...lines];
    edited[target.index] = `${target.line} (edit ${i})`;
    return edited.join('\n');
  });
  const edits: number[] = [];
  let reparsed = 0;
  for (const next of versions) {
    edits.push(time(() => modeler.model(next)));
    reparsed += modeler.stats().parsed;
  }
  const editMs = median(edits);
  const model = parseRunbook(text);
  const notes = { bytes: text.length, steps: model.steps.length, stages: model.stages.length, lines: model.lineCount };
  const measures: Measure[] = [
    {
      name: 'parse: full model vs bare remark+gfm parse (330 KB)',
      value: fullMs, unit: 'ms', baseline: bareMs, ratio: fullMs / bareMs, goal: '<= 1.2x', pass: fullMs / bareMs <= 1.2, notes,
    },
    {
      name: 'parse: re-model after a one-line edit vs full model (330 KB)',
      value: editMs, unit: 'ms', baseline: fullMs, ratio: fullMs / editMs, goal: '>= 30x faster', pass: fullMs / editMs >= 30,
      notes: {
        editsMedianOf: edits.length, worstEditMs: Number(Math.max(...edits).toFixed(2)), chunks: modeler.stats().chunks,
        chunksReparsedPerEdit: reparsed / edits.length,
        // What a non-incremental host pays per keystroke: remark+gfm over the whole document.
        speedupVsBareParse: Number((bareMs / editMs).toFixed(1)),
      },
    },
  ];
  return measures;
};

export default bench;

// Parser speed on a ~330 KB runbook of unique text, against baselines measured in the same run:
//  1. our Markdown layer vs remark-parse + remark-gfm (which it replaced) on the same chunks;
//  2. the full model vs that bare remark parse (the model must cost less than remark alone did);
//  3. incremental re-model after a one-line edit vs a full model (goal >= 30x faster).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Benchmark, Measure } from './measure';
import { median, timeMs } from './measure';
import { realisticRunbook } from './parseInputs';
import { parseRunbook } from '../src/core/runbook/parseRunbook';
import { parseMarkdown } from '../src/core/runbook/parse/markdown';
import { splitDocument } from '../src/core/runbook/parse/chunks';
import { createRunbookModeler } from '../src/core/runbook/parse/incrementalModel';

const bench: Benchmark = async () => {
  const text = realisticRunbook(330 * 1024);
  const chunks = splitDocument(text).chunks.map((c) => c.text);
  const processor = unified().use(remarkParse).use(remarkGfm).freeze();
  const remark = (): void => { for (const chunk of chunks) processor.parse(chunk); };
  const ours = (): void => { for (const chunk of chunks) parseMarkdown(chunk); };
  // Warm up every path (JIT), then interleave the runs so machine noise hits them alike.
  remark();
  ours();
  parseRunbook(text);
  const remarkRuns: number[] = [];
  const ourRuns: number[] = [];
  const fullRuns: number[] = [];
  for (let i = 0; i < 7; i++) {
    remarkRuns.push(timeMs(remark));
    ourRuns.push(timeMs(ours));
    fullRuns.push(timeMs(() => parseRunbook(text)));
  }
  const remarkMs = median(remarkRuns);
  const oursMs = median(ourRuns);
  const fullMs = median(fullRuns);

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
    edits.push(timeMs(() => modeler.model(next)));
    reparsed += modeler.stats().parsed;
  }
  const editMs = median(edits);
  const model = parseRunbook(text);
  const notes = { bytes: text.length, chunks: chunks.length, steps: model.steps.length, stages: model.stages.length, lines: model.lineCount };
  return [
    {
      name: 'parse: our Markdown layer vs remark-parse + remark-gfm on the same chunks (330 KB)',
      value: oursMs, unit: 'ms', baseline: remarkMs, ratio: remarkMs / oursMs, goal: '>= 1x faster', pass: oursMs <= remarkMs, notes,
    },
    {
      name: 'parse: full model vs bare remark+gfm parse (330 KB)',
      value: fullMs, unit: 'ms', baseline: remarkMs, ratio: fullMs / remarkMs, goal: '<= 1.2x', pass: fullMs / remarkMs <= 1.2, notes,
    },
    {
      name: 'parse: re-model after a one-line edit vs full model (330 KB)',
      value: editMs, unit: 'ms', baseline: fullMs, ratio: fullMs / editMs, goal: '>= 30x faster', pass: fullMs / editMs >= 30,
      notes: {
        editsMedianOf: edits.length, worstEditMs: Number(Math.max(...edits).toFixed(2)), chunks: modeler.stats().chunks,
        chunksReparsedPerEdit: reparsed / edits.length,
        // What a non-incremental host pays per keystroke: remark+gfm over the whole document.
        speedupVsBareParse: Number((remarkMs / editMs).toFixed(1)),
      },
    },
  ] satisfies Measure[];
};

export default bench;

// Inputs for the parser benchmarks: realistic runbooks built from the fixtures (every copy's
// numbers changed, so that the chunk cache cannot dedupe them) and the pathological shapes
// that made the remark-based parser superlinear.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

function fixtureBodies(): string[] {
  return readdirSync(fixtures)
    .filter((name) => existsSync(join(fixtures, name, 'input.md')) && !name.includes('unterminated'))
    .sort()
    .map((name) => readFileSync(join(fixtures, name, 'input.md'), 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/^(#{1,5}) /gm, '#$1 '));
}

/** Repeats `unit(i)` until the text is at least `bytes` long. */
export function fill(bytes: number, unit: (i: number) => string, head = '', tail = ''): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    size += part.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** A large runbook from the fixture runbooks, each copy under its own stage, its numbers made unique. */
export function realisticRunbook(bytes: number, unique = true): string {
  const bodies = fixtureBodies();
  return fill(bytes, (i) => {
    const body = bodies[i % bodies.length] ?? '';
    const text = unique ? body.replace(/\d+/g, (d) => `${d}${i}`).replace(/\b(service|step|check|deploy)\b/gi, (w) => `${w}-${i}`) : body;
    return `\n## Stage ${i}: Part ${i}\n\nOwner notes for part ${i}: see #${1000 + i} and acme/ops#${i + 1}.\n\n${text}\n`;
  }, '# Synthetic release runbook\n');
}

export interface ShapeCase {
  name: string;
  make: (bytes: number) => string;
}

/** The shapes of issue 7 and the brief, each scalable to any size. */
export const SHAPES: ShapeCase[] = [
  { name: 'realistic unique runbook', make: (bytes) => realisticRunbook(bytes) },
  {
    name: 'one list with nested items',
    make: (bytes) => fill(bytes, (i) => `${'  '.repeat(i % 4)}- [ ] item ${i}: run \`kubectl rollout status deploy/svc-${i}\` then **check** [dash](https://grafana.example.com/d/${i})\n`),
  },
  {
    name: 'one paragraph with inline markup',
    make: (bytes) => fill(bytes, (i) => `word${i} *em ${i}* \`code ${i}\` [link](https://x.example.com/${i}) <b>h${i}</b> ~~old ${i}~~ https://github.com/acme/ops/issues/${i} `),
  },
  {
    name: 'one table',
    make: (bytes) => fill(bytes, (i) => `| gate ${i} | \`p95 <= ${i} ms\` | pending | run ${i} |\n`, '| Gate | Threshold | Status | Evidence |\n| --- | --- | --- | --- |\n'),
  },
  { name: "'- ' x N + 'x'", make: (bytes) => `${'- '.repeat(Math.floor(bytes / 2))}x\n` },
  { name: 'deep block quotes', make: (bytes) => `## Notes\n\n${fill(bytes, (i) => `${'>'.repeat(1 + (i % 64))} quoted ${i}\n`)}` },
  { name: 'deep list nesting', make: (bytes) => fill(bytes, (i) => `${'  '.repeat(i % 80)}- level ${i % 80} item ${i}\n`) },
  { name: 'many headings', make: (bytes) => fill(bytes, (i) => `${'#'.repeat(1 + (i % 6))} Heading ${i}\n\n`) },
  // Found by a sweep of our own (each was quadratic: 1 MB took 28-33 s, a 64 KB paragraph 8 s).
  { name: 'one fenced step of $VAR uses', make: (bytes) => fill(bytes, (i) => `echo "$VAR_${i}" && rm -rf /tmp/x${i} # gh issue view ${i}\n`, '## Stage 1: Apply\n\n```bash\n', '```\n') },
  { name: 'one paragraph of issue references', make: (bytes) => fill(bytes, (i) => `blocked by #${i + 1} and acme/ops#${i + 1} `, '## Dependencies\n\n') },
  { name: 'one command of placeholders', make: (bytes) => fill(bytes, (i) => `deploy <svc${i}> '<literal${i}>' `, '## Stage 1: Apply\n\n```bash\n', '\n```\n') },
  { name: '{name=...} fences', make: (bytes) => fill(bytes, (i) => '```bash {name=deploy}\necho ' + i + '\n```\n\n', '## Stage 1: Apply\n\n') },
];

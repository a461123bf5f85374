// The TextMate injection grammar: shape, and each regex run against sample lines. TextMate uses
// Oniguruma; these patterns keep to the part JavaScript shares (`\G` aside, dropped here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Rule { match?: string; begin?: string; end?: string; name?: string; patterns?: Rule[]; beginCaptures?: Record<string, Rule>; captures?: Record<string, Rule> }
const grammar = JSON.parse(readFileSync(new URL('../../../../syntaxes/runbook-gate.markdown-injection.json', import.meta.url), 'utf8')) as {
  scopeName: string; injectionSelector: string; repository: Record<string, Rule>;
};
const js = (source: string): RegExp => new RegExp(source.replace(/\|\\G|\\G/g, ''));
const repo = grammar.repository;

test('grammar: scope name and an injection into Markdown outside code and comments', () => {
  assert.equal(grammar.scopeName, 'markdown.runbook-gate.injection');
  assert.match(grammar.injectionSelector, /^L:text\.html\.markdown /);
  assert.match(grammar.injectionSelector, /-markup\.fenced_code/);
  assert.match(grammar.injectionSelector, /-comment/);
});

test('grammar: every regex compiles', () => {
  const visit = (rule: Rule): void => {
    for (const source of [rule.match, rule.begin, rule.end]) if (source) assert.doesNotThrow(() => js(source), source);
    for (const child of [...(rule.patterns ?? []), ...Object.values(rule.beginCaptures ?? {}), ...Object.values(rule.captures ?? {})]) visit(child);
  };
  Object.values(repo).forEach(visit);
});

test('grammar: annotated shell fences open the block; plain or other-language fences are left to Markdown', () => {
  const begin = js(repo['annotated-fence']!.begin!);
  const m = begin.exec('```bash {"name":"health","timeout":"30s"}');
  assert.equal(m?.[5], '{"name":"health","timeout":"30s"}');
  assert.ok(begin.test('   ~~~sh { name=x }'));
  assert.ok(!begin.test('```bash'));
  assert.ok(!begin.test('```python {"name":"x"}'));
});

test('grammar: annotation keys are told from unknown keys', () => {
  const [known, unknown] = repo['annotated-fence']!.beginCaptures!['5']!.patterns!;
  assert.equal(js(known!.match!).exec('{ expect-exit=0 }')?.[1], 'expect-exit');
  assert.equal(js(known!.match!).exec('{"excludeFromRunAll":true}')?.[1], 'excludeFromRunAll');
  assert.equal(js(known!.match!).exec('{ colour=red }'), null);
  assert.equal(js(unknown!.match!).exec('{ colour=red }')?.[1], 'colour');
  for (const key of ['check', 'gate', 'value', 'results', 'on-failure', 'run']) assert.equal(js(known!.match!).exec(`{ ${key}=x }`)?.[1], key, key);
  const [commentKnown] = repo['runbook-comment']!.patterns!;
  assert.equal(js(commentKnown!.match!).exec('<!-- runbook: run=runtime-ws-health -->')?.[1], 'run');
});

test('grammar: runbook comments, stage markers and verdict words', () => {
  assert.ok(js(repo['runbook-comment']!.begin!).test('<!-- runbook: name=hold timeout=60m -->'));
  assert.ok(!js(repo['runbook-comment']!.begin!).test('<!-- a comment -->'));
  const stage = js(repo['stage-marker']!.match!);
  for (const line of ['1. Stage 0: Gate preflight', '## Phase 2 - Canary', 'Step 3', 'Stage 2+ (external)', '### Stage A — internal (0%)', 'Stage E', '## Wave 1']) assert.ok(stage.test(line), line);
  for (const line of ['Step-by-step', 'Staged rollout', 'Stage directions', 'Stage Alpha']) assert.ok(!stage.test(line), line);
  const verdicts = repo.verdict!.patterns!.map((p) => [p.name, js(p.match!)] as const);
  const scopeOf = (text: string): string | undefined => verdicts.find(([, re]) => re.test(text))?.[0];
  assert.equal(scopeOf('Stage 0: PASS'), 'markup.inserted.pass.runbook-gate');
  assert.equal(scopeOf('FAIL (exit 1)'), 'markup.deleted.fail.runbook-gate');
  assert.equal(scopeOf('Stage 2+: BLOCKED'), 'markup.changed.blocked.runbook-gate');
  assert.equal(scopeOf('No-Go for production'), 'markup.deleted.no-go.runbook-gate');
  assert.equal(scopeOf('## Go/No-Go'), 'keyword.other.decision.runbook-gate');
  assert.equal(scopeOf('Decision: Go.'), 'markup.inserted.go.runbook-gate');
  assert.equal(scopeOf('NOT RUN'), 'comment.not-run.runbook-gate');
  assert.equal(scopeOf('Go to the dashboard and check passing tests'), undefined);
});

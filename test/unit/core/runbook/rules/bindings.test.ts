// Bindings in order of precedence, on small runbooks (rules/bindings.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunbook } from '../../../../../src/core/runbook/parseRunbook';

const bindingOf = (text: string, checkId: string) => {
  const model = parseRunbook(text);
  const check = model.checks.find((c) => c.id === checkId);
  assert.ok(check, `no ${checkId} in ${model.checks.map((c) => c.id).join(', ')}`);
  return { how: check.binding?.how ?? null, stepIds: check.stepIds, kind: check.kind, model };
};

const STAGE = '## Stage 1: Go\n\n';

test('precedence: comment, then a step annotation, then position, then inference', () => {
  const cases: [string, string, string | null, string[]][] = [
    [`${STAGE}- Smoke tests <!-- runbook: run=other -->\n  \`\`\`bash\n  echo nested\n  \`\`\`\n\n## Commands\n\n\`\`\`bash { name=other }\necho other\n\`\`\`\n`, 'stage-1.1', 'comment', ['other']],
    [`${STAGE}- Smoke tests\n  \`\`\`bash\n  echo nested\n  \`\`\`\n\n## Commands\n\n\`\`\`bash { name=other check=stage-1.1 }\necho other\n\`\`\`\n`, 'stage-1.1', 'annotation', ['other']],
    [`${STAGE}- Smoke tests\n  \`\`\`bash { name=n }\n  echo nested\n  \`\`\`\n`, 'stage-1.1', 'nested', ['n']],
    [`${STAGE}- Inline: \`npm run smoke\`\n`, 'stage-1.1', 'inline', ['npm-run-smoke']],
    [`${STAGE}- Smoke tests:\n\n\`\`\`bash { name=a }\nnpm run smoke\n\`\`\`\n`, 'stage-1.1', 'adjacent', ['a']],
    [`${STAGE}- Run the smoke tests.\n\n## Commands\n\nSmoke tests:\n\n\`\`\`bash { name=s }\nnpm run smoke\n\`\`\`\n`, 'stage-1.1', 'inferred', ['s']],
  ];
  for (const [text, id, how, stepIds] of cases) {
    const b = bindingOf(text, id);
    assert.deepEqual([b.how, b.stepIds, b.kind], [how, stepIds, 'command'], text);
  }
});

test('a fence after a list binds to its last item when that item is a task or ends with a colon, holds no step and says nothing else', () => {
  const hold = bindingOf(`${STAGE}- Soak for 30 minutes\n\n\`\`\`bash { name=a }\necho a\n\`\`\`\n`, 'stage-1.1');
  assert.deepEqual([hold.how, hold.kind], [null, 'hold']);
  assert.deepEqual(hold.model.checks.map((c) => [c.id, c.kind, c.binding?.how]), [['stage-1.1', 'hold', undefined], ['stage-1.2', 'command', 'nested']]);
  const inline = bindingOf(`${STAGE}- \`npm test\`\n\n\`\`\`bash { name=a }\necho a\n\`\`\`\n`, 'stage-1.1');
  assert.deepEqual(inline.stepIds, ['npm-test']);
  const far = bindingOf(`${STAGE}- Smoke tests:\n\nSome prose.\n\n\`\`\`bash { name=a }\necho a\n\`\`\`\n`, 'stage-1.1');
  assert.deepEqual([far.how, far.kind], [null, 'manual']);
  const statement = bindingOf(`${STAGE}- See #44 for context.\n\n\`\`\`bash { name=a }\necho a\n\`\`\`\n`, 'stage-1.1');
  assert.deepEqual([statement.how, statement.kind], [null, 'manual'], 'an item that does not introduce the block');
  const task = bindingOf(`${STAGE}- [ ] Tests pass\n\n\`\`\`bash { name=a }\nnpm test\n\`\`\`\n`, 'stage-1.1');
  assert.deepEqual([task.how, task.stepIds], ['adjacent', ['a']]);
});

test('a stage step no item names is a command check of its own, after the items; stage= places a step', () => {
  const { model } = bindingOf(`${STAGE}- Look at the dashboard.\n\nDeploy:\n\n\`\`\`bash { name=deploy-it }\n./deploy.sh\n\`\`\`\n\n## Elsewhere\n\n\`\`\`bash { name=placed stage=1 }\necho placed\n\`\`\`\n\n\`\`\`bash { name=loose }\necho loose\n\`\`\`\n`, 'stage-1.1');
  assert.deepEqual(model.checks.map((c) => [c.id, c.kind, c.text, c.binding?.how ?? null, c.stepIds]), [
    ['stage-1.1', 'manual', 'Look at the dashboard.', null, []],
    ['stage-1.2', 'command', 'Deploy', 'nested', ['deploy-it']],
    ['stage-1.3', 'command', 'Elsewhere', 'annotation', ['placed']],
  ]);
  assert.deepEqual(model.steps.map((s) => [s.id, s.stageId, s.checkIds]), [['deploy-it', 'stage-1', ['stage-1.2']], ['placed', 'stage-1', ['stage-1.3']], ['loose', null, []]]);
  // stage= reads a stage as --stage does: "2+", "Stage 2+", its id.
  const plus = parseRunbook('## Stage 2+: Later\n\n- Watch it.\n\n## Commands\n\n```bash { name=later stage=2+ }\necho later\n```\n');
  assert.deepEqual([plus.steps.map((s) => [s.id, s.stageId]), plus.diagnostics.filter((d) => d.code === 'unknown-stage').length], [[['later', plus.stages[0]!.id]], 0]);
});

test('a stage with nothing under it is one check: its own line', () => {
  const { model } = bindingOf('## Rollout order\n\n1. Internal only\n2. Everyone, after 48h green\n', 'stage-1.1');
  assert.deepEqual(model.checks.map((c) => [c.id, c.kind, c.text]), [['stage-1.1', 'manual', 'Internal only'], ['stage-2.1', 'hold', 'Everyone, after 48h green']]);
});

test('unknown ids in run= and check= are diagnostics; the step stays runnable on its own', () => {
  const { model } = bindingOf(`${STAGE}- A <!-- runbook: run=nope -->\n\n## Commands\n\n\`\`\`bash { name=x check=stage-9.1 }\necho x\n\`\`\`\n`, 'stage-1.1');
  assert.deepEqual(model.diagnostics.map((d) => d.code).filter((c) => c.startsWith('unknown')), ['unknown-step', 'unknown-check']);
  assert.deepEqual(model.steps[0]?.checkIds, []);
});

test('step keys in an item comment annotate its one inline command; otherwise they are a diagnostic', () => {
  const inline = parseRunbook(`${STAGE}- \`./deploy.sh prod\` <!-- runbook: destructive=false name=ship timeout=5m -->\n`);
  assert.deepEqual(inline.steps.map((s) => [s.id, s.destructive, s.annotations.timeoutMs]), [['ship', false, 300_000]]);
  const none = parseRunbook(`${STAGE}- Hold 30 minutes <!-- runbook: name=hold timeout=30m -->\n`);
  assert.deepEqual(none.diagnostics.map((d) => d.code), ['annotation-not-for-check']);
  // secret=true and secret=NAME on the item make its command's inputs secret (prompted in a password box, never recorded).
  const secret = parseRunbook(`${STAGE}- Call: \`curl -H "X-Host: $HOST_VALUE" x\` <!-- runbook: secret=true -->\n- Other: \`curl "$PLAIN_VALUE"\` <!-- runbook: secret=PLAIN_VALUE -->\n`);
  assert.deepEqual(secret.inputs.map((i) => [i.name, i.secret]), [['HOST_VALUE', true], ['PLAIN_VALUE', true]]);
  // A fence after the item is no second step of its own: the note still names the inline command.
  const fenced = parseRunbook(`${STAGE}- Third: \`echo hi\` <!-- runbook: name=call2 -->\n\n\`\`\`bash\necho unrelated\n\`\`\`\n`);
  assert.deepEqual([fenced.steps.map((s) => s.id), fenced.diagnostics.filter((d) => d.code === 'annotation-not-for-check').length], [['call2', 'echo-unrelated'], 0]);
});

test('diagnostics with fixes: below threshold, ambiguous, reused, and an unbound command check', () => {
  const model = parseRunbook(`${STAGE}- Review the fanout metrics panel for the canary region.\n- Run the smoke.\n- Run the edge smoke.\n- Smoke the edge nodes.\n- Run the frobnicator.\n\n## Commands\n\nFanout metrics dashboard:\n\n\`\`\`bash\ncurl -fsS "$U/metrics/fanout"\n\`\`\`\n\nSmoke tests:\n\n\`\`\`bash\nnpm run smoke\n\`\`\`\n\nEdge smoke:\n\n\`\`\`bash\nnpm run smoke:edge\n\`\`\`\n`);
  const found = model.diagnostics.filter((d) => d.code !== 'input-from-environment').map((d) => [d.code, d.range.startLine, d.fixes?.map((f) => [f.newText, f.range.startLine, f.range.startColumn]) ?? []]);
  assert.deepEqual(found, [
    ['binding-below-threshold', 3, [[' <!-- runbook: run=fanout-metrics-dashboard -->', 3, 57]]],
    ['binding-ambiguous', 4, [[' <!-- runbook: run=smoke-tests -->', 4, 17], [' <!-- runbook: run=edge-smoke -->', 4, 17]]],
    ['inferred-binding-reused', 6, [[' <!-- runbook: run=edge-smoke -->', 6, 24]]],
    ['unbound-command-check', 7, []],
  ]);
  assert.match(model.diagnostics[0]!.message, /did you mean `fanout-metrics-dashboard`\?/);
});

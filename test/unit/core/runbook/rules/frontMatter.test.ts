import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFrontMatter } from '../../../../../src/core/runbook/rules/frontMatter';

const block = (yaml: string) => ({ yaml, lineCount: yaml.split('\n').length + 2, closingLength: 3 });

test('front matter keys: report, owner, issue, repo, cwd, shell, template, on-failure, title', () => {
  const { frontMatter, title, diagnostics } = readFrontMatter(block('report: docs/status/\nowner: "@ops"\nissue: 1863\nrepo: acme/x\ncwd: svc\nshell: bash\ntemplate: drill\non-failure: stop\ntitle: From front matter'));
  assert.deepEqual(frontMatter, { report: 'docs/status/', owner: '@ops', issue: '1863', repo: 'acme/x', cwd: 'svc', shell: 'bash', template: 'drill', onFailure: 'stop', title: 'From front matter' });
  assert.equal(title, 'From front matter');
  assert.deepEqual(diagnostics, []);
});

test('front matter problems are diagnostics', () => {
  assert.deepEqual(readFrontMatter(block('on-failure: sometimes')).diagnostics.map((d) => d.code), ['invalid-front-matter-value']);
  assert.deepEqual(readFrontMatter(block('repo: not a repo')).diagnostics.map((d) => d.code), ['invalid-front-matter-value']);
  assert.deepEqual(readFrontMatter(block('colour: red\ntags: [a]')).diagnostics.map((d) => d.code), ['unknown-front-matter-key']);
  assert.deepEqual(readFrontMatter(block('a: [')).diagnostics.map((d) => d.code), ['malformed-front-matter']);
});

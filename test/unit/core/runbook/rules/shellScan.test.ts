import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignedNames, consoleCommands, ghIssueReferences, isSecretName, riskyPatterns, stepInputs } from '../../../../../src/core/runbook/rules/shellScan';

const names = (command: string): string[] => stepInputs(command).map((u) => u.name);

test('inputs: $VAR and ${VAR}, first use each, with their position', () => {
  assert.deepEqual(stepInputs('curl "$URL/x" -H "A: ${TOKEN}"\necho $URL'), [
    { name: 'URL', line: 0, column: 6, length: 4 },
    { name: 'TOKEN', line: 0, column: 21, length: 8 },
  ]);
});

test('inputs: not positional or special parameters, not shell-provided names', () => {
  assert.deepEqual(names('echo "$1" "$?" "$#" "$@" "$$" "$HOME" "$PWD" "$RANDOM"'), []);
});

test('inputs: not what the step assigns, exports, reads or loops over', () => {
  assert.deepEqual(names('export A=1\nB=2 cmd "$B"\nfor i in 1 2; do echo "$i" "$A"; done\nread -r -p "?" ANSWER; echo "$ANSWER"\nlocal L; echo "$L"'), []);
  assert.deepEqual(names('docker run -e TOKEN=$TOKEN app'), ['TOKEN']);
});

test('inputs: quoting, comments, heredocs and defaults', () => {
  assert.deepEqual(names(`echo '$SINGLE' \\$ESCAPED "\${WITH_DEFAULT:-x}" # $COMMENT`), []);
  assert.deepEqual(names(`awk '{print $1}' | jq --arg v "$V" '.a == $v'`), ['V']);
  assert.deepEqual(names(`cat <<'EOF'\n$LITERAL\nEOF\ncat <<EOF\n$EXPANDED\nEOF\necho "$AFTER"`), ['EXPANDED', 'AFTER']);
  assert.deepEqual(names('echo "$(whoami) ${#LEN} ${ARR[0]}"'), ['LEN', 'ARR']);
});

test('assignedNames handles declare flags, arrays and command prefixes', () => {
  assert.deepEqual([...assignedNames('declare -r X=1; arr[0]=y; if true; then Z=3 cmd; fi')].sort(), ['X', 'Z', 'arr']);
});

test('secret names: TOKEN, SECRET, PASSWORD, KEY, CREDENTIAL in any case, and *_PAT', () => {
  for (const name of ['GITHUB_TOKEN', 'client_secret', 'DB_PASSWORD', 'API_KEY', 'GOOGLE_CREDENTIALS', 'VSCE_PAT']) assert.ok(isSecretName(name), name);
  for (const name of ['BASE_URL', 'PATH_PREFIX', 'REGION']) assert.ok(!isSecretName(name), name);
});

test('console transcripts: prompts stripped, continuations kept, output dropped', () => {
  assert.deepEqual(consoleCommands('$ ls -l \\\n>   /tmp\ntotal 0\nme@host:~/x$ echo "$A"\nA\n$'), {
    command: 'ls -l \\\n  /tmp\necho "$A"',
    lineMap: [0, 1, 3],
  });
});

test('gh issue view: literal numbers, -R/--repo, URLs, and for-loops over numbers', () => {
  const refs = ghIssueReferences('gh issue view 12\ngh issue view 7 -R o/r\ngh issue view https://github.com/a/b/issues/9\nfor i in 1858 {3..4}; do gh issue view "$i" --repo x/y; done\nfor j in 5 6; do echo $j; done');
  assert.deepEqual(refs.map((r) => [r.number, r.repo, r.line]), [[12, null, 0], [7, 'o/r', 1], [9, 'a/b', 2], [1858, 'x/y', 3], [3, 'x/y', 3], [4, 'x/y', 3]]);
});

test('risky patterns: download piped into a shell, plain http except to this machine', () => {
  assert.deepEqual(riskyPatterns('curl -fsSL https://x.io/i.sh | sudo -E bash').map((r) => r.code), ['pipe-to-shell']);
  assert.deepEqual(riskyPatterns('curl http://example.com http://localhost:8080 http://127.0.0.1/x').map((r) => r.code), ['plain-http']);
  assert.deepEqual(riskyPatterns('curl -fsS https://example.com | jq'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DESTRUCTIVE, MAY_BE_DESTRUCTIVE, destructiveReason, placeholdersIn } from '../../../../../src/core/runbook/rules/safety';

const EXAMPLES: [string, string][] = [
  ['canary-destroy --apply', '--apply'],
  ['terraform destroy -auto-approve', 'terraform destroy'],
  ['terraform apply -var primary=us-west-2', 'terraform apply'],
  ['curl -sS -X POST https://x/route-override -d @body.json', 'curl -X POST'],
  ['curl --request DELETE "$API/x"', 'curl -X DELETE'],
  ['curl -fsS "$API/x" --data \'{"a":1}\'', 'curl sending data'],
  ['kubectl apply -f k8s/', 'kubectl apply'],
  ['kubectl -n payments set image deploy/x api=y', 'kubectl set'],
  ['kubectl -n payments rollout undo deploy/payments-api', 'kubectl rollout undo'],
  ['helm upgrade --install api charts/api', 'helm upgrade'],
  ['git push --force origin main', 'git push --force'],
  ['payments-cli pay --network mainnet --amount 1', 'a mainnet payment'],
  ['psql -c "DROP TABLE users"', 'DROP TABLE'],
  ['psql -c "DELETE FROM users WHERE id = 1"', 'DELETE FROM'],
  ['./bin/migrate up', 'a database migration'],
  ['mix ecto.migrate', 'a database migration'],
  ['gcloud run deploy svc --image x', 'gcloud deploy'],
  ['aws elbv2 modify-listener --listener-arn x', 'aws modify-listener'],
  ['./deploy.sh prod', 'deploy'],
  ['npm publish', 'publish'],
  ['rm -rf build', 'rm -rf'],
  ['gh release delete v1 --yes', 'delete'],
];

test('destructive and production-mutating commands, with the reason shown', () => {
  for (const [command, reason] of EXAMPLES) assert.equal(destructiveReason(command), reason, command);
});

test('every destructive command holds a word of the quick pre-test (property over each pattern)', () => {
  for (const [command] of EXAMPLES) assert.ok(MAY_BE_DESTRUCTIVE.test(command), command);
  // Commands made of the words the patterns are written with, in any case: whatever one of the
  // thirty patterns matches, the pre-test must match too, or it would hide a destructive step.
  const words = ['terraform', 'tofu', 'pulumi', 'up', 'kubectl', '-n', 'x', 'rollout', 'undo', 'helm', 'upgrade', 'git', 'push', '--force', '-f',
    'curl', '-X', 'POST', '--request', '-d', '--json', 'gh', 'api', '--method', 'DELETE', 'mainnet', 'pay', 'send', 'DROP', 'TABLE', 'TRUNCATE',
    'DELETE FROM', 'ALTER TABLE', 'UPDATE', 'users', 'SET', 'dropdb', '--apply', 'npm', 'publish', 'release', 'create', 'ecto.migrate', 'db:migrate',
    'migrate', 'deploy', 'alembic', 'flyway', 'prisma', 'aws', 's3', 'rm', 'ec2', 'terminate-instances', 'gcloud', 'run', 'storage', 'gsutil',
    'systemctl', 'stop', 'reboot', 'shutdown', '-rf', 'deploy.sh', 'destroy', 'canary-destroy', 'delete', 'drop', 'svc-deploy', './', '/', '"', ' '];
  const word = fc.constantFrom(...words).chain((w) => fc.constantFrom(w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)));
  fc.assert(fc.property(fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ')), (command) => {
    const matched = DESTRUCTIVE.find(({ re }) => re.test(command));
    if (matched) assert.ok(MAY_BE_DESTRUCTIVE.test(command), `${command} matches ${matched.re} but not the pre-test`);
  }), { numRuns: 3000 });
});

test('read-only commands, dry runs, comments and paths that merely contain the words', () => {
  for (const command of [
    'kubectl -n payments rollout status deploy/payments-api', 'kubectl get pods', 'terraform plan', 'helm list', 'git push origin main',
    'curl -fsS "$RUNTIME_BASE_URL/internal/v1/khala/fanout/metrics?topic_limit=20" -H "Authorization: Bearer $T" | jq',
    'apps/runtime/deploy/khala/check-nonprod-health.sh', 'cargo test -p x', './bin/migrate up --dry-run', 'echo done # then delete',
    'gh issue view "$i" --json number,title,state', 'docker build -t x .',
  ]) assert.equal(destructiveReason(command), null, command);
});

test('placeholders: <name> as written; not heredocs, process substitution, redirections', () => {
  assert.deepEqual(placeholdersIn('kubectl -n <namespace> rollout restart deploy/<service-name> <namespace>'), ['<namespace>', '<service-name>']);
  assert.deepEqual(placeholdersIn('gcloud projects describe <your project id>'), ['<your project id>']);
  assert.deepEqual(placeholdersIn('cat <<EOF > x\ndiff <(ls a) <(ls b) 2>&1 < file >> log'), []);
});

test('placeholders: literal text in single quotes is not one; in double quotes it is', () => {
  assert.deepEqual(placeholdersIn("printf '<script>alert(1)</script>'"), []);
  assert.deepEqual(placeholdersIn('curl "https://api/<service-name>/health" -d \'{"html":"<b>"}\''), ['<service-name>']);
  assert.deepEqual(placeholdersIn("echo it\\'s <host>"), ['<host>'], 'an escaped quote opens no string');
  assert.deepEqual(placeholdersIn('echo "a \\"b\\"" \'<x>\' <host>'), ['<host>'], 'an escaped double quote inside double quotes closes nothing');
  assert.deepEqual(placeholdersIn("a '<q1>' <p1> '<q2>' '<q3>' <p2> <p1> '<q4>'"), ['<p1>', '<p2>'], 'many quoted strings, walked in order');
  assert.deepEqual(placeholdersIn("'<q>'<p>"), ['<p>'], 'right after a closing quote is outside');
});

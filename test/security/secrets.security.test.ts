// Issue 7, High: no secret, in any encoding a command commonly prints it, reaches a log,
// run.json, gate.json, SUMMARY.md, results.tsv, the report, or the terminal.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { workspace, cli, type Workspace, type CliResult } from './harness';
import { startGithubStandIn, echoAuthorization } from '../support/githubStandIn';

const SECRET = 'Tk9!q w/x+"Zr7\\plain%Kz';
const GITHUB_TOKEN = 'ghp_R8x2LmQ4vZ7nT1kP9sW3yB6cD0fH5jA';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const pyQuote = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Every form the step prints, whole: none may survive anywhere. */
function forms(secret: string): Record<string, string> {
  return {
    plain: secret,
    'base64 user:secret (HTTP Basic)': b64(`deploy:${secret}`),
    base64: b64(secret),
    encodeURIComponent: encodeURIComponent(secret),
    'Python quote': pyQuote(secret),
    'Python quote_plus': pyQuote(secret).replace(/%20/g, '+'),
    'lowercase %xx': encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    'hex (lower)': Buffer.from(secret).toString('hex'),
    'hex (upper)': Buffer.from(secret).toString('hex').toUpperCase(),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
  };
}

// The step prints each form, halves split between stdout and stderr, the value with an ANSI
// code inside it, a base64 blob wrapped at 76 columns with the secret inside, and the
// environment's secrets the runbook never names.
const PRINTER = `
const s = process.env.DEPLOY_TOKEN;
const b64 = (t) => Buffer.from(t).toString('base64');
const q = (t) => encodeURIComponent(t).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
console.log('plain', s);
console.log('Authorization: Basic ' + b64('deploy:' + s));
console.log('b64', b64(s));
console.log('url', encodeURIComponent(s), q(s), q(s).replace(/%20/g, '+'), encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
console.log('hex', Buffer.from(s).toString('hex'), Buffer.from(s).toString('hex').toUpperCase());
console.log('json', JSON.stringify({ token: s }));
process.stdout.write('half ' + s.slice(0, 11));
process.stderr.write(s.slice(11) + ' other half\\n');
console.log('ansi ' + s.slice(0, 6) + '\\u001b[31m' + s.slice(6) + '\\u001b[0m');
const blob = Buffer.concat([Buffer.alloc(99, 7), Buffer.from(s), Buffer.alloc(50, 9)]);
console.log(b64(blob).replace(/.{76}/g, '$&\\n'));
`;

/** What the tool wrote and printed (the inputs the test wrote, like the env file, aside). */
function everywhere(ws: Workspace, result: CliResult): Array<{ path: string; text: string }> {
  const inputs = ['deploy.env', 'print-secrets.cjs', 'deploy.md', 'deps.md'];
  return [
    ...ws.files().filter((f) => !inputs.some((name) => f.path.endsWith(`/${name}`))),
    { path: 'stdout', text: result.stdout },
    { path: 'stderr', text: result.stderr },
  ];
}

test('a secret printed in every common encoding, split across streams and ANSI codes, is masked in every artifact and on the terminal', async () => {
  const ws = workspace();
  try {
    ws.write('print-secrets.cjs', PRINTER);
    ws.write('deploy.env', `DEPLOY_TOKEN='${SECRET}'\n`);
    ws.write('deploy.md', [
      '# Deploy', '', '## Stage 0: Credentials', '', '```bash {"name":"print"}', 'node print-secrets.cjs', 'printenv GITHUB_TOKEN AWS_SECRET_ACCESS_KEY', 'echo "token is $DEPLOY_TOKEN"', '```', '',
    ].join('\n'));
    const result = await cli(['run', 'deploy.md', '--stage', '0', '--env-file', 'deploy.env'], ws.root, { GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY: AWS_SECRET });
    assert.equal(result.code, 0, result.stderr);
    const texts = everywhere(ws, result);
    assert.ok(texts.some((t) => t.path.endsWith('.log') && t.text.includes('***')), 'the log says where something was masked');
    const leaks: string[] = [];
    for (const [name, form] of Object.entries({ ...forms(SECRET), 'GITHUB_TOKEN': GITHUB_TOKEN, 'AWS_SECRET_ACCESS_KEY': AWS_SECRET })) {
      for (const { path, text } of texts) if (text.includes(form)) leaks.push(`${name} in ${path.replace(ws.root, '')}`);
    }
    // The wrapped blob: with the line breaks taken out, the secret's base64 must not reappear.
    const core = b64(SECRET.slice(0, SECRET.length - (SECRET.length % 3)));
    for (const { path, text } of texts) if (text.replace(/\r?\n/g, '').includes(core)) leaks.push(`wrapped base64 in ${path.replace(ws.root, '')}`);
    assert.deepEqual(leaks, []);
    const record = ws.files().find((f) => f.path.endsWith('run.json'))!.text;
    assert.doesNotMatch(record, /DEPLOY_TOKEN"[^}]*"value": "[^n]/, 'run.json keeps no secret value for an input');
  } finally {
    ws.cleanup();
  }
});

test('a secret in a results file (JUnit names and messages) and on exec\'s command line is masked everywhere', async () => {
  const ws = workspace();
  const token = 'rT5pQ8vW2xZ9kL4mN7bC'; // XML-safe: the file must parse for its rows to be read
  try {
    ws.write('deploy.env', `DEPLOY_TOKEN='${token}'\n`);
    ws.write('write-junit.cjs', [
      "const t = process.env.DEPLOY_TOKEN; require('fs').mkdirSync('out', { recursive: true });",
      "require('fs').writeFileSync('out/junit.xml', `<testsuite><testcase name=\"login with ${t}\"><failure message=\"bad token ${t}\"/></testcase></testsuite>`);",
    ].join('\n'));
    ws.write('deploy.md', [
      '# Deploy', '', '## Stage 0: Credentials', '', '```bash {"name":"suite","results":"out/junit.xml"}', 'node write-junit.cjs', '```', '',
    ].join('\n'));
    const run = await cli(['run', 'deploy.md', '--stage', '0', '--env-file', 'deploy.env'], ws.root);
    assert.equal(run.code, 1, run.stderr);
    const runDir = /Run directory: (\S+)/.exec(run.stdout)![1]!;
    const exec = await cli(['exec', runDir, '--stage', '0', '--', 'echo', token], ws.root, { DEPLOY_TOKEN: token });
    assert.equal(exec.code, 1, exec.stderr); // the run's decision (No-Go: the suite failed), not an error
    const inputs = ['deploy.env', 'deploy.md', 'write-junit.cjs', 'junit.xml'];
    const texts = [...ws.files().filter((f) => !inputs.some((name) => f.path.endsWith(`/${name}`))), { path: 'run', text: run.stdout + run.stderr }, { path: 'exec', text: exec.stdout + exec.stderr }];
    assert.ok(texts.find((t) => t.path.endsWith('run.json'))!.text.includes('login with ***'), 'the results row is kept, masked');
    assert.deepEqual(texts.filter((t) => t.text.includes(token)).map((t) => t.path.replace(ws.root, '')), []);
  } finally {
    ws.cleanup();
  }
});

test('the GitHub token never reaches the report, the record or the terminal, even when GitHub echoes it in an error body', async () => {
  const ws = workspace();
  const github = await startGithubStandIn({ issues: [{ repo: 'acme/app', number: 7, title: 'Migrate', state: 'closed' }] });
  try {
    github.fail('get-issue', { ...echoAuthorization(), status: 500, times: 10 });
    ws.write('deps.md', ['---', 'repo: acme/app', '---', '# Deps', '', '## Stage 0: Dependencies', '', '- Dependencies #7 must be closed.', ''].join('\n'));
    const result = await cli(['run', 'deps.md', '--stage', '0', '--github-api', github.url], ws.root, { GITHUB_TOKEN });
    assert.equal(result.code, 1, result.stderr);
    assert.ok(github.requests.some((r) => (r.authorization ?? '').includes(GITHUB_TOKEN)), 'the stand-in saw the token (and echoed it)');
    const leaks = everywhere(ws, result).filter((t) => t.text.includes(GITHUB_TOKEN) || t.text.includes(b64(GITHUB_TOKEN))).map((t) => t.path);
    assert.deepEqual(leaks, []);
    assert.match(ws.files().find((f) => f.path.endsWith('.md') && f.path.includes('docs/status'))!.text, /BLOCKED/);
  } finally {
    await github.close();
    ws.cleanup();
  }
});

test('credentials written into --github-api are never printed or recorded', async () => {
  const ws = workspace();
  const github = await startGithubStandIn({ issues: [{ repo: 'acme/app', number: 7, title: 'Migrate', state: 'open' }] });
  try {
    ws.write('deps.md', ['---', 'repo: acme/app', '---', '# Deps', '', '## Stage 0: Dependencies', '', '- Dependencies #7 must be closed.', ''].join('\n'));
    const url = github.url.replace('http://', 'http://deploy:hunter2passw0rd@');
    const result = await cli(['run', 'deps.md', '--stage', '0', '--github-api', url], ws.root);
    assert.equal(result.code, 1, result.stderr);
    const leaks = everywhere(ws, result).filter((t) => t.text.includes('hunter2passw0rd')).map((t) => t.path);
    assert.deepEqual(leaks, []);
  } finally {
    await github.close();
    ws.cleanup();
  }
});

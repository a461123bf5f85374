// A missing secret: asked in a password box before the step runs (typed by the harness), stored
// in SecretStorage, used, masked in the log, run.json and every panel message; not asked again;
// forgotten by the command; and Escape at the prompt cancels the run.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StepRecord } from '../../../src/core/run/record';
import { activateExtension, click, codeLenses, lensFor, openRunbook, workspaceUri } from '../helpers';
import { needsUi, ui } from '../ui';

const SECRET = 'tok3n-Zq8v-9xLw-unit';
const uri = () => workspaceUri('runbooks', 'secrets.md');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

suite('secrets', () => {
  test('a missing secret is asked in a password box, stored, used and masked everywhere', async function () {
    needsUi(this);
    const api = await activateExtension();
    api.panel.watch(SECRET);
    await openRunbook(uri());
    await vscode.commands.executeCommand('runbookGate.showPanel', uri());
    const running = click<StepRecord>(lensFor(await codeLenses(uri()), 'runStep', 'call-api'));
    const typed = await ui({ action: 'fillInput', text: SECRET });
    assert.equal(typed.ok, true, typed.error);
    assert.equal(typed.type, 'password', 'the secret is asked in a password box');
    const step = await running;
    assert.equal(step?.status, 'passed', step?.outcome);
    const runDir = api.run(uri()).runDir!;
    const log = readFileSync(join(runDir, step.attempts.at(-1)!.logPath!), 'utf8');
    assert.match(log, /calling the API with \S+/);
    for (const file of filesUnder(runDir)) assert.ok(!readFileSync(file, 'utf8').includes(SECRET), `${file} holds no secret`);
    assert.ok(!log.includes(Buffer.from(`svc:${SECRET}`).toString('base64')), 'nor its base64 form');
    assert.equal(api.panel.hits(SECRET), 0, `no panel message carried the secret (of ${api.panel.messages()})`);
  });

  test('a stored secret is not asked again, even in a new run', async function () {
    needsUi(this);
    const api = await activateExtension();
    await vscode.commands.executeCommand('runbookGate.resetRun', uri());
    const running = click<StepRecord>(lensFor(await codeLenses(uri()), 'runStep', 'call-api'));
    const done = await Promise.race([running.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 20_000))]);
    if (!done) await ui({ action: 'pressInInput', key: 'Escape' });
    assert.equal(done, true, 'the run did not wait for a prompt: the secret came from SecretStorage');
    const step = await running;
    assert.equal(step?.status, 'passed', step?.outcome);
    assert.equal(step.attempts.length, 1, 'a new run directory');
    assert.equal(api.panel.hits(SECRET), 0);
  });

  test('"Forget Stored Secrets" forgets it; Escape at the next prompt cancels the run', async function () {
    needsUi(this);
    const api = await activateExtension();
    const forgotten = await vscode.commands.executeCommand<string[]>('runbookGate.forgetSecrets');
    assert.deepEqual(forgotten, ['SERVICE_API_TOKEN']);
    const running = click<StepRecord | undefined>(lensFor(await codeLenses(uri()), 'runStep', 'call-api'));
    const escaped = await ui({ action: 'pressInInput', key: 'Escape' });
    assert.equal(escaped.ok, true, escaped.error);
    const step = await running;
    assert.equal(step?.attempts.length ?? 1, 1, 'no attempt was made');
    assert.ok(api.notifications.some((n) => /cancelled/i.test(n.message) && /SERVICE_API_TOKEN/.test(n.message)), JSON.stringify(api.notifications.slice(-3)));
    assert.equal(api.run(uri()).busy, false);
  });
});

// PRODUCT.md's test of the product, in the editor: seed 001 unchanged, a fake `cargo` on the
// extension host's PATH (the harness puts test/fixtures/harness/path first), GitHub answered by
// the loopback stand-in. Run stage 0 from its lens, mark its manual check from its lens (the
// note typed into the input box by the harness), and Stage 0 reads PASS in lens and panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunRecord } from '../../../src/core/run/record';
import { startGithubStandIn, type GithubStandIn } from '../../support/githubStandIn';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activateExtension, click, codeLenses, describe, eventually, lensesOnceModelled, lensFor, openRunbook, setSetting, titlesOnLine, workspaceRoot, workspaceUri } from '../helpers';
import { needsUi, ui } from '../ui';

const ISSUES = [1858, 1859, 1860, 1861, 1862];

suite('seed 001, as written', () => {
  let github: GithubStandIn;
  const restore: Array<() => Thenable<void>> = [];
  const uri = () => workspaceUri('runbooks', 'rollout.md');

  suiteSetup(async () => {
    github = await startGithubStandIn({ issues: ISSUES.map((number, i) => ({ repo: 'acme/khala', number, title: `OA-RUST-04${3 + i}`, state: 'closed' as const })) });
    restore.push(await setSetting('github.apiUrl', github.url), await setSetting('github.repository', 'acme/khala'));
    await activateExtension();
  });

  suiteTeardown(async () => {
    for (const undo of restore) await undo();
    await github.close();
  });

  test('Run stage 0 from its lens: dependencies looked up, contract tests run, the manual check waits', async () => {
    await openRunbook(uri());
    const lenses = await codeLenses(uri());
    const stage0 = lensFor(lenses, 'runStage', 'stage-0');
    assert.match(stage0.command!.title, /Run stage/);
    const checks = (id: string, line: number) => titlesOnLine(lenses, line).join(' | ') + ` (${id})`;
    assert.match(checks('stage-0.1', 17), /dependency gate: 5 issues/);
    assert.match(checks('stage-0.2', 18), /runs `Runtime WS health`/);
    assert.match(checks('stage-0.3', 19), /manual:.*Mark passed.*failed.*blocked/);
    assert.match(checks('stage-1.2', 22), /hold 60 min/);
    await ui({ action: 'screenshot', name: 'lenses-seed-001' });

    const record = await click<RunRecord>(stage0);
    assert.ok(record?.checks, `Run stage returned the record: ${JSON.stringify(record)}`);
    const check = (id: string) => record.checks.find((c) => c.id === id)!;
    assert.equal(check('stage-0.1').status, 'passed', check('stage-0.1').outcome);
    assert.equal(github.requestsTo('get-issue').length, 5, 'each dependency issue looked up once on the stand-in');
    assert.equal(check('stage-0.2').status, 'passed', check('stage-0.2').outcome);
    assert.match(check('stage-0.2').outcome, /49 passed/);
    assert.equal(check('stage-0.3').status, 'pending', 'the manual check waits for a person');
    const after = await codeLenses(uri());
    assert.ok(titlesOnLine(after, 16).some((t) => /NOT RUN/.test(t)), `Stage 0 is not PASS before its manual check: ${describe(after.filter((l) => l.range.start.line === 16))}`);
  });

  test('mark the manual check from its lens with a note: Stage 0 PASS in lens and panel', async function () {
    needsUi(this);
    const api = await activateExtension();
    const mark = lensFor(await codeLenses(uri()), 'markCheck', 'stage-0.3');
    assert.match(mark.command!.title, /Mark passed/);
    const marking = click<RunRecord>(mark);
    const typed = await ui({ action: 'fillInput', text: 'sync tables healthy, backfill done' });
    assert.equal(typed.ok, true, typed.error);
    const record = await marking;
    const manual = record.checks.find((c) => c.id === 'stage-0.3')!;
    assert.equal(manual.status, 'passed');
    assert.equal(manual.mark?.note, 'sync tables healthy, backfill done');

    const lenses = await codeLenses(uri());
    const verdict = titlesOnLine(lenses, 16).find((t) => /PASS|FAIL|BLOCKED|NOT RUN|HOLDING/.test(t));
    assert.match(verdict ?? '', /PASS/, `the stage lens reads PASS: ${JSON.stringify(titlesOnLine(lenses, 16))}`);

    await vscode.commands.executeCommand('runbookGate.showPanel', uri());
    const panel = await eventually('the panel to show Stage 0 PASS', async () => {
      const probe = await api.panel.probe().catch(() => undefined);
      return probe && /Stage 0[\s\S]*PASS/.test(probe.text) ? probe : undefined;
    }, 30_000);
    assert.match(panel.text, /sync tables healthy/);
    for (const n of ISSUES) assert.match(panel.text, new RegExp(`#${n}[^\\n]*CLOSED`), `the panel lists #${n} and its state`);
    assert.match(panel.text, /49 passed/);
    // The workbench redraws lenses after its own debounce: what it renders, once it has.
    let shown: string[] = [];
    await eventually('the workbench to render the PASS lens', async () => {
      shown = (await ui({ action: 'lensTexts' })).texts as string[];
      return shown.some((t) => /PASS/.test(t)) ? true : undefined;
    }).catch(() => assert.fail(`the workbench renders a PASS lens: ${JSON.stringify(shown)} (lenses ${JSON.stringify(api.lensCounts)}; trail:\n${api.lensTrail.join('\n')})`));
  });

  test('stage 1: its hold starts with the stage and the lens counts down', async () => {
    const api = await activateExtension();
    const marked = await vscode.commands.executeCommand<RunRecord>('runbookGate.markCheck', uri(), 'stage-1.1', { status: 'passed', note: 'internal cohort routed' });
    assert.equal(marked.checks.find((c) => c.id === 'stage-1.1')?.status, 'passed');
    const record = await click<RunRecord>(lensFor(await codeLenses(uri()), 'runStage', 'stage-1'));
    const hold = record.checks.find((c) => c.id === 'stage-1.2')!;
    assert.equal(hold.status, 'holding', hold.outcome);
    const lenses = await codeLenses(uri());
    const verdict = titlesOnLine(lenses, 20).join(' | ');
    assert.match(verdict, /HOLDING · (59|60) min left/, verdict);
    assert.match(titlesOnLine(lenses, 22).join(' | '), /holding · (59|60) min left/);
    // The panel hears of the run after the command has answered: its next state shows the hold.
    await eventually('the panel to count the hold down', async () => {
      const probe = await api.panel.probe().catch(() => undefined);
      return probe && /(59|60) min left/.test(probe.text) ? true : undefined;
    }, 20_000);
  });

  test('Generate gate report: written where the runbook says, opened beside it, No-Go offers GitHub', async () => {
    const api = await activateExtension();
    const result = await vscode.commands.executeCommand<{ decision: string; reportPath: string; reportFile: string }>('runbookGate.generateReport', uri());
    assert.equal(result?.decision, 'No-Go', JSON.stringify(result));
    assert.match(result.reportPath, /^docs\/sync\/status\/\d{4}-\d{2}-\d{2}-.*\.md$/, 'the folder the runbook\'s "Required artifacts" names');
    assert.ok(existsSync(join(workspaceRoot(), result.reportPath)));
    const report = readFileSync(result.reportFile, 'utf8');
    assert.match(report, /Stage 0/);
    assert.match(report, /49 passed/);
    assert.match(report, /#1858/);
    assert.match(report, /No-Go/);
    await eventually('the report to open', () => (vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === result.reportFile) ? true : undefined));
    const reportUri = vscode.Uri.file(result.reportFile);
    assert.deepEqual((await lensesOnceModelled(reportUri)).map((l) => l.command?.title), [], 'the report is not read as a runbook');
    assert.ok(api.notifications.some((n) => /^No-Go: report written to docs\/sync\/status\//.test(n.message)), JSON.stringify(api.notifications.slice(-2)));
    await ui({ action: 'screenshot', name: 'report' });
  });

  test('Post on GitHub: a confirmation lists what will be created; remediation issues are opened once', async () => {
    const api = await activateExtension();
    // Stage 2 blocked, as in seed 000 ("no non-prod service"): a blocker to remediate.
    await click(lensFor(await codeLenses(uri()), 'runStage', 'stage-2'));
    await vscode.commands.executeCommand('runbookGate.markCheck', uri(), 'stage-2.1', { status: 'blocked', note: 'no non-prod service to canary on' });
    const before = github.issues().length;
    const unanswered = await vscode.commands.executeCommand('runbookGate.publishReport', uri());
    assert.equal(unanswered, undefined);
    const asked = api.notifications.filter((n) => /Post to GitHub/.test(n.message)).at(-1);
    assert.match(asked?.message ?? '', /Post to GitHub \(acme\/khala\): no comment and \d+ remediation issues?\?/);
    assert.equal(github.issues().length, before, 'nothing was created without a yes');
    const posted = await vscode.commands.executeCommand<{ issues: Array<{ title: string; existed: boolean }> }>('runbookGate.publishReport', uri(), { yes: true });
    assert.ok(posted.issues.length > 0 && posted.issues.every((i) => !i.existed), JSON.stringify(posted));
    const created = github.issues().slice(before);
    assert.equal(created.length, posted.issues.length);
    assert.ok(created.every((i) => i.labels?.includes('runbook-gate')), JSON.stringify(created.map((i) => i.labels)));
    const again = await vscode.commands.executeCommand<{ issues: Array<{ existed: boolean }> }>('runbookGate.publishReport', uri(), { yes: true });
    assert.ok(again.issues.every((i) => i.existed), 'the same titles are found open, not created twice');
    assert.equal(github.issues().length, before + posted.issues.length);
  });
});

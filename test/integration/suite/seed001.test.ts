// PRODUCT.md's test of the product, in the editor: seed 001 unchanged, a fake `cargo` on the
// extension host's PATH (the harness puts test/fixtures/harness/path first), GitHub answered by
// the loopback stand-in. Run stage 0 from its lens, mark its manual check from its lens (the
// note typed into the input box by the harness), and Stage 0 reads PASS in lens and panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunRecord } from '../../../src/core/run/record';
import { startGithubStandIn, type GithubStandIn } from '../../support/githubStandIn';
import { activateExtension, click, codeLenses, describe, eventually, lensFor, openRunbook, setSetting, titlesOnLine, workspaceUri } from '../helpers';
import { ui } from '../ui';

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

  test('mark the manual check from its lens with a note: Stage 0 PASS in lens and panel', async () => {
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
    const shown = await ui({ action: 'lensTexts' });
    assert.ok((shown.texts as string[]).some((t) => /PASS/.test(t)), `the workbench renders a PASS lens: ${JSON.stringify(shown.texts)}`);
  });
});

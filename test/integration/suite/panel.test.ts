// The side panel: hostile output (markup, an OSC 8 `javascript:` link, ANSI colours, `\r`
// progress) rendered as text with colours, under a CSP of `default-src 'none'` and a nonce; a
// 5 MB burst rendered in batches (frame gaps and Quick Open latency printed, not asserted).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StepRecord } from '../../../src/core/run/record';
import { activateExtension, click, codeLenses, eventually, lensFor, openRunbook, workspaceUri } from '../helpers';
import { needsUi, ui } from '../ui';

const uri = () => workspaceUri('runbooks', 'hostile.md');

suite('the side panel', () => {
  test('hostile output is text: nothing executes, colours render, the CSP holds', async () => {
    const api = await activateExtension();
    await openRunbook(uri());
    await vscode.commands.executeCommand('runbookGate.showPanel', uri());
    await eventually('the panel to load', () => api.panel.probe().then(() => true, () => undefined), 30_000);
    const step = await click<StepRecord>(lensFor(await codeLenses(uri()), 'runStep', 'hostile'));
    assert.equal(step?.status, 'passed', step?.outcome);
    const probe = await eventually('the output in the panel', async () => {
      const p = await api.panel.probe();
      return /progress 100%/.test(p.output) ? p : undefined;
    });
    assert.match(probe.output, /<script>window.__rgHostile = true<\/script>/, 'the markup shows as text');
    assert.match(probe.output, /<img src=x onerror=/);
    assert.match(probe.output, /click me/);
    assert.doesNotMatch(probe.output, /progress 10%|progress 50%/, '\\r rewrote the progress line');
    assert.doesNotMatch(probe.output, /javascript:|\]8;;/, 'the OSC 8 link and its target are gone');
    assert.equal(probe.hostileRan, false, 'nothing the output held ran');
    assert.ok(probe.scripts.every((s) => !s.includes('__rgHostile')), `no script from the output: ${JSON.stringify(probe.scripts)}`);
    assert.equal(probe.scripts.filter((s) => /\/dist\/webview\.js$/.test(s)).length, 1, 'the panel\'s own script, once');
    assert.equal(probe.images, 0);
    assert.equal(probe.handlers, 0, 'no inline event handler attributes');
    assert.ok(probe.links.every((href) => href === '#'), `no link from the output: ${JSON.stringify(probe.links)}`);
    assert.ok(probe.outputClasses.includes('ansi-red-fg') && probe.outputClasses.includes('ansi-green-fg') && probe.outputClasses.includes('ansi-bold'), JSON.stringify(probe.outputClasses));
    assert.match(probe.csp, /^default-src 'none';/);
    assert.match(probe.csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.doesNotMatch(probe.csp, /unsafe-inline|unsafe-eval/);
    await ui({ action: 'screenshot', name: 'panel-hostile-output' });
  });

  test('a 5 MB burst streams in batches (frame gaps printed)', async function () {
    needsUi(this);
    const api = await activateExtension();
    const idle = await ui({ action: 'frameGaps', durationMs: 2000 });
    const running = click<StepRecord>(lensFor(await codeLenses(uri()), 'runStep', 'burst'));
    const gaps = await ui({ action: 'frameGaps', durationMs: 4000 });
    const quickOpen = await ui({ action: 'quickOpenLatency' });
    const step = await running;
    assert.equal(step?.status, 'passed', `a reader that stops early (| head) does not fail the step: ${step?.outcome}`);
    const probe = await eventually('the burst rendered', async () => {
      const p = await api.panel.probe();
      return /not shown/.test(p.output) ? p : undefined;
    }, 30_000);
    assert.match(probe.output, /Open full log/);
    type Gaps = { max: number; p95: number; frames: number } | null | undefined;
    const show = (g: Gaps) => (g ? `max gap ${g.max.toFixed(0)} ms, p95 ${g.p95.toFixed(0)} ms, ${g.frames} frames` : 'n/a');
    console.log(`[rg-test]     5 MB burst: workbench ${show(gaps.workbench as Gaps)} in 4 s (idle before: ${show(idle.workbench as Gaps)} in 2 s); panel ${show(gaps.panel as Gaps)}; Quick Open during it ${String(quickOpen.ms)} ms; step ${step?.attempts.at(-1)?.durationMs} ms, ${step?.attempts.at(-1)?.logBytes} bytes logged`);
  });
  test('a very long runbook: the panel lists its first 300 stages and says what it leaves out', async () => {
    const api = await activateExtension();
    const long = workspaceUri('runbooks', 'long.md');
    const stages = Array.from({ length: 400 }, (_, i) => `## Stage ${i + 1}: Part ${i + 1}\n\n- Check part ${i + 1}\n`).join('\n');
    await vscode.workspace.fs.writeFile(long, new TextEncoder().encode(`# Long runbook\n\n${stages}`));
    await openRunbook(long);
    await vscode.commands.executeCommand('runbookGate.showPanel', long);
    const probe = await eventually('the panel to show the long runbook', async () => {
      const p = await api.panel.probe().catch(() => undefined);
      return p && /too long to show whole/.test(p.text) ? p : undefined;
    }, 30_000);
    assert.match(probe.text, /Stage 300 \(Part 300\)/);
    assert.doesNotMatch(probe.text, /Stage 301 \(Part 301\)/);
    assert.match(probe.text, /100 stages, 100 checks are not listed/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

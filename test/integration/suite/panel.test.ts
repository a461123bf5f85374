// The side panel: hostile output (markup, an OSC 8 `javascript:` link, ANSI colours, `\r`
// progress) rendered as text with colours, under a CSP of `default-src 'none'` and a nonce; a
// 5 MB burst rendered in batches (frame gaps and Quick Open latency printed, not asserted).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StepRecord } from '../../../src/core/run/record';
import { activateExtension, click, codeLenses, eventually, lensFor, openRunbook, workspaceUri } from '../helpers';
import { ui } from '../ui';

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
      return /progress 100%/.test(p.text) ? p : undefined;
    });
    assert.match(probe.text, /<script>window.__rgHostile = true<\/script>/, 'the markup shows as text');
    assert.match(probe.text, /<img src=x onerror=/);
    assert.match(probe.text, /click me/);
    assert.doesNotMatch(probe.text, /progress 10%|progress 50%/, '\\r rewrote the progress line');
    assert.equal(probe.hostileRan, false, 'nothing the output held ran');
    assert.equal(probe.scripts, 1, 'only the panel\'s own script');
    assert.equal(probe.images, 0);
    assert.equal(probe.handlers, 0, 'no inline event handler attributes');
    assert.ok(probe.links.every((href) => href === '#'), `no link from the output: ${JSON.stringify(probe.links)}`);
    assert.ok(probe.outputClasses.includes('ansi-red-fg') && probe.outputClasses.includes('ansi-green-fg') && probe.outputClasses.includes('ansi-bold'), JSON.stringify(probe.outputClasses));
    assert.match(probe.csp, /^default-src 'none';/);
    assert.match(probe.csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.doesNotMatch(probe.csp, /unsafe-inline|unsafe-eval/);
    await ui({ action: 'screenshot', name: 'panel-hostile-output' });
  });

  test('a 5 MB burst streams in batches (frame gaps printed)', async () => {
    const api = await activateExtension();
    const running = click<StepRecord>(lensFor(await codeLenses(uri()), 'runStep', 'burst'));
    const gaps = await ui({ action: 'frameGaps', durationMs: 4000 });
    const quickOpen = await ui({ action: 'quickOpenLatency' });
    const step = await running;
    assert.equal(step?.status, 'passed', `a reader that stops early (| head) does not fail the step: ${step?.outcome}`);
    const probe = await eventually('the burst rendered', async () => {
      const p = await api.panel.probe();
      return /earlier lines? not shown/.test(p.text) ? p : undefined;
    }, 30_000);
    assert.match(probe.text, /Open full log/);
    const workbench = gaps.workbench as { max: number; p95: number; frames: number } | undefined;
    const panel = gaps.panel as { max: number; p95: number; frames: number } | null;
    console.log(`[rg-test]     5 MB burst: workbench frames max gap ${workbench?.max.toFixed(0)} ms (p95 ${workbench?.p95.toFixed(0)} ms, ${workbench?.frames} frames in 4 s); panel max gap ${panel ? panel.max.toFixed(0) : 'n/a'} ms; Quick Open ${String(quickOpen.ms)} ms`);
  });
});

// Edit -> lens on a 300 KB runbook: what the extension itself spends (re-modelling the edited
// document, then provideCodeLenses) is printed, as is the whole round trip through VS Code.
// Numbers are printed, not asserted (no timing assertions in the suite).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, codeLenses, eventually, openRunbook, sleep, workspaceUri } from '../helpers';

/** Seed-001-like stages, repeated to about `bytes`. */
function bigRunbook(bytes: number): string {
  const parts = ['# Large rollout runbook\n\nOwner: perf lane\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const part = [
      `\n## Stage ${i}: Wave ${i}\n`,
      `- [ ] Validate dependency issues #${1000 + i} and #${2000 + i} are closed.`,
      `- [ ] Run the wave ${i} contract tests.`,
      '',
      '  ```bash {"name":"wave-' + i + '-tests"}',
      `  echo "wave ${i}" && test -n "$HOME"`,
      '  ```',
      '',
      `- [ ] Keep the wave ${i} cohort for at least 60 minutes.`,
      `- [ ] Verify dashboards for wave ${i} look healthy and nothing regressed in the last hour of traffic.`,
      '',
      `Notes for wave ${i}: ${'the operator writes down what they saw, who they asked and what changed. '.repeat(6)}`,
      '',
    ].join('\n');
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

suite('performance', () => {
  test('edit -> lens on a 300 KB runbook', async function () {
    this.timeout(180_000);
    const api = await activateExtension();
    const uri = workspaceUri('runbooks', 'large.md');
    writeFileSync(uri.fsPath, bigRunbook(300 * 1024));
    const editor = await openRunbook(uri);
    const first = performance.now();
    const lenses = await codeLenses(uri, 40);
    const firstMs = performance.now() - first;
    const placed = api.lensTiming(uri)?.lenses ?? 0;
    assert.ok(lenses.length > 0 && placed > 50 && placed < 1500, `lenses around what is on screen, not on all 1,500 items (${placed})`);
    const own: number[] = [];
    const background: number[] = [];
    const slices: number[] = [];
    const roundTrip: number[] = [];
    let shifted = 0;
    for (let i = 0; i < 15; i++) {
      const line = 40 + i * 13; // on screen: where a person edits
      const at = new vscode.Position(line, editor.document.lineAt(line).text.length);
      const started = performance.now();
      await editor.edit((edit) => edit.insert(at, ' x'));
      const version = editor.document.version;
      await codeLenses(uri, 40); // about a screenful resolved, as the editor does
      roundTrip.push(performance.now() - started);
      const timing = await eventually('the lens timing of the edited version', () => {
        const t = api.lensTiming(uri);
        return t && t.version === version ? t : undefined;
      });
      own.push(timing.modelMs + timing.provideMs);
      if (timing.shifted) shifted++;
      const rebuilt = await eventually('the re-model of the edited version', () => {
        const t = api.modelTiming(uri);
        return t && t.version >= version && t.modelMs > 0 ? t : undefined;
      });
      assert.equal(rebuilt.modeledIn, 'worker', `re-modelled on the parser's worker thread (${rebuilt.workerFailure ?? ''})`);
      background.push(rebuilt.modelMs);
      if (rebuilt.longestSliceMs !== null) slices.push(rebuilt.longestSliceMs);
      await sleep(50);
    }
    // Scrolling far down places the lenses there.
    editor.revealRange(new vscode.Range(4000, 0, 4000, 0), vscode.TextEditorRevealType.AtTop);
    const below = await eventually('lenses around line 4000 after scrolling', async () => {
      const found = await codeLenses(uri, 40);
      return found.length > 0 && found.every((l) => l.range.start.line >= 3600 && l.range.start.line <= 4400) ? found : undefined;
    });
    console.log(`[rg-test]     300 KB runbook (${editor.document.lineCount} lines): first lenses ${firstMs.toFixed(0)} ms (${placed} lenses placed around the screen); after scrolling to line 4000, lenses there (${below.length} resolved)`);
    console.log(`[rg-test]     edit -> lens: the extension's own work until provideCodeLenses returns ${median(own).toFixed(2)} ms median, max ${Math.max(...own).toFixed(2)} ms (${shifted}/15 placed from the previous model carried through the edit); then the re-model of the edited version ${median(background).toFixed(0)} ms median, max ${Math.max(...background).toFixed(0)} ms (the parser's worker thread, after the lenses; longest stretch the host spent taking the model in without yielding ${slices.length ? `${median(slices).toFixed(1)} ms median, max ${Math.max(...slices).toFixed(1)} ms` : 'n/a'}); round trip through VS Code (40 lenses resolved, as on screen) ${median(roundTrip).toFixed(0)} ms`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

// Entry of the main integration suite (workspace trusted): bundled by the harness to
// out/integration/suite.cjs and loaded by VS Code as `extensionTestsPath`.
import { runMocha } from '../runMocha';

export function run(): Promise<void> {
  return runMocha('main', async () => {
    await import('./activation.test');
    await import('./runStep.test');
    await import('./runStage.test');
    await import('./generateReport.test');
    await import('./example.test');
    await import('./diagnostics.test');
    await import('./dependencies.test');
    await import('./manual.test');
  });
}

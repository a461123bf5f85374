// Entry of the main integration suite (workspace trusted): bundled by the harness and loaded by
// VS Code as `extensionTestsPath`. Activation first: it measures a cold start.
import { runMocha } from '../runMocha';

export function run(): Promise<void> {
  return runMocha('main', async () => {
    await import('./activation.test');
    await import('./seed001.test');
    await import('./cancelRerun.test');
    await import('./resume.test');
    await import('./midRun.test');
    await import('./checkboxes.test');
    await import('./secrets.test');
    await import('./panel.test');
    await import('./confirmations.test');
    await import('./diagnostics.test');
    await import('./performance.test');
  });
}

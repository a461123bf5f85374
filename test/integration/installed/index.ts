// Entry of the installed-VSIX suite: the harness installs the packaged VSIX into a fresh
// extensions dir and runs this suite with only a placeholder extension under development.
import { runMocha } from '../runMocha';

export function run(): Promise<void> {
  return runMocha('installed', async () => {
    await import('./installed.test');
  });
}

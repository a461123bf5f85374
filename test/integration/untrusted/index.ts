// Entry of the untrusted-workspace suite: the harness runs it with workspace trust on and
// the fixture folder untrusted; running a step must be refused.
import { runMocha } from '../runMocha';

export function run(): Promise<void> {
  return runMocha('untrusted', async () => {
    await import('./refuses.test');
  });
}

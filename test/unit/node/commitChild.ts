// Run by runStore.test.ts in its own process: waits for a shared start time (so the writers
// really contend), then commits N notes to a run directory one by one.
// argv: run directory, writer name, count, start time (ms since epoch).
import { FileRunStore } from '../../../src/node/runStore';

const [dir, writer, count, startAt] = process.argv.slice(2) as [string, string, string, string];
const store = new FileRunStore(dir);
while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 5));
for (let i = 0; i < Number(count); i++) {
  const at = new Date().toISOString();
  await store.commit([{ type: 'note-added', at, note: { kind: 'scope', text: `${writer}-${i}`, by: writer, at } }]);
}

// `npm run test:security`: the security suite of issue 7 (test/security/*.security.test.ts),
// end to end on the real CLI, real processes and a loopback GitHub. Prints its tally as
// "security: N passed, N failed" and fails when any case fails. The editor's half (Restricted
// Mode with a hostile .vscode/settings.json) runs in the real VS Code: the "untrusted" suite.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const dir = 'test/security';
const files = readdirSync(dir).filter((name) => name.endsWith('.security.test.ts')).sort().map((name) => join(dir, name));
const result = spawnSync(process.execPath, ['--import', './scripts/dev-loader.mjs', '--test', '--test-reporter=spec', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(result.stdout)?.[1] ?? NaN);
const passed = count('pass');
const failed = count('fail');
console.log(`security: ${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 && Number.isFinite(passed) ? 0 : 1);

// Runs mocha programmatically inside the extension host (the `run()` contract shared by
// code-server and @vscode/test-electron). Tests are bundled into the suite, so they are
// loaded lazily after mocha has installed its TDD globals (`suite`, `test`, ...).
import Mocha from 'mocha';

/** Prefix of every reporter line; the code-server harness prints only these lines. */
export const LINE_PREFIX = '[rg-test]';
/** The line the harness parses; keep in sync with scripts/vscode/suiteRunner.mjs. */
export const RESULT_MARKER = 'RUNBOOK_GATE_RESULT';

interface Counts { passed: number; failed: number; pending: number }

function say(text: string): void {
  for (const line of text.split('\n')) console.log(`${LINE_PREFIX} ${line}`);
}

/** A spec-like reporter whose every line carries LINE_PREFIX (the workbench console mixes sources). */
function prefixedReporter(counts: Counts) {
  const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  return class PrefixedReporter {
    constructor(runner: Mocha.Runner) {
      let depth = 0;
      const failures: { title: string; error: Error }[] = [];
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        depth = suite.titlePath().length;
        if (suite.title) say(`${'  '.repeat(depth - 1)}${suite.title}`);
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        counts.passed += 1;
        say(`${'  '.repeat(depth)}✔ ${test.title}`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        counts.pending += 1;
        say(`${'  '.repeat(depth)}- ${test.title} (pending)`);
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
        counts.failed += 1;
        failures.push({ title: test.fullTitle(), error });
        say(`${'  '.repeat(depth)}✘ ${test.title}`);
      });
      runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
        failures.forEach(({ title, error }, index) => {
          say(`\n${index + 1}) ${title}\n   ${error.message}`);
          const stack = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 4);
          if (stack.length > 0) say(stack.join('\n'));
        });
        say(`\n${counts.passed} passing, ${counts.failed} failing${counts.pending ? `, ${counts.pending} pending` : ''}`);
      });
    }
  };
}

export async function runMocha(name: string, loadTests: () => Promise<unknown>): Promise<void> {
  const counts: Counts = { passed: 0, failed: 0, pending: 0 };
  // `run-integration.mjs --grep PATTERN` runs only the tests whose full title matches.
  const grep = process.env.RUNBOOK_GATE_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  mocha.reporter(prefixedReporter(counts) as unknown as typeof Mocha.reporters.Base);
  mocha.suite.emit('pre-require', globalThis, `${name}.test`, mocha);
  try {
    await loadTests();
  } catch (error) {
    say(`cannot load the ${name} tests: ${(error as Error).stack ?? error}`);
    counts.failed += 1;
  }
  if (counts.failed === 0) await new Promise<void>((resolve) => mocha.run(() => resolve()));
  console.log(`${LINE_PREFIX} ${RESULT_MARKER} ${JSON.stringify({ suite: name, ...counts })}`);
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
  if (counts.passed === 0) throw new Error('no integration test ran');
}

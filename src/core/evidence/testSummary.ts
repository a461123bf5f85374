// Recognises the summary line of common test runners in a tail of output.
// Each recogniser returns a short phrase for the report ("49 passed", "4 tests, 0 failures").

type Recogniser = (text: string) => string | null;

function lastMatch(text: string, pattern: RegExp): RegExpMatchArray | null {
  let last: RegExpMatchArray | null = null;
  for (const match of text.matchAll(pattern)) last = match;
  return last;
}

function joinCounts(parts: Array<[number, string]>): string {
  return parts.filter(([n], i) => n > 0 || i === 0).map(([n, word]) => `${n} ${word}`).join(', ');
}

// cargo: "test result: ok. 49 passed; 0 failed; 0 ignored; ..." once per test binary: summed.
const cargo: Recogniser = (text) => {
  let passed = 0;
  let failed = 0;
  let found = false;
  for (const m of text.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed;/g)) {
    found = true;
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  return found ? joinCounts([[passed, 'passed'], [failed, 'failed']]) : null;
};

// ExUnit: "4 tests, 0 failures", "1 doctest, 10 tests, 1 failure, 2 excluded"; with the
// "Finished in 4.0 seconds (0.00s async, 4.0s sync)" line printed just before it, reports quote
// it as "4 tests, 0 failures, finished in 4.0s" (seed 004).
const exunit: Recogniser = (text) => {
  const m = lastMatch(text, /^((?:\d+ (?:doctests?|propert(?:y|ies)), )*\d+ tests?, \d+ failures?(?:, \d+ (?:excluded|skipped|invalid))*)/gm);
  if (!m) return null;
  const before = text.slice(0, m.index ?? 0).split(/\r?\n/).slice(-4).join('\n');
  const finished = lastMatch(before, /^Finished in ([\d.]+) seconds?\b/gm);
  return finished ? `${m[1]!}, finished in ${finished[1]!}s` : m[1]!;
};

// Jest: "Tests:       1 failed, 5 passed, 6 total"; Vitest: "Tests  1 failed | 4 passed (5)".
const jestVitest: Recogniser = (text) => {
  const jest = lastMatch(text, /^Tests:\s+(.*\d+ total)\s*$/gm);
  if (jest) return jest[1]!.replace(/\s+/g, ' ');
  const vitest = lastMatch(text, /^\s*Tests\s+((?:\d+ \w+(?: \| )?)+)\s*\(\d+\)\s*$/gm);
  return vitest ? vitest[1]!.trim().split(/\s*\|\s*/).join(', ') : null;
};

// Mocha: "  5 passing (12ms)", "  1 failing", "  2 pending".
const mocha: Recogniser = (text) => {
  const passing = lastMatch(text, /^\s*(\d+) passing \(/gm);
  if (!passing) return null;
  const after = text.slice(passing.index ?? 0);
  const failing = /^\s*(\d+) failing\s*$/m.exec(after);
  const pending = /^\s*(\d+) pending\s*$/m.exec(after);
  return [`${passing[1]} passing`, failing && `${failing[1]} failing`, pending && `${pending[1]} pending`]
    .filter(Boolean)
    .join(', ');
};

// node:test, TAP ("# pass 4") or spec ("ℹ pass 4") reporter.
const nodeTest: Recogniser = (text) => {
  const tests = lastMatch(text, /^(?:#|ℹ) tests (\d+)\s*$/gm);
  if (!tests) return null;
  const after = text.slice(tests.index ?? 0);
  const pass = /^(?:#|ℹ) pass (\d+)\s*$/m.exec(after);
  const fail = /^(?:#|ℹ) fail (\d+)\s*$/m.exec(after);
  if (!pass || !fail) return null;
  return joinCounts([[Number(pass[1]), 'passed'], [Number(fail[1]), 'failed']]);
};

// pytest: "==== 3 passed, 1 failed, 2 warnings in 0.12s ====", or "3 passed in 0.05s" with -q.
const PYTEST_WORDS = '(?:passed|failed|skipped|xfailed|xpassed|errors?|warnings?|deselected|rerun)';
const pytest: Recogniser = (text) => {
  const bars = lastMatch(text, /^=+ ((?:\d+ \w+(?:, )?)+) in [\d.]+s(?: \([^)]*\))? =+\s*$/gm);
  if (bars) return bars[1]!.trim().replace(/,$/, '');
  const quiet = lastMatch(text, new RegExp(`^((?:\\d+ ${PYTEST_WORDS}(?:, )?)+) in [\\d.]+s\\s*$`, 'gm'));
  return quiet ? quiet[1]!.trim().replace(/,$/, '') : null;
};

// go test: "ok  \tpkg\t0.01s" and "FAIL\tpkg\t0.02s" per package.
const goTest: Recogniser = (text) => {
  const ok = [...text.matchAll(/^ok\s+\S+\s+(?:[\d.]+s|\(cached\))/gm)].length;
  const failed = [...text.matchAll(/^FAIL\s+(\S+)\s+[\d.]+s/gm)].map((m) => m[1]);
  if (ok + failed.length === 0) return null;
  const parts = [`${ok} package${ok === 1 ? '' : 's'} ok`];
  if (failed.length) parts.push(`${failed.length} failed (${failed.join(', ')})`);
  return parts.join(', ');
};

// A raw TAP stream (a plan and its test points, TODO not counted as failures) and prove's
// "Files=2, Tests=42, ..." with its "Failed: N" summary lines.
const tap: Recogniser = (text) => {
  if (!/^(?:TAP version \d+|1\.\.\d+)\s*$/m.test(text)) return null;
  const bail = lastMatch(text, /^Bail out!\s*(.*)$/gm);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const m of text.matchAll(/^(not )?ok\b[^\n#]*(?:#\s*(skip|todo)\S*)?/gim)) {
    const directive = m[2]?.toLowerCase();
    if (directive === 'skip') skipped++;
    else if (m[1] && directive !== 'todo') failed++;
    else passed++;
  }
  if (passed + failed + skipped === 0) return bail ? `bailed out: ${bail[1]!.trim()}` : null;
  const counts = [[passed, 'passed'], [failed, 'failed'], [skipped, 'skipped']] as Array<[number, string]>;
  return joinCounts(counts) + (bail ? `, bailed out: ${bail[1]!.trim()}` : '');
};

const prove: Recogniser = (text) => {
  const files = lastMatch(text, /^Files=\d+, Tests=(\d+),/gm);
  if (!files) return null;
  const failed = [...text.matchAll(/\bTests: \d+ Failed: (\d+)\)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  return joinCounts([[Number(files[1]), 'tests'], [failed, 'failed']]);
};

const recognisers: Recogniser[] = [cargo, exunit, jestVitest, mocha, nodeTest, pytest, goTest, prove, tap];

/** The summary line of the last test run in the output, or null when no runner's summary is there. */
export function testSummary(text: string): string | null {
  for (const recognise of recognisers) {
    const found = recognise(text);
    if (found) return found;
  }
  return null;
}

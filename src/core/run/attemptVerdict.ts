// The verdict of an attempt: how the process ended and what it printed (the outcome line),
// then what it wrote — a results file makes the harness's rows the verdict whatever the exit
// code (seed 002) — then the KPI gates it observes, by a value read from its JSON output or
// by its own verdict.
import type { ProcessOutcome } from '../ports';
import type { Gate, Step } from '../runbook/model';
import type { HarnessResults, StepStatus, ValueReading } from './record';
import { decideOutcome } from '../evidence/outcome';
import { harnessVerdict, parseResultsFile, resultsFileCandidates } from '../evidence/harness';
import { evaluateOutcomeForGate, evaluateThresholds, readJsonValue } from '../evidence/values';

/** Reads a results file a step wrote, through the workspace guard; only files changed since the step started. */
export interface ResultsReader {
  read(cwd: { relative: string; absolute: string }, path: string, since: Date): Promise<{ file: string; text: string } | { file: string; error: string } | null>;
  /** Gates of the runbook, for thresholds. */
  gate(id: string): Gate | undefined;
  /** The attempt's whole log (masked output), for values read from JSON larger than the output tails. */
  log(logPath: string): Promise<string | null>;
}

export interface OutputSummary {
  stdoutTail: string;
  stderrTail: string;
  combinedTail: string;
  expectMatched: boolean;
  /** The `expect` annotation could not be compiled (RE2 syntax): the step cannot be judged by it. */
  expectError?: string | null;
  logError: string | null;
}

export interface JudgeInput {
  step: Step;
  logPath: string | null;
  end: ProcessOutcome;
  output: OutputSummary;
  timeoutMs: number;
  logError: string | null;
  cwd: { relative: string; absolute: string };
  startedAt: Date;
  results: ResultsReader;
  signal: AbortSignal | undefined;
}

export interface Judged {
  status: StepStatus;
  outcome: string;
  results: HarnessResults | null;
  values: ValueReading[];
  observations: Array<{ gateId: string; status: 'green' | 'red' | 'blocked'; value: ValueReading['value']; note: string }>;
}

export async function judgeAttempt(input: JudgeInput): Promise<Judged> {
  const { step, end, output } = input;
  if (end.cancelled) {
    const why = input.signal?.reason instanceof Error ? input.signal.reason.message : typeof input.signal?.reason === 'string' ? input.signal.reason : '';
    return { status: 'cancelled', outcome: why ? `cancelled (${why})` : 'cancelled', results: null, values: [], observations: [] };
  }
  const { expect, expectExit } = step.annotations;
  const base = decideOutcome({
    ...end, command: step.command, timeoutMs: input.timeoutMs, ...output,
    ...(expectExit !== undefined ? { expectExit } : {}),
    ...(expect !== undefined ? { expect } : {}),
    spawnError: end.spawnError ?? input.logError,
  });
  let status: StepStatus = base.status;
  let outcome = output.logError ? `${base.outcome} (log incomplete: ${output.logError})` : base.outcome;
  if (output.expectError && status === 'failed' && end.exitCode === (expectExit ?? 0)) {
    status = 'blocked';
    outcome = `expect annotation not usable: ${output.expectError}`;
  }

  const results = await readHarnessResults(input);
  if (results && !results.error && results.rows.length > 0) {
    const verdict = harnessVerdict(results.rows, end.exitCode, expectExit ?? 0);
    status = verdict.status;
    outcome = verdict.outcome;
  } else if (results?.error) {
    // A harness step never passes on its exit code alone: a named results file it did not write blocks it.
    if (input.step.annotations.results !== undefined && status === 'passed') status = 'blocked';
    outcome = `${outcome}; results file ${results.file}: ${results.error}`;
  }

  const values: ValueReading[] = [];
  const observations: Judged['observations'] = [];
  // One reading of the JSON output serves every gate the step observes.
  const expression = step.annotations.value;
  const gateIds = step.annotations.gate ?? [];
  let read: ReturnType<typeof readJsonValue> | undefined;
  if (expression !== undefined && gateIds.length > 0) {
    const whole = input.logPath ? await input.results.log(input.logPath) : null;
    read = readJsonValue(whole ?? (output.stdoutTail || output.combinedTail), expression);
  }
  for (const gateId of gateIds) {
    const gate = input.results.gate(gateId);
    if (expression !== undefined && read !== undefined) {
      const reading = evaluateThresholds(gateId, expression, read, gate?.thresholds ?? []);
      values.push(reading);
      observations.push({ gateId, status: reading.status, value: reading.value, note: reading.detail });
    } else {
      const observed = evaluateOutcomeForGate(status);
      observations.push({ gateId, status: observed, value: null, note: `${step.id}: ${outcome}` });
    }
  }
  // A step that reads KPI values is about them: its one line is the reading, not the JSON's last line.
  if (values.length > 0 && status === 'passed') outcome = values.map((v) => v.detail).join('; ');
  return { status, outcome, results, values, observations };
}

/**
 * The results file: the one a `results=` annotation names (it must have been written during
 * the step), else the first file the output says it wrote that parses.
 */
async function readHarnessResults(input: JudgeInput): Promise<HarnessResults | null> {
  const named = input.step.annotations.results;
  if (named !== undefined) {
    const read = await input.results.read(input.cwd, named, input.startedAt);
    if (read === null) return { file: named, format: 'tsv', rows: [], error: 'not written during this step' };
    if ('error' in read) return { file: read.file, format: 'tsv', rows: [], error: read.error };
    return { ...parseResultsFile(read.file, read.text), file: read.file };
  }
  let firstError: HarnessResults | null = null;
  for (const path of resultsFileCandidates(input.output.combinedTail)) {
    const read = await input.results.read(input.cwd, path, input.startedAt);
    if (read === null) continue;
    const parsed: HarnessResults = 'error' in read
      ? { file: read.file, format: 'tsv', rows: [], error: read.error }
      : { ...parseResultsFile(read.file, read.text), file: read.file };
    if (!parsed.error && parsed.rows.length > 0) return parsed;
    firstError ??= parsed;
  }
  return firstError;
}

// The JSON a step printed, found among whatever else it printed: progress lines before it,
// `jq`'s pretty-printed multi-line output, log lines after it, several documents in a row.
//
// The rule: the last complete JSON object or array in the output (an unfinished one at the
// very end is ignored, so a killed step yields the document before it). With no object or
// array at all, the last non-blank line if it is a JSON scalar (`jq -r .count` prints "3").
// A closing bracket with no opening one means the start of a document was cut off (the step's
// output tail keeps only its end): objects found before it are pieces of that document and
// are not used.
import { stripAnsi } from './outputLines';

export type JsonFound = { ok: true; value: unknown } | { ok: false; error: string };

/** Index just past the bracket that closes the one at `start`, or -1 (never closed, or crossed). */
function closingIndex(text: string, start: number): number {
  const expected: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') expected.push('}');
    else if (c === '[') expected.push(']');
    else if (c === '}' || c === ']') {
      if (expected.pop() !== c) return -1;
      if (expected.length === 0) return i + 1;
    }
  }
  return -1;
}

function parseOrUndefined(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function lastScalarLine(text: string): { value: unknown } | undefined {
  const line = text.split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '').pop();
  return line === undefined ? undefined : parseOrUndefined(line);
}

export function lastJsonValue(output: string): JsonFound {
  const text = stripAnsi(output);
  let last: { value: unknown } | undefined;
  let cutOff = false;
  // Brackets up to here belong to a balanced span already looked at (JSON or not).
  let coveredUntil = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') {
      const end = closingIndex(text, i);
      if (end < 0) continue;
      const parsed = parseOrUndefined(text.slice(i, end));
      coveredUntil = Math.max(coveredUntil, end);
      if (parsed) {
        last = parsed;
        cutOff = false;
        i = end - 1;
      }
    } else if ((c === '}' || c === ']') && i >= coveredUntil) {
      last = undefined;
      cutOff = true;
    }
  }
  if (last) return { ok: true, value: last.value };
  if (cutOff) return { ok: false, error: 'the JSON in the output is cut off at its start (only the end of the output was kept)' };
  const scalar = lastScalarLine(text);
  if (scalar) return { ok: true, value: scalar.value };
  return { ok: false, error: 'no JSON value in the output' };
}

// Fence attributes in Runme's two syntaxes, JSON (`{"name":"x"}`) and `{ name=x key=value }`,
// plus our keys. Never throws: every problem becomes an AnnotationProblem for a diagnostic.
import { memoByText } from '../../text/memoByText';
import type { DiagnosticSeverity, StepAnnotations } from '../model';

export interface AnnotationProblem {
  severity: DiagnosticSeverity;
  code: string;
  message: string;
}

export interface ParsedAnnotations {
  annotations: StepAnnotations;
  /** `secret=true`: every input of the step is a secret. */
  allSecret: boolean;
  /** `run=step-a,step-b` in a comment on a checklist item: the steps that item runs. */
  run?: string[];
  /** Keys as written, in order (to tell check keys from step keys on an item). */
  keys: string[];
  problems: AnnotationProblem[];
}

type RawValue = string | number | boolean | null | string[] | true;

/** Runme keys we accept and ignore (ids Runme writes, terminal options). */
const IGNORED_KEYS = new Set([
  'id', 'category', 'terminalrows', 'closeterminalonsuccess', 'mimetype', 'interpreter',
  'skipprompts', 'namegenerated', 'language', 'lang',
]);

const KNOWN_KEYS: Record<string, string> = {
  name: 'name', title: 'title', cwd: 'cwd', interactive: 'interactive', background: 'background',
  excludefromrunall: 'excludeFromRunAll', promptenv: 'promptEnv', required: 'required',
  optional: 'optional', timeout: 'timeout', timeoutms: 'timeoutMs', expectexit: 'expectExit',
  expect: 'expect', stage: 'stage', destructive: 'destructive', secret: 'secret',
  check: 'check', checks: 'check', gate: 'gate', gates: 'gate', value: 'value', results: 'results',
  onfailure: 'onFailure', run: 'run',
};

/** Keys that speak about a checklist item rather than a step (in `<!-- runbook: … -->` on an item). */
export const CHECK_KEYS = new Set(['run', 'required', 'optional', 'gate']);

function normaliseKey(key: string): string {
  return key.replace(/[-_]/g, '').toLowerCase();
}

/** Splits a fence info string into language and attribute text (`bash{name=x}` works too). */
export function splitInfo(lang: string | null | undefined, meta: string | null | undefined): { language: string; attributes: string } {
  const info = `${lang ?? ''}${meta ? ' ' + meta : ''}`.trim();
  const brace = info.indexOf('{');
  const head = brace >= 0 ? info.slice(0, brace) : info;
  const space = head.search(/\s/);
  const language = (space >= 0 ? head.slice(0, space) : head).trim().toLowerCase();
  const attributes = info.slice(language.length).trim();
  return { language, attributes };
}

// An unquoted value may be a comma list (`check=stage-0.2,stage-1.1`) as long as no piece holds "=".
const TOKEN = /\s*,?\s*([A-Za-z_][\w.-]*)(?:\s*[=:]\s*("(?:[^"\\]|\\.)*"|'[^']*'|\/(?:[^/\\\n]|\\.)+\/[a-z]*(?=[\s,}]|$)|[^\s"',}]+(?:,[^\s"',}=:]+(?=[\s,}]|$))*))?/y;

function parseAttributeTokens(text: string): { entries: [string, RawValue][]; error: string | null } {
  const entries: [string, RawValue][] = [];
  let index = 0;
  while (index < text.length) {
    if (/^[\s,]*$/.test(text.slice(index))) break;
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(text);
    if (!match || match[0].length === 0) {
      return { entries, error: `cannot read "${text.slice(index).trim()}"` };
    }
    const key = match[1] ?? '';
    const raw = match[2];
    let value: RawValue = true;
    if (raw !== undefined) {
      if (raw.startsWith('"')) {
        try {
          value = JSON.parse(raw) as string;
        } catch {
          value = raw.slice(1, -1);
        }
      } else if (raw.startsWith("'")) value = raw.slice(1, -1);
      else value = raw;
    }
    entries.push([key, value]);
    index = TOKEN.lastIndex;
  }
  return { entries, error: null };
}

function readEntries(text: string, problems: AnnotationProblem[]): [string, RawValue][] {
  const trimmed = text.trim();
  if (trimmed.length === 0) return [];
  if (trimmed.startsWith('{')) {
    // JSON only when it can be: a failed JSON.parse throws, and a throw per fence was most of
    // the parse of a runbook of `{name=…}` fences.
    if (/^\{\s*(?:"|\})/.test(trimmed)) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          return Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, toRaw(v)]);
        }
      } catch {
        // Not JSON: try the `{ key=value }` form below.
      }
    }
    if (!trimmed.endsWith('}')) {
      problems.push({ severity: 'warning', code: 'malformed-annotation', message: `Annotation "${trimmed}" has no closing "}"; it is ignored.` });
      return [];
    }
    const inner = trimmed.slice(1, -1);
    if (/^\s*"/.test(inner)) {
      problems.push({ severity: 'warning', code: 'malformed-annotation', message: `Annotation ${trimmed} is not valid JSON; it is ignored.` });
      return [];
    }
    const { entries, error } = parseAttributeTokens(inner);
    if (error) {
      problems.push({ severity: 'warning', code: 'malformed-annotation', message: `Annotation ${trimmed}: ${error}; it is ignored.` });
      return [];
    }
    return entries;
  }
  const { entries, error } = parseAttributeTokens(trimmed);
  if (error) {
    problems.push({ severity: 'warning', code: 'malformed-annotation', message: `Fence attributes "${trimmed}": ${error}; they are ignored.` });
    return [];
  }
  return entries;
}

function toRaw(value: unknown): RawValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => String(v));
  return JSON.stringify(value);
}

/** `a,b`, `a b`, or a JSON array -> ["a", "b"]. */
function toList(value: RawValue): string[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' || typeof value === 'number' ? String(value).split(/[\s,]+/) : [];
  const names = items.map((s) => s.trim()).filter((s) => s.length > 0);
  return names.length > 0 ? names : undefined;
}

function toBoolean(value: RawValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value === 'string') {
    const v = value.toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(v)) return true;
    if (['false', 'no', 'off', '0'].includes(v)) return false;
  }
  return undefined;
}

/** "30s", "10m", "1h", "500ms", "1.5m" or a number of milliseconds. */
export function parseDuration(value: RawValue): number | undefined {
  if (typeof value === 'number') return value >= 0 && Number.isFinite(value) ? Math.round(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hours?)?$/i.exec(value.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = (match[2] ?? 'ms').toLowerCase();
  const factor = unit === 'ms' ? 1 : unit.startsWith('s') ? 1000 : unit.startsWith('m') ? 60_000 : 3_600_000;
  return Math.round(amount * factor);
}

/**
 * Reads annotation text (fence attributes or the body of `<!-- runbook: ... -->`). Memoised by
 * text: most fences of a runbook carry the same few info strings. The result is shared, like
 * the fragments that hold it, and never changed by its readers.
 */
export const parseAnnotations = memoByText(readAnnotations, 5_000);

function readAnnotations(text: string): ParsedAnnotations {
  const problems: AnnotationProblem[] = [];
  const annotations: StepAnnotations = {};
  const keys: string[] = [];
  let run: string[] | undefined;
  let allSecret = false;
  const bad = (key: string, value: RawValue, expected: string): void => {
    problems.push({
      severity: 'warning',
      code: 'invalid-annotation-value',
      message: `Annotation ${key}=${JSON.stringify(value)} is not ${expected}; it is ignored.`,
    });
  };
  for (const [rawKey, value] of readEntries(text, problems)) {
    const norm = normaliseKey(rawKey);
    const key = KNOWN_KEYS[norm];
    if (!key) {
      if (IGNORED_KEYS.has(norm)) continue;
      problems.push({
        severity: 'warning',
        code: 'unknown-annotation-key',
        message: `Unknown annotation key "${rawKey}" (known: ${[...new Set(Object.values(KNOWN_KEYS))].filter((k) => k !== 'timeoutMs').join(', ')}).`,
      });
      continue;
    }
    keys.push(key === 'timeoutMs' ? 'timeout' : key);
    switch (key) {
      case 'name':
      case 'title':
      case 'cwd': {
        // Ids, titles and paths are printed on terminals and in reports: control characters never belong in them.
        // eslint-disable-next-line no-control-regex
        const controls = /[\u0000-\u001f\u007f-\u009f]/;
        if (((typeof value === 'string' && value.trim().length > 0) || typeof value === 'number') && !controls.test(String(value))) annotations[key] = String(value).trim();
        else bad(rawKey, value, 'a non-empty text without control characters');
        break;
      }
      case 'stage': {
        if ((typeof value === 'string' && value.trim().length > 0) || typeof value === 'number') annotations.stage = String(value).trim();
        else bad(rawKey, value, 'a stage id or number');
        break;
      }
      case 'interactive':
      case 'background':
      case 'excludeFromRunAll':
      case 'destructive':
      case 'required': {
        const b = toBoolean(value);
        if (b === undefined) bad(rawKey, value, 'true or false');
        else annotations[key] = b;
        break;
      }
      case 'promptEnv': {
        const b = toBoolean(value);
        if (b !== undefined) annotations.promptEnv = b;
        else if (!(typeof value === 'string' && value.toLowerCase() === 'auto')) bad(rawKey, value, 'true, false or auto');
        break;
      }
      case 'optional': {
        const b = toBoolean(value);
        if (b === undefined) bad(rawKey, value, 'true or false');
        else annotations.required = !b;
        break;
      }
      case 'timeout':
      case 'timeoutMs': {
        const ms = parseDuration(value);
        if (ms === undefined || ms === 0) bad(rawKey, value, 'a duration such as 30s, 10m or a number of milliseconds');
        else {
          annotations.timeoutMs = ms;
          if (ms < 1000 && key === 'timeout' && /^\d+$/.test(String(value))) {
            problems.push({ severity: 'info', code: 'suspicious-timeout', message: `timeout=${String(value)} means ${ms} ms; write ${String(value)}s for seconds.` });
          }
        }
        break;
      }
      case 'expectExit': {
        const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
        if (Number.isInteger(n) && n >= 0 && n <= 255) annotations.expectExit = n;
        else bad(rawKey, value, 'an exit code from 0 to 255');
        break;
      }
      case 'expect': {
        if (typeof value !== 'string' || value.length === 0) {
          bad(rawKey, value, 'a text or /regex/');
          break;
        }
        const regex = /^\/(.*)\/([a-z]*)$/s.exec(value);
        if (regex) {
          try {
            new RegExp(regex[1] ?? '', regex[2]);
          } catch (error) {
            bad(rawKey, value, `a valid regular expression (${(error as Error).message})`);
            break;
          }
        }
        annotations.expect = value;
        break;
      }
      case 'check':
      case 'gate':
      case 'run': {
        const list = toList(value);
        if (!list) bad(rawKey, value, key === 'run' ? 'one or more step ids' : `one or more ${key} ids`);
        else if (key === 'run') run = [...(run ?? []), ...list];
        else annotations[key] = [...(annotations[key] ?? []), ...list];
        break;
      }
      case 'value': {
        if (typeof value === 'string' && value.trim().length > 0) annotations.value = value.trim();
        else bad(rawKey, value, 'a JMESPath expression');
        break;
      }
      case 'results': {
        if (typeof value !== 'string' || value.trim().length === 0) bad(rawKey, value, 'a results file path');
        else if (/^(?:\/|[A-Za-z]:[\\/]|~)/.test(value.trim())) bad(rawKey, value, 'a path relative to the step (absolute paths are refused)');
        else annotations.results = value.trim();
        break;
      }
      case 'onFailure': {
        const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
        if (v === 'stop' || v === 'continue') annotations.onFailure = v;
        else bad(rawKey, value, 'stop or continue');
        break;
      }
      case 'secret': {
        if (value === true || (typeof value === 'string' && toBoolean(value) === true)) allSecret = true;
        else if (typeof value === 'string' && toBoolean(value) === false) break;
        else if (typeof value === 'string' || Array.isArray(value)) {
          const names = (Array.isArray(value) ? value : value.split(/[\s,]+/)).map((s) => s.replace(/^\$\{?|\}$/g, '').trim()).filter((s) => s.length > 0);
          annotations.secret = [...(annotations.secret ?? []), ...names];
        } else bad(rawKey, value, 'true or a list of input names');
        break;
      }
    }
  }
  return { annotations, allSecret, ...(run ? { run } : {}), keys, problems };
}

// What a shell step needs and does, read from its text without running it: the inputs it
// expands, the names it assigns itself, `gh issue view` numbers, and risky patterns.

export interface Located {
  /** 0-based line within the command text. */
  line: number;
  /** 0-based column within that line. */
  column: number;
  length: number;
}

export interface InputUse extends Located {
  name: string;
}

/** Variables the shell or the OS provides; never worth asking the user for. */
const PROVIDED = new Set([
  'HOME', 'PATH', 'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'SHELL', 'HOSTNAME', 'HOSTTYPE', 'OSTYPE',
  'MACHTYPE', 'RANDOM', 'LINENO', 'SECONDS', 'UID', 'EUID', 'GROUPS', 'PPID', 'IFS', 'TMPDIR',
  'LANG', 'LC_ALL', 'TERM', 'BASH', 'BASH_SOURCE', 'BASH_VERSION', 'BASH_REMATCH', 'BASHPID',
  'FUNCNAME', 'PIPESTATUS', 'REPLY', 'OPTARG', 'OPTIND', 'SHLVL', 'EPOCHSECONDS', 'EPOCHREALTIME',
  'COLUMNS', 'LINES', 'HISTFILE', 'PS1', 'PS2', 'PS4', 'ZSH_VERSION',
]);

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Console transcripts: keep `$ ` command lines (and their `\` continuations), drop output. */
export function consoleCommands(value: string): { command: string; lineMap: number[] } {
  const lines = value.split('\n');
  const kept: string[] = [];
  const lineMap: number[] = [];
  let continuing = false;
  lines.forEach((line, index) => {
    let text: string | null = null;
    if (continuing) text = line.replace(/^>\s?/, '');
    else {
      const prompt = /^\s*(?:[\w.-]+@[\w.-]+(?::[^$\s]*)?\s*)?\$(?:\s|$)/.exec(line);
      if (prompt) text = line.slice(prompt[0].length);
    }
    if (text === null) {
      continuing = false;
      return;
    }
    continuing = /\\\s*$/.test(text);
    if (text.trim().length === 0 && !continuing) return;
    kept.push(text);
    lineMap.push(index);
  });
  return { command: kept.join('\n'), lineMap };
}

/** Names the step gives a value itself: `X=1`, `export X=`, `read X`, `for X in`, `local X`. */
export function assignedNames(command: string): Set<string> {
  const names = new Set<string>();
  for (const line of command.split('\n')) {
    for (const raw of line.split(/;|&&|\|\||\||\(|\)|\{|\}|`|\$\(/)) {
      const words = raw.trim().split(/\s+/).filter((w) => w.length > 0);
      while (words.length > 0 && /^(then|do|else|elif|if|while|until|!|time|exec)$/.test(words[0] ?? '')) words.shift();
      const first = words[0] ?? '';
      if (/^(export|local|declare|readonly|typeset)$/.test(first)) {
        for (const word of words.slice(1)) {
          const m = /^([A-Za-z_]\w*)(?:\[[^\]]*\])?(?:\+?=|$)/.exec(word);
          if (m?.[1]) names.add(m[1]);
        }
        continue;
      }
      if (first === 'for' || first === 'select') {
        const m = /^([A-Za-z_]\w*)$/.exec(words[1] ?? '');
        if (m?.[1]) names.add(m[1]);
        continue;
      }
      if (first === 'read' || first === 'mapfile' || first === 'readarray') {
        let skipNext = false;
        for (const word of words.slice(1)) {
          if (skipNext) {
            skipNext = false;
            continue;
          }
          if (/^-[pdtnNu]$/.test(word)) skipNext = true;
          else if (/^[A-Za-z_]\w*$/.test(word)) names.add(word);
          else if (/^[<>]/.test(word)) break;
        }
        continue;
      }
      for (const word of words) {
        const m = /^([A-Za-z_]\w*)(?:\[[^\]]*\])?\+?=/.exec(word);
        if (!m?.[1]) break;
        names.add(m[1]);
      }
    }
  }
  return names;
}

/**
 * Every `$NAME` / `${NAME}` the shell would expand: not inside single quotes, quoted heredocs
 * or comments, not `$1`/`$?`, not `${NAME:-default}` (it has a value).
 */
export function expandedNames(command: string): InputUse[] {
  const uses: InputUse[] = [];
  const lines = command.split('\n');
  let quote: "'" | '"' | null = null;
  let heredoc: { delimiter: string; literal: boolean } | null = null;
  const pending: { delimiter: string; literal: boolean }[] = [];
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex] ?? '';
    if (heredoc) {
      if (line.replace(/^\t+/, '').trim() === heredoc.delimiter) {
        heredoc = pending.shift() ?? null;
        continue;
      }
      if (!heredoc.literal) scanDollars(line, lineIndex, 0, line.length, uses);
      continue;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote === "'") {
        if (c === "'") quote = null;
        continue;
      }
      if (c === '\\') {
        i++;
        continue;
      }
      if (quote === '"') {
        if (c === '"') quote = null;
        else if (c === '$') i = readDollar(line, lineIndex, i, uses);
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === '#' && (i === 0 || /[\s;&|(]/.test(line[i - 1] ?? ''))) break;
      else if (c === '$') i = readDollar(line, lineIndex, i, uses);
      else if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
        const m = /^<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(line.slice(i));
        if (m?.[2]) {
          pending.push({ delimiter: m[2], literal: (m[1] ?? '') !== '' });
          i += m[0].length - 1;
        }
      }
    }
    if (pending.length > 0 && !heredoc) heredoc = pending.shift() ?? null;
  }
  return uses;
}

function scanDollars(line: string, lineIndex: number, from: number, to: number, uses: InputUse[]): void {
  for (let i = from; i < to; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '$') i = readDollar(line, lineIndex, i, uses);
  }
}

/** Reads the expansion at `line[at] === '$'`; returns the index of its last character. */
function readDollar(line: string, lineIndex: number, at: number, uses: InputUse[]): number {
  const next = line[at + 1];
  if (next === '{') {
    const m = /^\$\{([#!]?)([A-Za-z_]\w*)([^}]*)\}?/.exec(line.slice(at));
    if (!m) return at;
    const rest = m[3] ?? '';
    const hasDefault = /^:?[-=+?]/.test(rest) && m[1] === '';
    if (!hasDefault && m[2]) uses.push({ name: m[2], line: lineIndex, column: at, length: m[0].length });
    return at + m[0].length - 1;
  }
  NAME.lastIndex = at + 1;
  const m = NAME.exec(line);
  if (!m) return at;
  uses.push({ name: m[0], line: lineIndex, column: at, length: m[0].length + 1 });
  return at + m[0].length;
}

/** The inputs a step needs, first use of each, in order of appearance. */
export function stepInputs(command: string, extraProvided: ReadonlySet<string> = new Set()): InputUse[] {
  if (!command.includes('$')) return []; // every use is a $NAME or ${NAME}
  const assigned = assignedNames(command);
  const seen = new Set<string>();
  const result: InputUse[] = [];
  for (const use of expandedNames(command)) {
    if (seen.has(use.name) || assigned.has(use.name) || PROVIDED.has(use.name) || extraProvided.has(use.name)) continue;
    seen.add(use.name);
    result.push(use);
  }
  return result;
}

/** The issue's list, plus PASSWD and a `PAT` word (personal access token: VSCE_PAT). */
export { isSecretName } from '../../secrets/secretNames';

export interface CommandIssue extends Located {
  repo: string | null;
  number: number;
  text: string;
}

const GH_ISSUE_VIEW = /gh\s+issue\s+view/;

/** `gh issue view 12 [-R o/r]`, GitHub issue URLs in it, and `for i in 1 2 3; do gh issue view "$i"` loops. */
export function ghIssueReferences(command: string): CommandIssue[] {
  if (!GH_ISSUE_VIEW.test(command)) return []; // both forms below need one
  const lines = command.split('\n');
  const found: CommandIssue[] = [];
  const repoFlag = (text: string): string | null => /(?:-R|--repo)[\s=]+["']?([\w.-]+\/[\w.-]+)/.exec(text)?.[1] ?? null;
  lines.forEach((line, lineIndex) => {
    const re = /gh\s+issue\s+view\s+((?:-\S+\s+\S+\s+)*)["']?(?:#?(\d+)|https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/issues\/(\d+))\b/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const digits = m[2] ?? m[4] ?? '';
      const column = m.index + m[0].length - digits.length;
      found.push({ line: lineIndex, column, length: digits.length, number: Number(digits), repo: m[3] ?? repoFlag(line), text: m[0].replace(/["']/g, '') });
    }
  });
  const loop = /\bfor\s+([A-Za-z_]\w*)\s+in\s+([^;\n]*?)\s*(?:;|\n)\s*do\b/g;
  for (let m = loop.exec(command); m; m = loop.exec(command)) {
    const variable = m[1] ?? '';
    const body = command.slice(m.index + m[0].length);
    const end = body.search(/\bdone\b/);
    const bodyText = end >= 0 ? body.slice(0, end) : body;
    const use = new RegExp(`gh\\s+issue\\s+view\\s+(?:-\\S+\\s+\\S+\\s+)*["']?\\$\\{?${variable}\\b`);
    if (!use.test(bodyText)) continue;
    const repo = repoFlag(bodyText);
    const listStart = m.index + m[0].indexOf(m[2] ?? '', m[0].indexOf(' in ') + 1);
    const words = /\S+/g;
    const list = m[2] ?? '';
    for (let w = words.exec(list); w; w = words.exec(list)) {
      const offset = listStart + w.index;
      const before = command.slice(0, offset);
      const line = before.split('\n').length - 1;
      const column = offset - (before.lastIndexOf('\n') + 1);
      const word = w[0].replace(/^["'#]+|["']+$/g, '');
      const range = /^\{(\d+)\.\.(\d+)\}$/.exec(word);
      if (range) {
        const a = Number(range[1]);
        const b = Number(range[2]);
        if (b >= a && b - a < 200) for (let n = a; n <= b; n++) found.push({ line, column, length: w[0].length, number: n, repo, text: w[0] });
      } else if (/^\d+$/.test(word)) {
        found.push({ line, column, length: w[0].length, number: Number(word), repo, text: word });
      }
    }
  }
  return found.filter((f) => f.number > 0 && Number.isSafeInteger(f.number));
}

export interface RiskFinding extends Located {
  code: 'pipe-to-shell' | 'plain-http';
  message: string;
}

export function riskyPatterns(command: string): RiskFinding[] {
  const findings: RiskFinding[] = [];
  if (!/curl|wget|http:\/\//.test(command)) return findings; // what both patterns need
  command.split('\n').forEach((line, lineIndex) => {
    const pipe = /\b(curl|wget)\b[^|\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:ba|z|da|k)?sh\b/.exec(line);
    if (pipe) {
      findings.push({
        line: lineIndex, column: pipe.index, length: pipe[0].length, code: 'pipe-to-shell',
        message: `This step pipes a download into a shell (${pipe[1]} | sh): the script is run unseen. Download it, check it, then run it.`,
      });
    }
    const http = /\bhttp:\/\/(?!(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\])(?:[:/"'\s]|$))[^\s"'`)]+/g;
    for (let m = http.exec(line); m; m = http.exec(line)) {
      findings.push({
        line: lineIndex, column: m.index, length: m[0].length, code: 'plain-http',
        message: `Plain-http URL ${m[0]}: the traffic (and any token sent with it) is unencrypted. Use https.`,
      });
    }
  });
  return findings;
}

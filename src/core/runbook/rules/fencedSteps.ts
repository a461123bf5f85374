// Fenced blocks: which are steps (sh, bash, shell, zsh, console), their annotations, console
// transcripts, inputs, `gh issue view` references and risky patterns; unlabelled shell and
// unterminated fences become diagnostics. Indented code is never a step.
import type { Code } from 'mdast';
import type { FragmentEvent } from '../parse/fragment';
import { looksLikeShell } from '../parse/mdastText';
import { parseAnnotations, splitInfo } from './annotations';
import { consoleCommands, ghIssueReferences, riskyPatterns, stepInputs } from './shellScan';
import { destructiveReason, placeholdersIn } from './safety';
import type { SourceLines } from './sourceLines';

export const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'zsh', 'console', 'shellscript', 'shell-session', 'shellsession']);
const CONSOLE_LANGUAGES = new Set(['console', 'shell-session', 'shellsession']);

export function readFence(node: Code, src: SourceLines, out: FragmentEvent[]): void {
  let range = src.range(node);
  const opening = src.lines[range.startLine - 1] ?? '';
  const openText = opening.slice(range.startColumn - 1);
  const fence = /^(`{3,}|~{3,})/.exec(openText);
  const headRange = src.lineRange(range.startLine, range.startColumn);
  if (!fence) {
    out.push({ kind: 'code', step: null, range }); // indented code: never a step
    return;
  }
  const fenceText = fence[1] ?? '```';
  const closing = (src.lines[range.endLine - 1] ?? '').slice(0, range.endColumn - 1);
  const closeMatch = /^[\s>]*(`+|~+)\s*$/.exec(closing);
  const terminated = range.endLine > range.startLine && closeMatch !== null
    && (closeMatch[1] ?? '')[0] === fenceText[0] && (closeMatch[1] ?? '').length >= fenceText.length;
  const { language, attributes } = splitInfo(node.lang, node.meta);
  const isStep = SHELL_LANGUAGES.has(language);
  if (language === '' && looksLikeShell(node.value)) {
    out.push({
      kind: 'diagnostic', severity: 'info', code: 'unlabelled-shell-block', range: headRange,
      message: 'This block reads as shell commands but has no language, so it is not a step. Write ```bash (or ```console for a transcript) to make it one.',
    });
  }
  let value = node.value;
  if (!terminated) {
    // Where an open fence ends depends on what closes its container (end of input or a later
    // block); trailing blank lines are dropped so that the answer is the same either way.
    value = value.replace(/(?:\n[ \t]*)+$/, '');
    let endLine = range.endLine;
    while (endLine > range.startLine && (src.lines[endLine - 1] ?? '').trim().replace(/^>\s*/, '').length === 0) endLine--;
    if (endLine !== range.endLine) range = { ...range, endLine, endColumn: (src.lines[endLine - 1] ?? '').length + 1 };
    out.push({
      kind: 'diagnostic', severity: isStep ? 'error' : 'warning', code: 'unterminated-fence', range: headRange,
      message: `The ${fenceText} fence opened here is never closed: everything after it${isStep ? ' is taken as this step\'s command' : ' is taken as code'}. Add a closing ${fenceText}.`,
    });
  }
  if (!isStep) {
    out.push({ kind: 'code', step: null, range });
    return;
  }
  const parsed = parseAnnotations(attributes);
  for (const p of parsed.problems) out.push({ kind: 'diagnostic', ...p, range: headRange });
  if (parsed.run) {
    out.push({
      kind: 'diagnostic', severity: 'warning', code: 'annotation-not-for-step', range: headRange,
      message: `run=${parsed.run.join(',')} binds a checklist item to steps; on a step write check=ITEM-ID (or name=… and put <!-- runbook: run=… --> on the item).`,
    });
  }
  // Only blank lines is no command (micromark keeps a lone CR of a blank line at the end of input).
  let command = value.trim().length === 0 ? '' : value;
  let lineMap: number[] | null = null;
  const transcript = !CONSOLE_LANGUAGES.has(language) && value.includes('$ ') && /^\s*\$ \S/.test(value.split('\n').find((l) => l.trim().length > 0) ?? '');
  if (transcript) {
    // "$ kubectl get pods" in a bash block cannot run as written: read it as a transcript.
    out.push({
      kind: 'diagnostic', severity: 'info', code: 'prompts-in-shell-block', range: headRange,
      message: `This ${language} block starts with a "$ " prompt, so it is read as a transcript: prompts are stripped and lines without one are taken as output. Use \`\`\`console to say so, or drop the prompts.`,
    });
  }
  if (CONSOLE_LANGUAGES.has(language) || transcript) {
    ({ command, lineMap } = consoleCommands(value));
    if (command.trim().length === 0) {
      out.push({
        kind: 'diagnostic', severity: 'info', code: 'console-without-prompt', range: headRange,
        message: 'This console block has no "$ " prompt lines, so it has nothing to run and is not a step.',
      });
      out.push({ kind: 'code', step: null, range });
      return;
    }
  }
  const contentLine = (commandLine: number): number => range.startLine + 1 + (lineMap ? (lineMap[commandLine] ?? 0) : commandLine);
  // Split once: a block of 10,000 `$VAR` lines once split its command per use (1 MB: 33 s).
  const commandLines = command.split('\n');
  const inputs = stepInputs(command).map((use) => {
    const line = contentLine(use.line);
    const token = commandLines[use.line]?.slice(use.column, use.column + use.length) ?? use.name;
    return { name: use.name, range: src.locate(line, token, use.column + 1) };
  });
  out.push({
    kind: 'code',
    step: {
      language, command, annotations: parsed.annotations, allSecret: parsed.allSecret, inputs, headRange,
      firstLine: commandLines.find((l) => l.trim().length > 0)?.trim() ?? '',
      cwd: null, risk: destructiveReason(command), placeholders: placeholdersIn(command),
    },
    range,
  });
  for (const ref of ghIssueReferences(command)) {
    const line = contentLine(ref.line);
    const token = commandLines[ref.line]?.slice(ref.column, ref.column + ref.length) ?? String(ref.number);
    const source = /^gh\s/.test(ref.text) ? 'gh-view' : 'gh-loop';
    out.push({ kind: 'issue', number: ref.number, repo: ref.repo, text: ref.text, source, cue: null, range: src.locate(line, token, ref.column + 1) });
  }
  for (const risk of riskyPatterns(command)) {
    const line = contentLine(risk.line);
    const token = commandLines[risk.line]?.slice(risk.column, risk.column + risk.length) ?? '';
    out.push({ kind: 'diagnostic', severity: 'warning', code: risk.code, message: risk.message, range: src.locate(line, token, risk.column + 1) });
  }
}

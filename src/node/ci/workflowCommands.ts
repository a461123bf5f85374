// GitHub Actions workflow commands as text (pure): annotations, log groups, and the
// stop-commands fence that keeps a step's own output from issuing commands. Escaping follows
// @actions/core: data escapes %, CR and LF; properties also escape ':' and ','.
import { visibleControlChars } from '../../core/text/controlChars';

export function escapeData(text: string): string {
  return visibleControlChars(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  /** Repository-relative path. */
  file: string | null;
  line: number | null;
  title: string;
  message: string;
}

/** `::error file=docs/x.md,line=25,title=…::message` */
export function annotation(a: Annotation): string {
  const properties = [
    a.file ? `file=${escapeProperty(a.file)}` : null,
    a.line !== null && a.line > 0 ? `line=${a.line}` : null,
    a.title ? `title=${escapeProperty(a.title)}` : null,
  ].filter((p): p is string => p !== null);
  return `::${a.level}${properties.length > 0 ? ` ${properties.join(',')}` : ''}::${escapeData(a.message)}`;
}

/**
 * The lines around one step's output: a collapsible group, inside which workflow commands are
 * off until the step ends (`token` must be unguessable by the step: a fresh random value).
 */
export function stepGroup(title: string, token: string): { begin: string; end: string } {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) throw new Error('the stop-commands token must be 16+ random word characters');
  return {
    begin: `::group::${escapeData(title.replace(/\s*\r?\n\s*/g, ' '))}\n::stop-commands::${token}\n`,
    end: `\n::${token}::\n::endgroup::\n`,
  };
}
